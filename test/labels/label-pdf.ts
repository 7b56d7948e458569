import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import pngjs from 'pngjs';
import type { LabelTemplate } from '@app/labels';

/** Helpers for tests that read label PDFs as a printer and a phone would: pages, text, QR codes. */
export type Png = { width: number; height: number; data: Buffer };

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

/** Pages `first`..`last` (1-based, default all) rasterised at `dpi`. */
export async function rasterise(file: string, directory: string, dpi: number, first?: number, last?: number): Promise<Png[]> {
  const prefix = join(directory, `page-${dpi}-${first ?? 'all'}`);
  const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
  execFileSync('pdftoppm', ['-r', String(dpi), ...range, '-gray', '-png', file, prefix]);
  const names = (await readdir(directory)).filter((name) => name.startsWith(`${prefix.split('/').pop()}-`)).sort();
  return Promise.all(names.map(async (name) => pngjs.PNG.sync.read(await readFile(join(directory, name)))));
}

/** The top-left corner of the n-th cell (0-based slot, counting skipped cells) from the template's numbers. */
export function cellMm(template: LabelTemplate, slot: number): { page: number; xMm: number; yMm: number } {
  const perPage = template.columns * template.rows;
  const onPage = slot % perPage;
  return {
    page: Math.floor(slot / perPage),
    xMm: template.marginLeftMm + (onPage % template.columns) * template.pitchXMm,
    yMm: template.marginTopMm + Math.floor(onPage / template.columns) * template.pitchYMm,
  };
}

/** Cuts one label (in mm) out of a page and decodes its QR with a real decoder; null if it does not scan. */
export function decodeLabel(page: Png, dpi: number, xMm: number, yMm: number, widthMm: number, heightMm: number): string | null {
  const px = (mm: number) => Math.round((mm * dpi) / 25.4);
  const x0 = Math.max(0, px(xMm));
  const y0 = Math.max(0, px(yMm));
  const width = Math.min(page.width - x0, px(widthMm));
  const height = Math.min(page.height - y0, px(heightMm));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const start = ((y0 + row) * page.width + x0) * 4;
    data.set(page.data.subarray(start, start + width * 4), row * width * 4);
  }
  // jsqr is a CommonJS bundle: under nodenext its default export is reached through `.default`.
  return jsQR.default(data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** Decodes every label of a job that lies on the given pages (`firstPage` is the 0-based page of `pages[0]`). */
export function decodeJob(
  pages: Png[],
  dpi: number,
  template: LabelTemplate,
  startPosition: number,
  count: number,
  firstPage = 0,
): { index: number; payload: string | null }[] {
  const decoded: { index: number; payload: string | null }[] = [];
  for (let index = 0; index < count; index++) {
    const cell = cellMm(template, startPosition - 1 + index);
    const page = pages[cell.page - firstPage];
    if (!page) continue;
    decoded.push({ index, payload: decodeLabel(page, dpi, cell.xMm, cell.yMm, template.labelWidthMm, template.labelHeightMm) });
  }
  return decoded;
}
