import { describe, expect, it } from '@jest/globals';
import { inlineParameters } from './hot-path.js';

describe('inlineParameters', () => {
  it('turns placeholders into quoted literals, $10 not read as $1', () => {
    const values = ['a', null, "l'eau", 'C:\\path', '$2 stays', undefined, 'x', 'y', 'z', 'ten'];
    expect(inlineParameters('SELECT $1::text, $2::uuid, $3, $4, $5, $6, $10', values)).toBe(
      `SELECT 'a'::text, NULL::uuid, 'l''eau',  E'C:\\\\path', '$2 stays', NULL, 'ten'`,
    );
  });

  it('keeps Vietnamese text as it is, and JSON escapes through an E-string', () => {
    expect(inlineParameters('$1', ['Dư lượng thuốc BVTV'])).toBe(`'Dư lượng thuốc BVTV'`);
    const json = JSON.stringify({ lý_do: 'Dư lượng "cao"' }); // {"lý_do":"Dư lượng \"cao\""}
    expect(inlineParameters('$1::jsonb', [json])).toBe(` E'${json.replace(/\\/g, '\\\\')}'::jsonb`);
  });
});
