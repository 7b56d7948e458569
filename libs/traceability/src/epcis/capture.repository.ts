import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Db } from '@app/database';
import type { LotRef, PlaceRef } from './capture-identifiers.js';

export type CaptureStatus = 'queued' | 'running' | 'done' | 'failed';
export type CaptureErrorBehaviour = 'rollback' | 'proceed';

/** One event's outcome in a capture job: its index in the document, its eventID, a reason code. */
export interface CaptureEventError {
  index: number;
  eventID: string | null;
  code: string;
  message: string;
}

export interface CaptureRow {
  id: string;
  organizationId: string;
  createdBy: string | null;
  createdByApiKeyId: string | null;
  role: string;
  status: CaptureStatus;
  errorBehaviour: CaptureErrorBehaviour;
  eventCount: number;
  processedCount: number;
  capturedCount: number;
  duplicateCount: number;
  refusedCount: number;
  errors: CaptureEventError[];
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `id, organization_id AS "organizationId", created_by AS "createdBy", created_by_api_key_id AS "createdByApiKeyId", role, status,
  error_behaviour AS "errorBehaviour", event_count AS "eventCount", processed_count AS "processedCount", captured_count AS "capturedCount",
  duplicate_count AS "duplicateCount", refused_count AS "refusedCount", errors, error_code AS "errorCode", error_message AS "errorMessage",
  created_at AS "createdAt", finished_at AS "finishedAt"`;

/** Capture jobs, captured eventIDs, and the lookups that resolve identifiers — always by organization. */
@Injectable()
export class CaptureRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  async insert(values: { organizationId: string; createdBy: string | null; apiKeyId: string | null; role: string; errorBehaviour: CaptureErrorBehaviour; document: unknown; eventCount: number }): Promise<CaptureRow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO epcis_capture (organization_id, created_by, created_by_api_key_id, role, status, error_behaviour, document, event_count)
       VALUES ($1, $2, $3, $4, 'queued', $5, $6::jsonb, $7) RETURNING ${COLUMNS}`,
      [values.organizationId, values.createdBy, values.apiKeyId, values.role, values.errorBehaviour, JSON.stringify(values.document), values.eventCount],
    );
    return row;
  }

  async find(organizationId: string, id: string, db: Db = this.dataSource): Promise<CaptureRow | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM epcis_capture WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
    return row ?? null;
  }

  async list(organizationId: string, limit: number, before?: { createdAt: string; id: string }): Promise<CaptureRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM epcis_capture WHERE organization_id = $1
         AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [organizationId, limit, before?.createdAt ?? null, before?.id ?? null],
    );
  }

  /** Takes a queued capture for running: the document, or null when another worker has it or it is finished. */
  async claim(organizationId: string, id: string): Promise<{ row: CaptureRow; document: any } | null> {
    // TypeORM answers an UPDATE with [rows, count].
    const [[row]] = await this.dataSource.query(
      `UPDATE epcis_capture SET status = 'running', processed_count = 0, captured_count = 0, duplicate_count = 0, refused_count = 0, errors = '[]'
       WHERE organization_id = $1 AND id = $2 AND status IN ('queued', 'running') RETURNING ${COLUMNS}, document`,
      [organizationId, id],
    );
    if (!row) return null;
    const { document, ...rest } = row;
    return { row: rest, document };
  }

  progress(id: string, counts: { processed: number; captured: number; duplicates: number; refused: number }): Promise<unknown> {
    return this.dataSource.query(
      `UPDATE epcis_capture SET processed_count = $2, captured_count = $3, duplicate_count = $4, refused_count = $5 WHERE id = $1 AND status = 'running'`,
      [id, counts.processed, counts.captured, counts.duplicates, counts.refused],
    );
  }

  /** The end of a capture; the document is dropped (the events are recorded, the errors kept). */
  finish(
    id: string,
    outcome: { status: 'done' | 'failed'; processed: number; captured: number; duplicates: number; refused: number; errors: CaptureEventError[]; errorCode?: string; errorMessage?: string },
  ): Promise<unknown> {
    return this.dataSource.query(
      `UPDATE epcis_capture SET status = $2, processed_count = $3, captured_count = $4, duplicate_count = $5, refused_count = $6, errors = $7::jsonb,
         error_code = $8, error_message = $9, document = NULL, finished_at = now() WHERE id = $1`,
      [id, outcome.status, outcome.processed, outcome.captured, outcome.duplicates, outcome.refused, JSON.stringify(outcome.errors), outcome.errorCode ?? null, outcome.errorMessage ?? null],
    );
  }

  /** Captures asked for whose job never finished (queue lost, worker died): the worker queues them again. */
  unfinished(): Promise<{ id: string; organizationId: string }[]> {
    return this.dataSource.query(`SELECT id, organization_id AS "organizationId" FROM epcis_capture WHERE status IN ('queued', 'running') AND created_at < now() - interval '1 minute'`);
  }

  // ---------------------------------------------------------------- captured eventIDs

  async capturedIds(organizationId: string, eventIds: string[], db: Db = this.dataSource): Promise<Set<string>> {
    if (!eventIds.length) return new Set();
    const rows: { key: string }[] = await db.query(
      `SELECT epcis_event_id || CASE WHEN declaration THEN '#declaration' ELSE '' END AS key FROM epcis_captured_event
       WHERE organization_id = $1 AND epcis_event_id = ANY($2::text[])`,
      [organizationId, eventIds],
    );
    return new Set(rows.map((row) => row.key));
  }

  /** Records a captured eventID; false when it was already captured (a concurrent capture of the same event). */
  async markCaptured(organizationId: string, eventId: string, declaration: boolean, captureId: string, ourEventId: string | null, db: Db): Promise<boolean> {
    const rows = await db.query(
      `INSERT INTO epcis_captured_event (organization_id, epcis_event_id, declaration, capture_id, event_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [organizationId, eventId, declaration, captureId, ourEventId],
    );
    return rows.length > 0;
  }

  async ourEventOf(organizationId: string, eventId: string, db: Db): Promise<string | null> {
    const [row] = await db.query(`SELECT event_id AS id FROM epcis_captured_event WHERE organization_id = $1 AND epcis_event_id = $2 AND NOT declaration`, [organizationId, eventId]);
    return row?.id ?? null;
  }

  // ---------------------------------------------------------------- identifiers

  async productByGtin(organizationId: string, gtin: string, db: Db): Promise<string | null> {
    const [row] = await db.query(`SELECT id FROM product WHERE organization_id = $1 AND gtin = $2`, [organizationId, gtin]);
    return row?.id ?? null;
  }

  async lot(organizationId: string, ref: LotRef, db: Db): Promise<string | null> {
    const [row] =
      'shortCode' in ref
        ? await db.query(`SELECT id FROM lot WHERE organization_id = $1 AND short_code = $2`, [organizationId, ref.shortCode])
        : await db.query(`SELECT l.id FROM lot l JOIN product p ON p.id = l.product_id WHERE l.organization_id = $1 AND p.gtin = $2 AND l.code = $3`, [organizationId, ref.gtin, ref.code]);
    return row?.id ?? null;
  }

  async growingArea(organizationId: string, by: { code?: string; id?: string }, db: Db): Promise<string | null> {
    const [row] = by.code
      ? await db.query(`SELECT id FROM growing_area WHERE organization_id = $1 AND code = $2 ORDER BY created_at LIMIT 1`, [organizationId, by.code])
      : await db.query(`SELECT id FROM growing_area WHERE organization_id = $1 AND id = $2`, [organizationId, by.id]);
    return row?.id ?? null;
  }

  async facility(organizationId: string, place: PlaceRef, db: Db): Promise<string | null> {
    const [row] =
      'gln' in place
        ? await db.query(`SELECT id FROM facility WHERE organization_id = $1 AND gln = $2 ORDER BY created_at LIMIT 1`, [organizationId, place.gln])
        : place.url.kind === 'facilities'
          ? await db.query(`SELECT id FROM facility WHERE organization_id = $1 AND id = $2`, [organizationId, place.url.id])
          : [];
    return row?.id ?? null;
  }

  /** A partner named by its GLN, by our partner URL, or by the platform organization it stands for. */
  async partner(organizationId: string, place: PlaceRef, db: Db): Promise<string | null> {
    const [row] =
      'gln' in place
        ? await db.query(`SELECT id FROM partner WHERE organization_id = $1 AND gln = $2 ORDER BY created_at LIMIT 1`, [organizationId, place.gln])
        : place.url.kind === 'partners'
          ? await db.query(`SELECT id FROM partner WHERE organization_id = $1 AND id = $2`, [organizationId, place.url.id])
          : place.url.kind === 'organizations'
            ? await db.query(`SELECT id FROM partner WHERE organization_id = $1 AND linked_organization_id = $2 ORDER BY created_at LIMIT 1`, [organizationId, place.url.id])
            : [];
    return row?.id ?? null;
  }

  /** A shipment on its way to this organization of the sender's lot named in a receiving event. */
  async incomingShipment(organizationId: string, ref: LotRef, db: Db): Promise<string | null> {
    const [row] =
      'shortCode' in ref
        ? await db.query(
            `SELECT s.id FROM shipment s JOIN lot l ON l.id = s.lot_id WHERE s.receiver_organization_id = $1 AND s.status = 'in_transit' AND l.short_code = $2 ORDER BY s.shipped_at LIMIT 1`,
            [organizationId, ref.shortCode],
          )
        : await db.query(
            `SELECT s.id FROM shipment s JOIN lot l ON l.id = s.lot_id JOIN product p ON p.id = l.product_id
             WHERE s.receiver_organization_id = $1 AND s.status = 'in_transit' AND p.gtin = $2 AND l.code = $3 ORDER BY s.shipped_at LIMIT 1`,
            [organizationId, ref.gtin, ref.code],
          );
    return row?.id ?? null;
  }
}
