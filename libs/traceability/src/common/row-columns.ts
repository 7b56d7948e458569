/**
 * Row types of tables read and written with SQL are declared once, each with a column map beside it
 * (`Columns<Row>`: the compiler keeps the map complete). A test checks every map against the schema
 * the migrations make (test/foundation/row-types.e2e-spec.ts, test/lots/row-types.e2e-spec.ts), so
 * a renamed or dropped column fails there rather than in production.
 */
export type Columns<Row> = { readonly [K in keyof Row]-?: true };

/** The column a row property is read from: `organizationId` → `organization_id`. */
export function columnName(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A SELECT list that reads every column of a row type under its property name. */
export function selectList<Row>(columns: Columns<Row>, alias?: string): string {
  const prefix = alias ? `${alias}.` : '';
  return Object.keys(columns)
    .map((property) => {
      const column = columnName(property);
      return column === property ? `${prefix}${column}` : `${prefix}${column} AS "${property}"`;
    })
    .join(', ');
}
