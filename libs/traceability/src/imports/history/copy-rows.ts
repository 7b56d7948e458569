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

/** Rows per piece of COPY text handed to the connection: the text of a whole chunk is never one string. */
const PIECE_ROWS = 250;

/**
 * Rows into a table with COPY … FROM STDIN on the transaction's own connection: the fastest way
 * PostgreSQL takes many rows (no statement per row, no parameter arrays to parse), and still inside
 * the transaction, constraints and triggers included. The text is made and sent a few hundred rows
 * at a time, so that what the worker holds stays small whatever the chunk.
 */
export async function copyRows(manager: EntityManager, table: string, columns: readonly string[], rows: CopyValue[][]): Promise<void> {
  if (!rows.length) return;
  const client = (manager.queryRunner as unknown as { databaseConnection?: pg.PoolClient } | undefined)?.databaseConnection;
  if (!client) throw new Error('copyRows: runs inside a transaction (its query runner holds the connection)');
  function* pieces(): Generator<Buffer> {
    for (let start = 0; start < rows.length; start += PIECE_ROWS) {
      let text = '';
      for (const row of rows.slice(start, start + PIECE_ROWS)) text += row.map(field).join('\t') + '\n';
      yield Buffer.from(text, 'utf8');
    }
  }
  await pipeline(Readable.from(pieces()), client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}
