import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { inlineParameters, parseUtcTimestamptz } from './hot-path.js';

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

describe('parseUtcTimestamptz', () => {
  const nodePostgres = pg.types.getTypeParser(1184, 'text') as (text: string) => Date | number;
  /** The instant each gives (a Date's time, or what postgres-date answers instead of a Date). */
  const same = (text: string) => {
    const expected = nodePostgres(text);
    const actual = parseUtcTimestamptz(text);
    expect([text, actual instanceof Date ? actual.getTime() : actual]).toEqual([text, expected instanceof Date ? expected.getTime() : expected]);
  };

  it('reads a UTC session’s timestamptz to the same instant as node-postgres, to the millisecond', () => {
    // Seeded (mulberry32): the same texts at every run.
    let state = 19;
    const next = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (let i = 0; i < 50_000; i++) {
      // Between the years 1000 and 9999, as PostgreSQL prints them: the fraction without its trailing zeros.
      const ms = Math.floor(Date.UTC(1000, 0, 1) + next() * (Date.UTC(9999, 11, 31) - Date.UTC(1000, 0, 1)));
      const iso = new Date(ms).toISOString();
      const micros = Math.floor(next() * 1_000_000);
      const fraction = next() < 0.1 ? '' : `.${pad(micros, 6)}`.replace(/0+$/, '').replace(/\.$/, '');
      same(`${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction}+00`);
    }
    // Fractions whose thousandths a double does not hold exactly (0.29 × 1000 is 289.99999999999994).
    for (let f = 0; f < 1000; f++) same(`2026-12-04 19:10:11.${pad(f, 3).replace(/0+$/, '') || '0'}+00`);
  });

  it('leaves every other form to node-postgres', () => {
    for (const text of [
      '2026-12-04 19:10:11+07',
      '2026-12-04 19:10:11.5-03:30',
      '0999-12-31 23:59:59+00',
      '0044-03-15 12:00:00+00',
      '0001-01-01 00:00:00+00 BC',
      '12026-01-01 00:00:00+00',
      '2026-12-04 19:10:11.1234567+00',
      '2026-12-04 19:10:11.+00',
      '2026-12-04T19:10:11+00',
      'infinity',
      '-infinity',
    ]) {
      same(text);
    }
  });
});
