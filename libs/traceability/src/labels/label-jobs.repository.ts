import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction, type Db } from '@app/database';
import { selectList } from '../common/row-columns.js';
import { noteIdempotentResult } from '../idempotency/idempotent-write.js';
import { LABEL_JOB_COLUMNS, type LabelJob } from './label-job.js';
import type { LabelJobSnapshot, LabelSource } from './label-snapshot.js';

export interface LabelSourceRow extends LabelSource {
  lotStatus: 'active' | 'recalled' | 'voided';
}

export interface NewLabelJob {
  lotId: string;
  templateId: string;
  count: number;
  serialized: boolean;
  startPosition: number;
  offsetXMm: number;
  offsetYMm: number;
  outline: boolean;
  language: 'vi' | 'en';
  snapshot: LabelJobSnapshot;
  serialFirst: string | null;
  serialLast: string | null;
  createdBy: string | null;
  createdByApiKeyId: string | null;
}

export interface UnfinishedLabelJob {
  organizationId: string;
  id: string;
  status: 'queued' | 'rendering';
  attempts: number;
}

/** An OCOP certificate without an expiry date is valid for 36 months from issue (docs/domain.md#words). */
const OCOP_VALID_UNTIL = `COALESCE(expires_at, (issued_at + interval '36 months')::date)`;

const LABEL_JOB = selectList(LABEL_JOB_COLUMNS);

