import type { EntityManager } from 'typeorm';
import type { Db } from '@app/database';
import { copyRows } from './copy-rows.js';

/**
 * Whether the organization has any record an earlier import of this kind made: asked once per run.
 * When it has none (a first import, the usual case) no row's natural key needs looking up. Inside a
 * commit the answer holds to the end: the kind's lock (taken before) keeps other commits of the kind
 * out until this one's transaction ends.
 */
export async function anyImportedKeys(db: Db, organizationId: string, kind: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM import_record_key WHERE organization_id = $1 AND kind = $2 LIMIT 1`, [organizationId, kind]);
  return rows.length > 0;
}

/** The natural keys among `keys` that an earlier import of the organization already made records for. */
export async function importedKeys(db: Db, organizationId: string, kind: string, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows: { key: string }[] = await db.query(`SELECT key FROM import_record_key WHERE organization_id = $1 AND kind = $2 AND key = ANY($3::text[])`, [organizationId, kind, keys]);
  return new Set(rows.map((r) => r.key));
}

/** Remembers which record each row's natural key made (in the transaction that made them; COPY when it runs in one). */
export async function recordKeys(db: Db, organizationId: string, kind: string, importId: string, made: { key: string; recordId: string }[]): Promise<void> {
  if (!made.length) return;
  const manager = db as EntityManager;
  if (made.length > 100 && manager.queryRunner?.isTransactionActive) {
    await copyRows(manager, 'import_record_key', ['organization_id', 'kind', 'key', 'record_id', 'import_id'], made.map((m) => [organizationId, kind, m.key, m.recordId, importId]));
    return;
  }
  await db.query(
    `INSERT INTO import_record_key (organization_id, kind, key, record_id, import_id)
     SELECT $1, $2, k.key, k.record_id, $3 FROM unnest($4::text[], $5::uuid[]) AS k(key, record_id)`,
    [organizationId, kind, importId, made.map((m) => m.key), made.map((m) => m.recordId)],
  );
}
