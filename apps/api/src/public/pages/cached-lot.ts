import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { lotLinkContexts, type DisplayLanguage, type LinkContext, type LotKey, type LotPublicView } from '@app/traceability';
import { lotJsonLd } from './json-ld.js';
import { renderLotPage, type LotPageParts } from './page.render.js';
import type { FreshnessMark } from './page-freshness.js';

/** Bodies below this size are sent as they are: gzip would save too little to matter. */
const MIN_GZIP_BYTES = 1024;

/**
 * A response body, encoded to bytes once and gzipped at most once (a 14 KB lot page is ≈ 4 KB
 * gzipped: a third of the time on a slow mobile link, and far less copying for the server).
 */
export class PageBody {
  private gzipped?: Buffer;
  readonly identity: Buffer;

  constructor(
    text: string,
    /** Strong ETag of the identity encoding; the gzip encoding's is derived from it. */
    readonly etag: string,
  ) {
    this.identity = Buffer.from(text, 'utf8');
  }

  get compressible(): boolean {
    return this.identity.length >= MIN_GZIP_BYTES;
  }

  gzip(): Buffer {
    return (this.gzipped ??= gzipSync(this.identity, { level: 9 }));
  }

  get gzipEtag(): string {
    return `${this.etag.slice(0, -1)}.gz"`;
  }
}

/** A lot's page data at one version, with its representations rendered lazily, once. */
export class CachedLot {
  private readonly parts = new Map<DisplayLanguage, { parts: LotPageParts; etag: string; body?: PageBody }>();
  private jsonLdText?: { body: string; etag: string; page?: PageBody };
  private contexts?: LinkContext[];

  constructor(
    readonly key: LotKey,
    readonly organizationIds: string[],
    readonly version: string,
    readonly view: LotPublicView,
    readonly loadedAt: number,
    private readonly baseUrl: string,
    /** Where in the notification stream it was read (PageFreshness). */
    readonly mark: FreshnessMark,
  ) {}

  html(lang: DisplayLanguage): { parts: LotPageParts; etag: string; body?: PageBody } {
    let rendered = this.parts.get(lang);
    if (!rendered) {
      const parts = renderLotPage(this.view, lang, this.jsonLd().body);
      rendered = { parts, etag: digest(parts.join('')) };
      this.parts.set(lang, rendered);
    }
    return rendered;
  }

  jsonLd(): { body: string; etag: string; page?: PageBody } {
    if (!this.jsonLdText) {
      const body = JSON.stringify(lotJsonLd(this.view));
      this.jsonLdText = { body, etag: digest(body) };
    }
    return this.jsonLdText;
  }

  /** The whole page without a label block, as bytes, kept with the entry. */
  htmlBody(lang: DisplayLanguage): PageBody {
    const rendered = this.html(lang);
    rendered.body ??= new PageBody(rendered.parts.join(''), `"h${lang}.${rendered.etag}"`);
    return rendered.body;
  }

  jsonLdBody(): PageBody {
    const jsonLd = this.jsonLd();
    jsonLd.page ??= new PageBody(jsonLd.body, `"j.${jsonLd.etag}"`);
    return jsonLd.page;
  }

  /** The lot's link contexts; `anchor` is the URI asked for (it may carry a serial). */
  links(anchor?: string): LinkContext[] {
    this.contexts ??= lotLinkContexts(this.view, this.baseUrl);
    if (!anchor || anchor === this.contexts[0].anchor) return this.contexts;
    return [{ ...this.contexts[0], anchor }, ...this.contexts.slice(1)];
  }
}

export function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 22);
}
