import type { Db } from '@app/database';

/** The natural keys among `keys` that an earlier import of the organization already made records for. */
export async function importedKeys(db: Db, organizationId: string, kind: string, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows: { key: string }[] = await db.query(`SELECT key FROM import_record_key WHERE organization_id = $1 AND kind = $2 AND key = ANY($3::text[])`, [organizationId, kind, keys]);
  return new Set(rows.map((r) => r.key));
}

/** Remembers which record each row's natural key made (in the transaction that made them). */
export async function recordKeys(db: Db, organizationId: string, kind: string, importId: string, made: { key: string; recordId: string }[]): Promise<void> {
  if (!made.length) return;
  await db.query(
    `INSERT INTO import_record_key (organization_id, kind, key, record_id, import_id)
     SELECT $1, $2, k.key, k.record_id, $3 FROM unnest($4::text[], $5::uuid[]) AS k(key, record_id)`,
    [organizationId, kind, importId, made.map((m) => m.key), made.map((m) => m.recordId)],
  );
}
