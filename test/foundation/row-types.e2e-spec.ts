import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startOperationsContext, type OperationsContext } from '@app/testing';
import {
  columnName,
  FACILITY_RECORD_COLUMNS,
  IDEMPOTENCY_KEY_ROW_COLUMNS,
  LABEL_JOB_COLUMNS,
  ORGANIZATION_LINK_ROW_COLUMNS,
  PARTNER_RECORD_COLUMNS,
  PRODUCT_RECORD_COLUMNS,
  PUBLIC_LOT_COLUMNS,
  PUBLIC_LOT_SELECT,
  PUBLIC_PRODUCT_COLUMNS,
  PUBLIC_PRODUCT_SELECT,
} from '@app/traceability';

/**
 * The row types of the tables read and written with SQL outside the lots (those are checked in
 * test/lots/row-types.e2e-spec.ts), and the TypeORM entities, against the schema the migrations make.
 * A renamed or dropped column fails here, not in a request.
 */
describe('row types against the migrated schema', () => {
  let t: OperationsContext;
  beforeAll(async () => {
    t = await startOperationsContext();
  });
  afterAll(async () => {
    await t.close();
  });

  const columnsOf = async (table: string): Promise<string[]> =>
    (await t.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, [table])).map(
      (row: { column_name: string }) => row.column_name,
    );
  const columnsFor = (columns: object) => Object.keys(columns).map(columnName).sort();

  it.each([['label_job', LABEL_JOB_COLUMNS]])('%s has exactly the columns of its row type', async (table, columns) => {
    expect((await columnsOf(table)).sort()).toEqual(columnsFor(columns));
  });

  it.each([
    ['organization_link', ORGANIZATION_LINK_ROW_COLUMNS],
    ['idempotency_key', IDEMPOTENCY_KEY_ROW_COLUMNS],
    ['product', PRODUCT_RECORD_COLUMNS],
    ['partner', PARTNER_RECORD_COLUMNS],
    ['facility', FACILITY_RECORD_COLUMNS],
  ])('%s has every column its row type reads', async (table, columns) => {
    const actual = await columnsOf(table);
    expect(columnsFor(columns).filter((column) => !actual.includes(column))).toEqual([]);
  });

  it.each([
    ['lot', 'l', PUBLIC_LOT_SELECT, PUBLIC_LOT_COLUMNS],
    ['product', 'p', PUBLIC_PRODUCT_SELECT, PUBLIC_PRODUCT_COLUMNS],
  ])('the public pages read of %s exactly the properties of their type', async (table, alias, select, columns) => {
    // One row of nulls (no data needed): its JSON keys are the names the SELECT list gives.
    const [{ row }] = await t.dataSource.query(`SELECT to_json(x) AS row FROM (SELECT ${select} FROM (SELECT 1) one LEFT JOIN ${table} ${alias} ON false) x`);
    expect(Object.keys(row as object).sort()).toEqual(Object.keys(columns).sort());
  });

  /**
   * Columns of an entity's table that other code writes with SQL on purpose, so the entity (and the
   * registry's answers built from it) leave them out. Each needs its reason here.
   */
  const WRITTEN_WITH_SQL: Record<string, string[]> = {
    // The product photo's storage key: set by the showcase's photo storage, read by the public pages.
    product: ['photo_key'],
  };

  it('every TypeORM entity maps exactly the columns of its table', async () => {
    const mismatches: Record<string, { unmapped: string[]; missing: string[] }> = {};
    for (const entity of t.dataSource.entityMetadatas) {
      const actual = await columnsOf(entity.tableName);
      const mapped = entity.columns.map((column) => column.databaseName);
      const unmapped = actual.filter((column) => !mapped.includes(column) && !(WRITTEN_WITH_SQL[entity.tableName] ?? []).includes(column));
      const missing = mapped.filter((column) => !actual.includes(column));
      if (unmapped.length || missing.length) mismatches[entity.tableName] = { unmapped, missing };
    }
    expect(t.dataSource.entityMetadatas.length).toBeGreaterThan(0);
    expect(mismatches).toEqual({});
  });
});
