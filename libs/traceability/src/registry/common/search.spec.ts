import { describe, expect, it } from '@jest/globals';
import { searchKey } from '../../common/text.js';
import { containsPattern, SEARCH_TRANSLATION, searchTokens } from './search.js';

/** What PostgreSQL does with lower(translate(text, from, to)) on ASCII-lowered output. */
function emulateSql(text: string): string {
  const map = new Map([...SEARCH_TRANSLATION.from].map((letter, i) => [letter, SEARCH_TRANSLATION.to[i]]));
  return [...text].map((c) => map.get(c) ?? c).join('').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

describe('SQL search folding', () => {
  // Every Vietnamese vowel with every tone, both cases, plus đ/Đ.
  const vowels = 'aăâeêioôơuưy';
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const letters = [...vowels].flatMap((v) => tones.map((t) => (v + t).normalize('NFC')));

  it('folds every Vietnamese letter like searchKey()', () => {
    for (const letter of [...letters, ...letters.map((l) => l.toUpperCase()), 'đ', 'Đ']) {
      expect(emulateSql(letter)).toBe(searchKey(letter));
    }
  });

  it.each(['Điện Biên', 'Séng Cù', 'Tủa Chùa', 'Mường Ảng', 'Thanh Xương', 'Noong Hẹt', 'Chi cục Trồng trọt và BVTV'])('folds %s like searchKey()', (text) => {
    expect(emulateSql(text)).toBe(searchKey(text));
  });

  it('has one replacement per letter', () => {
    expect([...SEARCH_TRANSLATION.from].length).toBe(SEARCH_TRANSLATION.to.length);
  });
});

describe('search words', () => {
  it('splits and folds the query; NFD and NFC give the same words', () => {
    expect(searchTokens('  Séng   Cù ')).toEqual(['seng', 'cu']);
    expect(searchTokens('Se\u0301ng Cu\u0300')).toEqual(['seng', 'cu']);
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens(undefined)).toEqual([]);
  });

  it('escapes LIKE wildcards', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
