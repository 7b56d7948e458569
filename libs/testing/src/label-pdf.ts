import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabelTemplate } from '@app/labels';
import { inspectRegions, rasterisePdf, type RegionMm } from './label-reader.js';

/** Helpers for end-to-end tests that read label PDFs as a printer and a phone would: pages, text, QR codes. */

/** Writes the PDF to a temporary directory for the duration of `work`. */
export async function withPdf<T>(pdf: Buffer, work: (file: string, directory: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'nguon-label-test-'));
  try {
    const file = join(directory, 'labels.pdf');
    await writeFile(file, pdf);
    return await work(file, directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Page count and the page size in millimetres, rounded to 0.1 mm (pdfinfo prints points). */
export function pdfInfo(file: string): { pages: number; pageSizeMm: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const [width, height] = (/^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info) ?? []).slice(1).map((pt) => ((Number(pt) * 25.4) / 72).toFixed(1));
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), pageSizeMm: `${width} x ${height}` };
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** The top-left corner of the n-th cell (0-based slot, counting skipped cells), from the template's numbers. */
export function cellMm(template: LabelTemplate, slot: number): { page: number; xMm: number; yMm: number } {
  const perPage = template.columns * template.rows;
  const onPage = slot % perPage;
  return {
    page: Math.floor(slot / perPage),
    xMm: template.marginLeftMm + (onPage % template.columns) * template.pitchXMm,
    yMm: template.marginTopMm + Math.floor(onPage / template.columns) * template.pitchYMm,
  };
}

/**
 * Decodes the QR code of every label of a job that lies on pages `firstPage`..`lastPage` (1-based;
 * all pages by default), each cut out of its whole cell as the template's numbers place it (the
 * decoder has to find the code among the text), at `dpi`. Labels off those pages are left out.
 */
export async function readLabelQrs(
  file: string,
  template: LabelTemplate,
  options: { dpi: number; count: number; startPosition?: number; firstPage?: number; lastPage?: number },
): Promise<{ index: number; payload: string | null }[]> {
  const { dpi, count, startPosition = 1, firstPage = 1 } = options;
  const directory = await mkdtemp(join(tmpdir(), 'nguon-label-scan-'));
  try {
    const rasters = await rasterisePdf(file, dpi, { directory, first: firstPage, last: options.lastPage });
    const regions = rasters.map((): RegionMm[] => []);
    const wanted: { index: number; page: number; at: number }[] = [];
    for (let index = 0; index < count; index++) {
      const cell = cellMm(template, startPosition - 1 + index);
      const page = cell.page + 1 - firstPage;
      if (page < 0 || page >= rasters.length) continue;
      const at = regions[page].push({ xMm: cell.xMm, yMm: cell.yMm, widthMm: template.labelWidthMm, heightMm: template.labelHeightMm }) - 1;
      wanted.push({ index, page, at });
    }
    const reports = await inspectRegions(rasters.map((raster, page) => ({ raster, dpi, regions: regions[page] })));
    return wanted.map(({ index, page, at }) => ({ index, payload: reports[page][at].payload }));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Rasterises one page of a label PDF at 300 dpi and decodes the QR code on it, as a phone would. */
export async function decodeQr(pdf: Buffer, page: number): Promise<string> {
  return withPdf(pdf, async (file) => {
    const [raster] = await rasterisePdf(file, 300, { first: page, last: page });
    const [[report]] = await inspectRegions([{ raster, dpi: 300, regions: [{ xMm: 0, yMm: 0, widthMm: 10_000, heightMm: 10_000 }] }]);
    if (!report.payload) throw new Error(`no QR code found on page ${page}`);
    return report.payload;
  });
}
