/**
 * A quantity with its unit, as a request sends it: a JSON number or a decimal string, and a unit
 * code. Operations parse both exactly (parseQuantity, parseUnit: QUANTITY_INVALID, UNIT_UNKNOWN).
 */
export interface QuantityLine {
  quantity: string | number;
  unit: string;
}
