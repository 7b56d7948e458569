import { searchKey } from '../../common/text.js';

/**
 * The same folding as `searchKey()` for text columns that have no stored `*_search` twin (commune,
 * province, issuer…), done in SQL with `translate()` so it needs no `unaccent` extension and does not
 * depend on the database's locale: every precomposed Latin letter with diacritics (stored text is NFC)
 * maps to its base letter, đ/Đ to d, then ASCII is lower-cased.
 */
function buildTranslation(): { from: string; to: string } {
  let from = '';
  let to = '';
  // Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional (all Vietnamese letters).
  for (const [start, end] of [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ]) {
    for (let cp = start; cp <= end; cp++) {
      const letter = String.fromCodePoint(cp);
      const base = searchKey(letter);
      if (/^[a-z]$/.test(base)) {
        from += letter;
        to += base;
      }
    }
  }
  return { from, to };
}

export const SEARCH_TRANSLATION = buildTranslation();

/** SQL expression folding `column` like `searchKey()`; bind `:searchFrom` / `:searchTo` (see `searchParameters`). */
export function sqlSearchKey(column: string): string {
  return `lower(translate(${column}, :searchFrom, :searchTo))`;
}

export const searchParameters = (): { searchFrom: string; searchTo: string } => ({
  searchFrom: SEARCH_TRANSLATION.from,
  searchTo: SEARCH_TRANSLATION.to,
});

/** The words of a search box, folded ("Séng  Cù" → ["seng", "cu"]); every word must match somewhere. */
export function searchTokens(q: string | undefined): string[] {
  if (!q) return [];
  return searchKey(q).split(' ').filter(Boolean).slice(0, 8);
}

/** `%token%` with LIKE wildcards escaped (backslash is PostgreSQL's default LIKE escape). */
export function containsPattern(token: string): string {
  return `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
