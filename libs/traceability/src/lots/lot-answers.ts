type Kept = Map<string, { version: string; bytes: Buffer }>;

/**
 * Lots' answers (JSON.stringify(toLotResponse(lot)) as UTF-8 bytes), kept in this process for the
 * pages of lots. Each is kept under the version of the rows it was made of (the xmin of the lot,
 * its product, growing area, household and facility: LotsRepository's LOT_ANSWER_VERSION) and
 * given out only for that same version: any change to one of those rows, made by any process,
 * gives it a new version, and the page reads the answer again. A page asked for again then costs
 * the positions and versions of its lots, and the answers of those that changed; a page asked for
 * the first time reads its lots whole, as there is little to be found kept (LotQueries.listLots).
 */
export class LotAnswers {
  /**
   * Two generations: answers go into the young one; when it is full it becomes the old one and the
   * previous old one is dropped whole, and an answer asked for from the old one moves back to the
   * young. Between `max` and twice as many answers (each about 1 kB), at no cost per answer let go.
   */
  private young: Kept = new Map();
  private old: Kept = new Map();

  /**
   * The pages asked for lately (organization and query), in two generations as well: no more pages
   * than the answers kept can fill (50 lots a page at most), so that a page asked for again mostly
   * finds its answers. Pages walked one after the other (an export, a partner's sync) are each asked
   * for once, and read as such.
   */
  private youngPages = new Set<string>();
  private oldPages = new Set<string>();
  private readonly maxPages: number;

  constructor(private readonly max = 10_000) {
    this.maxPages = Math.max(1, Math.floor(max / 50));
  }

  /** Whether the page was asked for lately; it is remembered as asked for now. */
  askedBefore(page: string): boolean {
    if (this.youngPages.has(page)) return true;
    if (this.youngPages.size >= this.maxPages) {
      this.oldPages = this.youngPages;
      this.youngPages = new Set();
    }
    this.youngPages.add(page);
    return this.oldPages.has(page);
  }

  get(lotId: string, version: string): Buffer | undefined {
    const answer = this.young.get(lotId) ?? this.old.get(lotId);
    if (answer?.version !== version) return undefined;
    if (!this.young.has(lotId)) this.keep(lotId, version, answer.bytes);
    return answer.bytes;
  }

  keep(lotId: string, version: string, bytes: Buffer): void {
    if (this.young.size >= this.max) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(lotId, { version, bytes });
  }
}
