import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type CopyValue = string | number | null;

/** A value in COPY's text format: \N for NULL; backslash, tab and line ends escaped. */
function field(value: CopyValue): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/**
 * Rows into a table with COPY … FROM STDIN on the transaction's own connection: the fastest way
 * PostgreSQL takes many rows (no statement per row, no parameter arrays to parse), and still inside
 * the transaction, constraints and triggers included.
 */
export async function copyRows(manager: EntityManager, table: string, columns: readonly string[], rows: CopyValue[][]): Promise<void> {
  if (!rows.length) return;
  const client = (manager.queryRunner as unknown as { databaseConnection?: pg.PoolClient } | undefined)?.databaseConnection;
  if (!client) throw new Error('copyRows: runs inside a transaction (its query runner holds the connection)');
  const text = rows.map((row) => row.map(field).join('\t')).join('\n') + '\n';
  await pipeline(Readable.from([text]), client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}
