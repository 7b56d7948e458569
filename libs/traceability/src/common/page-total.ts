/**
 * The `total` of a list page (docs/public-contract.md). Counting every match costs a scan that grows
 * with the organization, so a page counts only when asked (`?total=true`). Without asking, a first
 * page that holds the whole list still says how many there are (its own length, known for free);
 * any other page answers null.
 *
 * `fetched` is the number of rows read for the page: up to `limit + 1`, the extra one telling that
 * another page follows.
 */
export function pageTotal(page: { fetched: number; limit: number; firstPage: boolean; counted?: number }): number | null {
  if (page.counted !== undefined) return page.counted;
  return page.firstPage && page.fetched <= page.limit ? page.fetched : null;
}
