import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface IdempotencyRecord {
  requestHash: string;
  statusCode: number | null;
  responseBody: unknown;
}

/** Stored answers to writes, keyed by the client's Idempotency-Key (DESIGN rule 12). */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Claims the key for this request; false when another request already holds it. */
  async claim(organizationId: string, key: string, method: string, path: string, requestHash: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO idempotency_key (organization_id, key, method, path, request_hash)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING key`,
      [organizationId, key, method, path, requestHash],
    );
    return rows.length === 1;
  }

  async find(organizationId: string, key: string): Promise<IdempotencyRecord | null> {
    const rows = await this.dataSource.query(
      `SELECT request_hash AS "requestHash", status_code AS "statusCode", response_body AS "responseBody"
       FROM idempotency_key WHERE organization_id = $1 AND key = $2`,
      [organizationId, key],
    );
    return rows[0] ?? null;
  }

  async complete(organizationId: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET status_code = $3, response_body = $4 WHERE organization_id = $1 AND key = $2`,
      [organizationId, key, statusCode, JSON.stringify(body ?? null)],
    );
  }

  /** A failed request frees its key so that the client's retry runs again. */
  async release(organizationId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE organization_id = $1 AND key = $2 AND status_code IS NULL`, [
      organizationId,
      key,
    ]);
  }
}
