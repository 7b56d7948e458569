import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { CONSUMER_ERROR_CODES, ERROR_CATALOG, ERROR_CODES, NOT_FOUND_CODES } from '@app/traceability';
import { MESSAGES } from '../public/pages/messages.js';

type Texts = Record<'vi' | 'en', Record<string, string>>;

/** The console's own file, as the browser loads it (plain ES module, no build step). */
async function consoleTexts(): Promise<Texts> {
  const url = pathToFileURL(resolve(process.cwd(), 'apps/api/src/console/public/error-texts.js')).href;
  return ((await import(url)) as { ERROR_TEXTS: Texts }).ERROR_TEXTS;
}

/** Letters with Vietnamese diacritics (Latin-1 and Latin Extended-A/B for ă, đ, ơ, ư…; Latin Extended Additional for ạ…ỹ). */
const VIETNAMESE_LETTERS = /[\u00C0-\u024F\u1EA0-\u1EF9]/;

describe('error-code catalog', () => {
  it('puts every code in exactly one area', () => {
    const areasOf = new Map<string, string[]>();
    for (const [area, codes] of Object.entries(ERROR_CATALOG)) for (const code of codes) areasOf.set(code, [...(areasOf.get(code) ?? []), area]);
    expect([...areasOf].filter(([, areas]) => areas.length > 1)).toEqual([]);
    expect(ERROR_CODES.length).toBe(areasOf.size);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it('has a catalog code for every kind of "not found"', () => {
    for (const code of Object.values(NOT_FOUND_CODES)) expect(ERROR_CODES).toContain(code);
    for (const code of CONSUMER_ERROR_CODES) expect(ERROR_CODES).toContain(code);
  });

  it('words every code in the console, in Vietnamese and in English', async () => {
    const texts = await consoleTexts();
    const missing = { vi: ERROR_CODES.filter((code) => !texts.vi[code]?.trim()), en: ERROR_CODES.filter((code) => !texts.en[code]?.trim()) };
    expect(missing).toEqual({ vi: [], en: [] });
    // Translated, not copied: every Vietnamese text differs from its English one, and is written in Vietnamese.
    expect(ERROR_CODES.filter((code) => texts.vi[code] === texts.en[code])).toEqual([]);
    expect(ERROR_CODES.filter((code) => !VIETNAMESE_LETTERS.test(texts.vi[code]))).toEqual([]);
  });

  it('words every code a consumer can meet on the public pages, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const byCode = MESSAGES[lang].errorByCode as Record<string, string>;
      expect(CONSUMER_ERROR_CODES.filter((code) => !byCode[code]?.trim())).toEqual([]);
    }
    expect(CONSUMER_ERROR_CODES.filter((code) => MESSAGES.vi.errorByCode[code] === MESSAGES.en.errorByCode[code])).toEqual([]);
  });
});
