// pdfkit has no public API for reusing drawn content or for emitting pre-encoded glyphs; these few
// untyped internals (stable since pdfkit 0.11) give the renderer its speed. Keep every use here.

/** pdfkit's embedded font (`doc._font`): subsetting encoder plus the font dictionary's reference. */
export interface EmbeddedFont {
  id: string;
  ref(): PDFKit.PDFKitReference;
  /** Glyph ids as 4-digit hex, registered in the subset, with their advances in 1/1000 em. */
  encode(text: string): [string[], Array<{ xAdvance: number }>];
}

export function currentFont(doc: PDFKit.PDFDocument): EmbeddedFont {
  return (doc as unknown as { _font: EmbeddedFont })._font;
}

/**
 * Runs pdfkit drawing calls and returns the content-stream operators they produce instead of adding
 * them to the page. Resources they use (fonts) stay registered on the current page.
 */
export function captureContent(doc: PDFKit.PDFDocument, draw: () => void): string {
  const page = doc.page as PDFKit.PDFPage & { write: (chunk: unknown) => void };
  const chunks: string[] = [];
  page.write = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('latin1'));
  };
  try {
    draw();
  } finally {
    delete (page as Partial<typeof page>).write;
  }
  return chunks.join('\n');
}

/** A Form XObject: content drawn once and placed many times with `/Name Do`. */
export function createFormXObject(
  doc: PDFKit.PDFDocument,
  content: string,
  bbox: [number, number, number, number],
  fonts: Record<string, PDFKit.PDFKitReference>,
): PDFKit.PDFKitReference {
  const form = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: bbox, Resources: { Font: fonts } });
  form.end(Buffer.from(content + '\n', 'latin1'));
  return form;
}

export function pageFonts(doc: PDFKit.PDFDocument): Record<string, PDFKit.PDFKitReference> {
  return doc.page.fonts as Record<string, PDFKit.PDFKitReference>;
}

export function pageXObjects(doc: PDFKit.PDFDocument): Record<string, PDFKit.PDFKitReference> {
  return doc.page.xobjects as Record<string, PDFKit.PDFKitReference>;
}

/**
 * pdfkit keeps every written page's dictionaries until the document ends, although afterwards it
 * only needs their object numbers (for the page tree): about 1 KB a page, 100 MB for a 100,000-label
 * roll job. Dropping the written data keeps memory flat.
 */
export function releaseWrittenPage(page: PDFKit.PDFPage): void {
  const resources = (page as PDFKit.PDFPage & { resources: PDFKit.PDFKitReference }).resources;
  for (const reference of [page.dictionary, page.content, resources]) {
    (reference as { data: unknown }).data = {};
  }
}
