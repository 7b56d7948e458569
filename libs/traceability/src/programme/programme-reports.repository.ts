import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ProgrammeReportRow {
  id: string;
  officeId: string;
  month: string;
  status: 'queued' | 'rendering' | 'done' | 'failed';
  progress: number;
  createdAt: Date;
  finishedAt: Date | null;
  fileKey: string | null;
  xlsxSha256: string | null;
  pdfSha256: string | null;
  xlsxSize: number | null;
  pdfSize: number | null;
  contentSha256: string | null;
  errorCode: string | null;
}

const COLUMNS = `id, office_id AS "officeId", month, status, progress, created_at AS "createdAt", finished_at AS "finishedAt", file_key AS "fileKey",
  xlsx_sha256 AS "xlsxSha256", pdf_sha256 AS "pdfSha256", xlsx_size AS "xlsxSize", pdf_size AS "pdfSize", content_sha256 AS "contentSha256", error_code AS "errorCode"`;

/** The monthly report rows of programme offices; every read is scoped by the office. */
@Injectable()
export class ProgrammeReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(officeId: string, month: string, requestedBy: string | null): Promise<ProgrammeReportRow> {
    const [row] = await this.dataSource.query(`INSERT INTO programme_report (office_id, month, status, requested_by) VALUES ($1, $2, 'queued', $3) RETURNING ${COLUMNS}`, [officeId, month, requestedBy]);
    return row;
  }

  async get(officeId: string, id: string): Promise<ProgrammeReportRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM programme_report WHERE office_id = $1 AND id = $2`, [officeId, id]);
    return row ?? null;
  }

  list(officeId: string, limit: number): Promise<ProgrammeReportRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM programme_report WHERE office_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [officeId, limit]);
  }

  /** Moves a queued (or re-run) report to rendering; null when it is done or gone. */
  async start(officeId: string, id: string): Promise<ProgrammeReportRow | null> {
    // An UPDATE … RETURNING answers [rows, affected count].
    const [[row]] = await this.dataSource.query(
      `UPDATE programme_report SET status = 'rendering', progress = 0 WHERE office_id = $1 AND id = $2 AND status IN ('queued', 'rendering', 'failed') RETURNING ${COLUMNS}`,
      [officeId, id],
    );
    return row ?? null;
  }

  async progress(id: string, progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE programme_report SET progress = $2 WHERE id = $1 AND status = 'rendering'`, [id, progress]);
  }

  async finish(id: string, files: { fileKey: string; xlsxSha256: string; pdfSha256: string; xlsxSize: number; pdfSize: number; contentSha256: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE programme_report SET status = 'done', progress = 100, finished_at = now(), file_key = $2, xlsx_sha256 = $3, pdf_sha256 = $4, xlsx_size = $5, pdf_size = $6, content_sha256 = $7, error_code = NULL
       WHERE id = $1`,
      [id, files.fileKey, files.xlsxSha256, files.pdfSha256, files.xlsxSize, files.pdfSize, files.contentSha256],
    );
  }

  async fail(id: string, code: string): Promise<void> {
    await this.dataSource.query(`UPDATE programme_report SET status = 'failed', finished_at = now(), error_code = $2 WHERE id = $1 AND status <> 'done'`, [id, code]);
  }

  /** Reports queued or rendering for longer than `olderThanMs`: their queue job may be gone with Redis. */
  unfinished(olderThanMs: number): Promise<{ id: string; officeId: string }[]> {
    return this.dataSource.query(
      `SELECT id, office_id AS "officeId" FROM programme_report WHERE status IN ('queued', 'rendering') AND created_at < now() - make_interval(secs => $1::double precision / 1000) ORDER BY created_at LIMIT 100`,
      [olderThanMs],
    );
  }
}
