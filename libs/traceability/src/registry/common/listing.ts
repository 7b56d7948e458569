import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidFieldException } from '../../common/domain.exception.js';
import { pageTotal } from '../../common/page-total.js';
import { containsPattern, searchParameters, searchTokens } from './search.js';

export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 200;

/** `?q=&limit=&cursor=&sort=` of every registry list. */
export interface ListQuery {
  q?: string;
  limit?: number;
  cursor?: string;
  /** A sort key, `-` in front for descending: `name`, `-createdAt`. */
  sort?: string;
  /** Count every match into `total` (see pageTotal). */
  total?: boolean;
}

/**
 * Lists answer `{items, total, nextCursor}`; `nextCursor` is null on the last page, `total` is
 * counted only when the query asks (pageTotal: otherwise the first page's length when it holds the
 * whole list, or null).
 */
export interface Page<T> {
  items: T[];
  total: number | null;
  nextCursor: string | null;
}

export interface SortKey<E> {
  /** A property path on the query's alias, e.g. `p.nameSearch` (TypeORM maps it to the column). */
  path: string;
  /** How cursor values are compared in SQL. */
  type: 'text' | 'timestamptz' | 'date';
  /** The row's value of this key, as written into the cursor. */
  value: (row: E) => string;
}

/** Keyset pagination: the cursor holds the last row's sort value and id, so inserts never shift pages. */
interface Cursor {
  s: string;
  v: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string, sort: string): Cursor {
  const invalid = () =>
    new InvalidFieldException('CURSOR_INVALID', 'cursor', 'is not a cursor from this list with this sort; start again without a cursor', 'bad_request');
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!cursor || typeof cursor !== 'object' || cursor.s !== sort || typeof cursor.v !== 'string' || typeof cursor.id !== 'string' || !UUID.test(cursor.id)) {
    throw invalid();
  }
  return cursor;
}

export function parseSort<E>(sort: string | undefined, keys: Record<string, SortKey<E>>, fallback: string): { sort: string; key: SortKey<E>; descending: boolean } {
  const chosen = sort?.trim() || fallback;
  const descending = chosen.startsWith('-');
  const key = keys[descending ? chosen.slice(1) : chosen];
  if (!key) {
    const allowed = Object.keys(keys).flatMap((k) => [k, `-${k}`]);
    throw new InvalidFieldException('SORT_INVALID', 'sort', `use one of ${allowed.join(', ')}, got ${JSON.stringify(sort)}`, 'bad_request');
  }
  return { sort: chosen, key, descending };
}

export function parseLimit(limit: number | undefined): number {
  if (limit === undefined || limit === null) return DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new InvalidFieldException('LIMIT_INVALID', 'limit', `must be a whole number from 1 to ${MAX_LIST_LIMIT}`, 'bad_request');
  }
  return limit;
}

/**
 * Diacritic-insensitive search: every word of `q` must occur in at least one of `expressions` (SQL
 * expressions that are already folded: a `*_search` column, or `sqlSearchKey(column)`).
 */
export function applySearch<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, q: string | undefined, expressions: string[]): void {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return;
  qb.setParameters(searchParameters());
  tokens.forEach((token, i) => {
    qb.andWhere(
      new Brackets((or) => {
        for (const expression of expressions) or.orWhere(`${expression} LIKE :searchToken${i}`);
      }),
      { [`searchToken${i}`]: containsPattern(token) },
    );
  });
}

/**
 * Runs a filtered query as one page: up to `limit` rows after the cursor, ordered by the sort key then
 * id, and the count of every match only when `query.total` asks (its cost grows with the
 * organization; the two queries run together). Timestamps are compared at millisecond precision, the precision a cursor
 * carries through JavaScript.
 */
export async function paginate<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  query: ListQuery,
  keys: Record<string, SortKey<E>>,
  fallbackSort: string,
): Promise<Page<E>> {
  const { sort, key, descending } = parseSort(query.sort, keys, fallbackSort);
  const limit = parseLimit(query.limit);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort) : undefined;

  const counting = query.total === true ? qb.clone().getCount() : undefined;
  const sortExpression = key.type === 'timestamptz' ? `date_trunc('milliseconds', ${key.path})` : key.path;
  if (cursor) {
    qb.andWhere(`(${sortExpression}, ${alias}.id) ${descending ? '<' : '>'} (CAST(:cursorValue AS ${key.type}), CAST(:cursorId AS uuid))`, {
      cursorValue: cursor.v,
      cursorId: cursor.id,
    });
  }
  const direction = descending ? 'DESC' : 'ASC';
  const [rows, counted] = await Promise.all([
    qb
      .orderBy(sortExpression, direction)
      .addOrderBy(`${alias}.id`, direction)
      .limit(limit + 1)
      .getMany(),
    counting,
  ]);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ s: sort, v: key.value(last), id: (last as unknown as { id: string }).id }) : null;
  return { items, total: pageTotal({ fetched: rows.length, limit, firstPage: !cursor, counted }), nextCursor };
}

/** Sort keys shared by the named registry resources. */
export function nameAndCreatedSortKeys<E extends { nameSearch: string; createdAt: Date }>(alias: string): Record<string, SortKey<E>> {
  return {
    name: { path: `${alias}.nameSearch`, type: 'text', value: (row) => row.nameSearch },
    createdAt: { path: `${alias}.createdAt`, type: 'timestamptz', value: (row) => row.createdAt.toISOString() },
  };
}
