import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';

// Reading label PDFs as a print shop and a phone would: pages rasterised by poppler's pdftoppm, QR
// codes decoded by a real decoder (jsQR). Self-contained (no database, no app) so that the label
// renderer's unit tests use it as well as the end-to-end suites.

const run = promisify(execFile);

export interface RegionMm {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

export interface RegionReport {
  /** The QR code's text, or null when none could be decoded in the region. */
  payload: string | null;
  /** Where the decoder found the code's top-left corner on the page. */
  topLeftMm: { x: number; y: number } | null;
  /** Pixels darker than mid-grey, and pixels not white (an outline, anti-aliased text). */
  darkPixels: number;
  greyPixels: number;
}

/**
 * Pages `first`..`last` (1-based; all by default) of a PDF at `dpi`, as 8-bit grey PGM files in
 * `directory`, or only the top-left `areaMm` of each page. PGM rather than PNG: no compression to
 * pay for on either side, which at 300 dpi was most of the time of a check.
 */
export async function rasterisePdf(
  file: string,
  dpi: number,
  options: { directory?: string; first?: number; last?: number; areaMm?: { width: number; height: number } } = {},
): Promise<string[]> {
  const directory = options.directory ?? dirname(file);
  const prefix = `${basename(file, '.pdf')}-${dpi}dpi-${options.first ?? 1}-${options.last ?? 'end'}${options.areaMm ? `-${options.areaMm.width}x${options.areaMm.height}` : ''}`;
  const pixels = (mm: number) => String(Math.round((mm * dpi) / 25.4));
  await run('pdftoppm', [
    '-r',
    String(dpi),
    '-gray',
    ...(options.first ? ['-f', String(options.first)] : []),
    ...(options.last ? ['-l', String(options.last)] : []),
    ...(options.areaMm ? ['-W', pixels(options.areaMm.width), '-H', pixels(options.areaMm.height)] : []),
    file,
    join(directory, prefix),
  ]);
  const names = (await readdir(directory)).filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.pgm'));
  // pdftoppm pads page numbers to the width of the last one: sort by number.
  const pageOf = (name: string) => Number(/-(\d+)\.pgm$/.exec(name)![1]);
  return names.sort((a, b) => pageOf(a) - pageOf(b)).map((name) => join(directory, name));
}

/**
 * Decodes the QR code in each region of each page raster and counts its dark and grey pixels, in a
 * worker thread (jsQR runs about ten times slower inside Jest's module sandbox).
 */
export async function inspectRegions(pages: { raster: string; dpi: number; regions: RegionMm[] }[]): Promise<RegionReport[][]> {
  const worker = new Worker(new URL('./label-reader.worker.mjs', import.meta.url), { workerData: pages });
  try {
    const [reports] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([error]) => Promise.reject(error))])) as [RegionReport[][]];
    return reports;
  } finally {
    await worker.terminate();
  }
}
