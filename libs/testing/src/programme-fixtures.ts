import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateShortCode, searchKey } from '@app/traceability';

export interface EventLineRow {
  lotId: string;
  direction: string;
  quantity: number;
  unit: string;
}

/**
 * Rows written straight with SQL for the programme office's figures, so that each figure's inputs
 * are exactly the ones a test lists (products, OCOP certificates, growing areas, lots, label jobs,
 * scans and events). Codes are made unique per call.
 */
export function programmeRows(dataSource: DataSource) {
  const q = (sql: string, params: unknown[]) => dataSource.query(sql, params);
  const seq = new Map<string, number>();
  return {
    async event(org: string, type: string, at: string, details: object = {}, lines: EventLineRow[] = []): Promise<string> {
      const n = (seq.get(org) ?? 100) + 1;
      seq.set(org, n);
      const [row] = await q(
        `INSERT INTO event (organization_id, seq, type, epcis_event_type, event_time, details, hash) VALUES ($1, $2, $3, 'ObjectEvent', $4, $5, $6) RETURNING id`,
        [org, n, type, at, JSON.stringify(details), randomUUID()],
      );
      for (const line of lines)
        await q(`INSERT INTO event_line (organization_id, event_id, lot_id, direction, quantity, unit, quantity_in_lot_unit) VALUES ($1, $2, $3, $4, $5, $6, $5)`, [
          org,
          row.id,
          line.lotId,
          line.direction,
          line.quantity,
          line.unit,
        ]);
      return row.id;
    },
    async product(org: string, name: string, group: number): Promise<string> {
      const [row] = await q(`INSERT INTO product (organization_id, name_vi, name_search, unit, ocop_group) VALUES ($1, $2, $3, 'kg', $4) RETURNING id`, [org, name, searchKey(name), group]);
      return row.id;
    },
    async ocop(org: string, productId: string, stars: number, expires: string): Promise<void> {
      await q(
        `INSERT INTO certification (organization_id, kind, level, issuing_level, number, issuer, issued_at, expires_at, scope_type, scope_id)
         VALUES ($1, 'ocop', $2, 'provincial', $3, 'UBND tỉnh Điện Biên', '2023-01-01', $4, 'product', $5)`,
        [org, stars, `${stars}${expires}/QĐ-UBND`, expires, productId],
      );
    },
    async area(org: string, code: string, crop: string, ha: number, status: string): Promise<string> {
      const [row] = await q(
        `INSERT INTO growing_area (organization_id, code, name, name_search, crop, area_ha, province, province_code, status) VALUES ($1, $2, $2, $2, $3, $4, 'Điện Biên', '11', $5) RETURNING id`,
        [org, `${code}-${randomUUID().slice(0, 8)}`, crop, ha, status],
      );
      return row.id;
    },
    async lot(org: string, productId: string, kind: string, kg: number, producedAt: string, areaId: string | null = null, status = 'active'): Promise<string> {
      const [row] = await q(
        `INSERT INTO lot (organization_id, code, product_id, kind, quantity, unit, status, growing_area_id, produced_at, short_code) VALUES ($1, $2, $3, $4, $5, 'kg', $6, $7, $8, $9) RETURNING id`,
        [org, `T-${randomUUID().slice(0, 12)}`, productId, kind, kg, status, areaId, producedAt, generateShortCode()],
      );
      return row.id;
    },
    async labels(org: string, lotId: string, count: number, createdAt: string, status = 'done'): Promise<void> {
      await q(
        `INSERT INTO label_job (organization_id, lot_id, template_id, count, serialized, snapshot, status, created_at, file_key, file_size, file_sha256, pages, error_code)
         VALUES ($1, $2, 'tem-50x30', $3, false, '{}', $4, $5, CASE WHEN $4 = 'done' THEN 'k' END, CASE WHEN $4 = 'done' THEN 1 END, CASE WHEN $4 = 'done' THEN 'x' END,
           CASE WHEN $4 = 'done' THEN 1 END, CASE WHEN $4 = 'failed' THEN 'STORAGE_FULL' END)`,
        [org, lotId, count, status, createdAt],
      );
    },
    async scan(org: string, lotId: string, at: string, client: string, clientClass = 'android', serial: string | null = null): Promise<void> {
      await q(
        `INSERT INTO scan (organization_id, lot_id, serial, scanned_at, scanned_on, client_class, representation, client_hash) VALUES ($1, $2, $3, $4, ($4::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, $5, 'html', $6)`,
        [org, lotId, serial, at, clientClass, client],
      );
    },
    setCommune: (org: string, code: string, name: string) => q(`UPDATE organization SET commune = $2, commune_code = $3 WHERE id = $1`, [org, name, code]),
  };
}