/** Label jobs and what they print, in SQL (one way to the database: no TypeORM entity). */
@Injectable()
export class LabelJobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  /**
   * What a new job prints, read inside the creating transaction. The lot row is share-locked so a
   * concurrent recall or void either waits for the job to be committed or is seen here.
   */
  async findLabelSource(db: Db, organizationId: string, lotId: string, today: string): Promise<LabelSourceRow | null> {
    const rows: (Omit<LabelSourceRow, 'growingAreaCodes' | 'ocop'> & { growingAreaCode: string | null; growingAreaId: string | null })[] =
      await db.query(
        `SELECT l.id AS "lotId", l.code AS "lotCode", l.short_code AS "shortCode", l.kind AS "lotKind", l.status AS "lotStatus",
                l.produced_at AS "producedAt", l.produced_at_offset AS "producedAtOffset",
                to_char(l.expires_at, 'YYYY-MM-DD') AS "lotExpiresAt", l.growing_area_id AS "growingAreaId",
                p.id AS "productId", p.name_vi AS "productNameVi", p.name_en AS "productNameEn", p.gtin,
                p.shelf_life_days AS "shelfLifeDays", g.code AS "growingAreaCode", o.name AS "cooperativeName",
                nullif(concat_ws(', ', nullif(o.address, ''), nullif(o.commune, ''), nullif(o.province, '')), '') AS "cooperativeAddress",
                p.net_content::text AS "netContent", p.net_content_unit AS "netContentUnit"
           FROM lot l
           JOIN product p ON p.organization_id = l.organization_id AND p.id = l.product_id
           JOIN organization o ON o.id = l.organization_id
           LEFT JOIN growing_area g ON g.organization_id = l.organization_id AND g.id = l.growing_area_id
          WHERE l.organization_id = $1 AND l.id = $2
            FOR SHARE OF l`,
        [organizationId, lotId],
      );
    const row = rows[0];
    if (!row) return null;
    const { growingAreaCode, growingAreaId: _growingAreaId, ...lot } = row;
    return {
      ...lot,
      growingAreaCodes: growingAreaCode ? [growingAreaCode] : await this.ancestorGrowingAreaCodes(db, organizationId, lotId),
      ocop: await this.validOcopCertification(db, organizationId, row.productId, today),
    };
  }

  /** A processed or packed lot has no field of its own: its origin is the fields of the lots it came from. */
  private async ancestorGrowingAreaCodes(db: Db, organizationId: string, lotId: string): Promise<string[]> {
    const rows: { code: string }[] = await db.query(
      `WITH RECURSIVE ancestor(lot_id) AS (
         SELECT parent_lot_id FROM lot_link WHERE organization_id = $1 AND child_lot_id = $2
         UNION
         SELECT link.parent_lot_id FROM lot_link link JOIN ancestor a ON link.child_lot_id = a.lot_id
       )
       SELECT DISTINCT g.code
         FROM ancestor a
         JOIN lot l ON l.id = a.lot_id
         JOIN growing_area g ON g.organization_id = l.organization_id AND g.id = l.growing_area_id
        ORDER BY g.code
        LIMIT 3`,
      [organizationId, lotId],
    );
    return rows.map((row) => row.code);
  }

  private async validOcopCertification(
    db: Db,
    organizationId: string,
    productId: string,
    today: string,
  ): Promise<LabelSource['ocop']> {
    const rows: { level: number; number: string; validUntil: string }[] = await db.query(
      `SELECT level, number, to_char(${OCOP_VALID_UNTIL}, 'YYYY-MM-DD') AS "validUntil"
         FROM certification
        WHERE organization_id = $1 AND kind = 'ocop' AND scope_type = 'product' AND scope_id = $2
          AND issued_at <= $3::date AND ${OCOP_VALID_UNTIL} >= $3::date
        ORDER BY level DESC, issued_at DESC
        LIMIT 1`,
      [organizationId, productId, today],
    );
    return rows[0] ?? null;
  }

  /**
   * Takes `count` serials from the one global counter. The UPDATE locks the counter row until the
   * caller's transaction commits, so concurrent jobs get contiguous ranges that never overlap, and a
   * job that is refused (rolled back) gives its range back.
   */
  async allocateSerials(db: Db, count: number): Promise<{ first: string; last: string }> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows]: [{ first: string; last: string }[], number] = await db.query(
      `UPDATE label_serial_counter SET last_serial = last_serial + $1 WHERE id = 1
       RETURNING (last_serial - $1 + 1)::text AS first, last_serial::text AS last`,
      [count],
    );
    if (!rows[0]) throw new Error('label_serial_counter has no row: run the migrations');
    return rows[0];
  }

  async insert(db: Db, organizationId: string, job: NewLabelJob): Promise<LabelJob> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO label_job (organization_id, lot_id, template_id, count, serialized, start_position, offset_x_mm, offset_y_mm,
                              outline, language, snapshot, serial_first, serial_last, created_by, created_by_api_key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       RETURNING id`,
      [
        organizationId,
        job.lotId,
        job.templateId,
        job.count,
        job.serialized,
        job.startPosition,
        job.offsetXMm,
        job.offsetYMm,
        job.outline,
        job.language,
        JSON.stringify(job.snapshot),
        job.serialFirst,
        job.serialLast,
        job.createdBy,
        job.createdByApiKeyId,
      ],
    );
    noteIdempotentResult({ id: rows[0].id });
    return (await this.find(organizationId, rows[0].id, db))!;
  }

  async find(organizationId: string, id: string, db: Db = this.dataSource): Promise<LabelJob | null> {
    const rows: LabelJob[] = await db.query(`SELECT ${LABEL_JOB} FROM label_job WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
    return rows[0] ?? null;
  }

  async lotExists(organizationId: string, lotId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM lot WHERE organization_id = $1 AND id = $2`, [organizationId, lotId]);
    return rows.length > 0;
  }

  /** Newest first; `after` is the last job of the previous page. */
  listForLot(organizationId: string, lotId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<LabelJob[]> {
    // Milliseconds, as the cursor carries them (PostgreSQL keeps microseconds).
    return this.dataSource.query(
      `SELECT ${LABEL_JOB} FROM label_job
        WHERE organization_id = $1 AND lot_id = $2
          AND ($4::timestamptz IS NULL OR (date_trunc('milliseconds', created_at), id) < ($4::timestamptz, $5::uuid))
        ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC
        LIMIT $3`,
      [organizationId, lotId, limit, after?.createdAt ?? null, after?.id ?? null],
    );
  }

  /** Starts an attempt; false when the job is already done or failed (nothing to render). */
  async markRendering(organizationId: string, id: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE label_job
          SET status = 'rendering', attempts = attempts + 1, progress = 0, pages = NULL, error_code = NULL, error_message = NULL,
              started_at = now(), heartbeat_at = now(), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('queued', 'rendering')`,
      [organizationId, id],
    );
    return affected > 0;
  }

  async recordProgress(organizationId: string, id: string, progress: number, pages: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE label_job SET progress = $3, pages = $4, heartbeat_at = now(), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status = 'rendering'`,
      [organizationId, id, progress, pages],
    );
  }

  /** False when another attempt finished first: the caller then removes its own file. */
  async markDone(
    organizationId: string,
    id: string,
    result: { pages: number; fileKey: string; fileSize: number; sha256: string },
  ): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE label_job
          SET status = 'done', progress = count, pages = $3, file_key = $4, file_size = $5, file_sha256 = $6,
              error_code = NULL, error_message = NULL, finished_at = now(), heartbeat_at = now(), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('queued', 'rendering')`,
      [organizationId, id, result.pages, result.fileKey, result.fileSize, result.sha256],
    );
    return affected > 0;
  }

  async markFailed(organizationId: string, id: string, code: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE label_job SET status = 'failed', error_code = $3, error_message = $4, finished_at = now(), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('queued', 'rendering')`,
      [organizationId, id, code, message.slice(0, 2000)],
    );
  }

  /** A retryable error: back to queued until BullMQ's backoff runs the next attempt (the next attempt clears the error). */
  async markRetrying(organizationId: string, id: string, message: string, code: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE label_job SET status = 'queued', error_code = $4, error_message = $3, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('queued', 'rendering')`,
      [organizationId, id, message.slice(0, 2000), code],
    );
  }

  /** Whether a render of the job is going on: `rendering`, with a heartbeat since `heartbeatAfter`. */
  async isRenderingLive(organizationId: string, id: string, heartbeatAfter: Date): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM label_job WHERE organization_id = $1 AND id = $2 AND status = 'rendering' AND heartbeat_at >= $3`,
      [organizationId, id, heartbeatAfter],
    );
    return rows.length > 0;
  }

  /**
   * For the re-enqueue sweep, across every organization (a system task, not a tenant's request):
   * jobs waiting to render, and jobs whose renderer stopped reporting before `staleBefore`.
   */
  findUnfinished(staleBefore: Date, limit: number): Promise<UnfinishedLabelJob[]> {
    return this.dataSource.query(
      `SELECT organization_id AS "organizationId", id, status, attempts
         FROM label_job
        WHERE status = 'queued' OR (status = 'rendering' AND heartbeat_at < $1)
        ORDER BY created_at
        LIMIT $2`,
      [staleBefore, limit],
    );
  }
}
