/**
 * Whether a number written as text uses separators that can be read two ways: "25.000" is twenty-five
 * thousand to a Vietnamese clerk and twenty-five to a machine, "2,5" is two and a half or (with an
 * English keyboard) twenty-five. The API takes decimals with a dot and no grouping ("25000", "2.5");
 * anything with a comma, a space or an apostrophe between digits, or more than one dot, is refused
 * with a coded 400 rather than guessed (docs/rules.md#bad-input-changes-nothing).
 */
export function isAmbiguousNumberText(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (!/^[+-]?[\d.,'\s\u00a0\u202f]+$/.test(text) || !/\d/.test(text)) return false;
  return /[,'\s\u00a0\u202f]/.test(text) || (text.match(/\./g)?.length ?? 0) > 1;
}
