import { describe, expect, it } from '@jest/globals';
import { jsonNestedDeeperThan } from './json-body.js';

const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;
const deeper = (text: string, limit: number) => jsonNestedDeeperThan(Buffer.from(text, 'utf8'), limit);

describe('jsonNestedDeeperThan', () => {
  it('counts arrays and objects, and allows exactly the limit', () => {
    expect(deeper(nested(64), 64)).toBe(false);
    expect(deeper(nested(65), 64)).toBe(true);
    expect(deeper('{"a":{"b":{"c":[1,2,{"d":null}]}}}', 5)).toBe(false);
    expect(deeper('{"a":{"b":{"c":[1,2,{"d":null}]}}}', 4)).toBe(true);
    expect(deeper(nested(2_000, '{"a":', '}'), 64)).toBe(true);
  });

  it('measures the deepest branch, not the number of brackets', () => {
    const wide = `[${Array.from({ length: 500 }, () => '[[1]]').join(',')}]`;
    expect(deeper(wide, 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(deeper(`{"note":"${'['.repeat(200)}"}`, 2)).toBe(false);
    expect(deeper(`{"note":"say \\"${'{'.repeat(100)}\\" and \\\\","x":[1]}`, 2)).toBe(false);
    expect(deeper(`["\\\\",${nested(3)}]`, 3)).toBe(true);
  });

  it('reads multi-byte UTF-8 text (Vietnamese, emoji) without mistaking its bytes for brackets', () => {
    expect(deeper(`{"tên":"Gạo nếp Séng Cù 🌾 [{","x":{"y":1}}`, 2)).toBe(false);
  });
});
