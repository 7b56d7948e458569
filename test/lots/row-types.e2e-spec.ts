import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startOperationsContext, type OperationsContext } from '@app/testing';
import { LOT_LINK_ROW_COLUMNS, LOT_ROW_COLUMNS, SHIPMENT_ROW_COLUMNS } from '@app/traceability';

/**
 * The lot tables are read and written with SQL; their row types are declared once (lots/lot-rows.ts).
 * This checks those declarations against the schema the migrations make: same columns, no more, no less.
 */
describe('lot row types against the migrated schema', () => {
  let t: OperationsContext;
  beforeAll(async () => {
    t = await startOperationsContext();
  });
  afterAll(async () => {
    await t.close();
  });

  const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const columnsOf = async (table: string): Promise<string[]> =>
    (await t.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, [table])).map(
      (row: { column_name: string }) => row.column_name,
    );

  it.each([
    ['lot', LOT_ROW_COLUMNS],
    ['lot_link', LOT_LINK_ROW_COLUMNS],
    ['shipment', SHIPMENT_ROW_COLUMNS],
  ])('%s has exactly the columns of its row type', async (table, columns) => {
    expect((await columnsOf(table)).sort()).toEqual(Object.keys(columns).map(snake).sort());
  });
});
