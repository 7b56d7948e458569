import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { searchKey } from '../common/text.js';
import { resolvePlace } from './admin-units.js';

const TABLES = ['organization', 'partner', 'facility', 'growing_area'] as const;
type PlaceTable = (typeof TABLES)[number];

export interface AddressMigrationResult {
  examined: number;
  matchedProvince: number;
  matchedCommune: number;
}

export interface UnmatchedAddress {
  tableName: PlaceTable;
  rowId: string;
  organizationId: string;
  originalProvince: string | null;
  originalCommune: string | null;
  provinceCode: string | null;
}

/**
 * Brings places typed before the 2025 reform into the current form: a former province's name becomes
 * its successor's ("Hà Giang" → "Tuyên Quang", code 08), a commune name found in that province gets
 * its official name and code. Text that matches nothing is left as typed. Each row is examined once
 * (rows already in `address_migration` are skipped), so running it again after new legacy imports is
 * safe; the original texts stay in `address_migration` for the report.
 */
@Injectable()
export class AddressMigrationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(): Promise<AddressMigrationResult> {
    const result: AddressMigrationResult = { examined: 0, matchedProvince: 0, matchedCommune: 0 };
    for (const table of TABLES) {
      const orgColumn = table === 'organization' ? 'id' : 'organization_id';
      for (;;) {
        const rows: { id: string; organizationId: string; province: string | null; commune: string | null }[] = await this.dataSource.query(
          `SELECT t.id, t.${orgColumn} AS "organizationId", t.province, t.commune FROM ${table} t
           WHERE t.province_code IS NULL AND (t.province IS NOT NULL OR t.commune IS NOT NULL)
             AND NOT EXISTS (SELECT 1 FROM address_migration m WHERE m.table_name = $1 AND m.row_id = t.id)
           ORDER BY t.id LIMIT 500`,
          [table],
        );
        if (!rows.length) break;
        await this.dataSource.transaction(async (db) => {
          for (const row of rows) {
            const place = resolvePlace({ province: row.province, commune: row.commune });
            result.examined++;
            if (place.provinceCode) result.matchedProvince++;
            if (place.communeCode) result.matchedCommune++;
            await db.query(
              `INSERT INTO address_migration (table_name, row_id, organization_id, original_province, original_commune, province_code, commune_code)
               VALUES ($1, $2, $3, $4, $5, $6, $7)`,
              [table, row.id, row.organizationId, row.province, row.commune, place.provinceCode, place.communeCode],
            );
            if (place.provinceCode) {
              await db.query(`UPDATE ${table} SET province = $2, commune = $3, province_code = $4, commune_code = $5 WHERE id = $1`, [
                row.id,
                place.province,
                place.commune,
                place.provinceCode,
                place.communeCode,
              ]);
            }
          }
        });
      }
    }
    return result;
  }

  /** Values the migration could not place (no province, or a commune not found in it), by table and text. */
  unmatched(): Promise<UnmatchedAddress[]> {
    return this.dataSource.query(
      `SELECT table_name AS "tableName", row_id AS "rowId", organization_id AS "organizationId", original_province AS "originalProvince",
         original_commune AS "originalCommune", province_code AS "provinceCode"
       FROM address_migration WHERE province_code IS NULL OR (original_commune IS NOT NULL AND commune_code IS NULL)
       ORDER BY table_name, original_province NULLS FIRST, original_commune, row_id`,
    );
  }
}

/** Groups the unmatched by their text (one line per distinct value, with its row count). */
export function summariseUnmatched(rows: UnmatchedAddress[]): { province: string | null; commune: string | null; rows: number }[] {
  const byText = new Map<string, { province: string | null; commune: string | null; rows: number }>();
  for (const row of rows) {
    const key = `${searchKey(row.originalProvince ?? '')}|${searchKey(row.originalCommune ?? '')}`;
    const entry = byText.get(key) ?? { province: row.originalProvince, commune: row.originalCommune, rows: 0 };
    entry.rows++;
    byText.set(key, entry);
  }
  return [...byText.values()].sort((a, b) => b.rows - a.rows);
}
