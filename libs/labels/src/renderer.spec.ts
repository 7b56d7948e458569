import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
// The label reader of the test support library: self-contained, it brings no database along.
import { inspectRegions, rasterisePdf, type RegionMm } from '../../testing/src/label-reader.js';
import { renderLabelsBaseline } from './baseline.js';
import { LabelException } from './label.exception.js';
import type { LabelItem, LabelJobView } from './label-view.js';
import { renderLabels, type RenderLabelsOptions, type RenderProgress } from './renderer.js';
import { findTemplate, type LabelTemplate } from './templates.js';

// These tests read the PDFs like a print shop would: poppler-utils must be installed (no skipping).

const view: LabelJobView = {
  productName: 'Gạo nếp Séng Cù',
  lotCode: 'DB-2026-000123',
  dateKind: 'harvest',
  date: '2026-03-12',
  expiry: '2027-03-12',
  growingAreaCode: 'VN-DB-MA-0012',
  cooperativeName: 'Hợp tác xã Nông nghiệp Thanh Xương, Điện Biên',
  ocopStars: 4,
  shortUrlText: 'nguon.example/l/7HKQ2MXR',
  language: 'vi',
};
const sheet = findTemplate('a4-3x8-70x37')!;
const roll = findTemplate('roll-50x30')!;

const serialOf = (index: number) => String(100000123 + index);
const payloadOf = (index: number) => `https://nguon.example/l/7HKQ2MXR/${serialOf(index)}`;
function* serializedLabels(count: number): Generator<LabelItem> {
  for (let index = 0; index < count; index++) yield { payload: payloadOf(index), serial: serialOf(index) };
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'nguon-labels-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

let fileNumber = 0;
async function renderToFile(options: Partial<RenderLabelsOptions> & { count: number }, onProgress?: (progress: RenderProgress) => void) {
  const file = join(directory, `labels-${++fileNumber}.pdf`);
  const result = await renderLabels(
    { template: sheet, view, labels: serializedLabels(options.count), ...options },
    createWriteStream(file),
    onProgress,
  );
  return { file, result };
}

function pdfInfo(file: string): { pages: number; pageSize: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    pageSize: /^Page size:\s+(.+?) pts/m.exec(info)?.[1] ?? '',
  };
}

/** Every page as a grey raster file, or only the top-left `areaMm` of the first page. */
function rasterise(file: string, dpi: number, areaMm?: { width: number; height: number }): Promise<string[]> {
  return rasterisePdf(file, dpi, areaMm ? { areaMm, first: 1, last: 1 } : {});
}

/** The cell of the n-th slot on a sheet, straight from the template's numbers. */
function cellMm(template: LabelTemplate, slot: number) {
  const onPage = slot % (template.columns * template.rows);
  return {
    page: Math.floor(slot / (template.columns * template.rows)),
    xMm: template.marginLeftMm + (onPage % template.columns) * template.pitchXMm,
    yMm: template.marginTopMm + Math.floor(onPage / template.columns) * template.pitchYMm,
  };
}

describe('renderLabels on real PDFs', () => {
  it('prints 50 serialized 3×8 labels from position 5: every QR scans at 300 dpi with its own payload', async () => {
    const progress: RenderProgress[] = [];
    const { file, result } = await renderToFile({ count: 50, startPosition: 5, outline: true }, (report) => progress.push(report));

    // 4 cells skipped + 50 labels = 54 cells = 3 sheets of 24.
    expect(result).toEqual({ pages: 3, labels: 50 });
    expect(pdfInfo(file)).toEqual({ pages: 3, pageSize: '595.276 x 841.89' });
    expect(progress.map(({ labels, pages }) => [labels, pages])).toEqual([[20, 1], [44, 2], [50, 3]]);
    expect(progress.every(({ total }) => total === 50)).toBe(true);

    const rasters = await rasterise(file, 300);
    expect(rasters).toHaveLength(3);
    // Whole label cells, computed from the template: the decoder has to find the code among the text.
    const labelSlots = Array.from({ length: 50 }, (_, index) => 4 + index);
    // The used part of the first sheet and the rest of the last one must stay blank.
    const blankSlots = [0, 1, 2, 3, 54, 60, 71];
    const regionOf = (slot: number, inset: number) => {
      const cell = cellMm(sheet, slot);
      return { page: cell.page, region: { xMm: cell.xMm + inset, yMm: cell.yMm + inset, widthMm: sheet.labelWidthMm - 2 * inset, heightMm: sheet.labelHeightMm - 2 * inset } };
    };
    const wanted = [...labelSlots.map((slot) => regionOf(slot, 0)), ...blankSlots.map((slot) => regionOf(slot, 1))];
    const regionsByPage = rasters.map((): RegionMm[] => []);
    const positions = wanted.map(({ page, region }) => [page, regionsByPage[page].push(region) - 1] as const);
    const reports = await inspectRegions(rasters.map((raster, page) => ({ raster, dpi: 300, regions: regionsByPage[page] })));
    const inOrder = positions.map(([page, index]) => reports[page][index]);
    const decoded = inOrder.slice(0, 50).map((report) => report.payload);
    expect(decoded).toEqual(labelSlots.map((_, index) => payloadOf(index)));
    expect(new Set(decoded).size).toBe(50);
    expect(inOrder.slice(50).map((report) => report.darkPixels)).toEqual(blankSlots.map(() => 0));
  });

  it('prints thermal 50×30 labels one per page that scan at 150 dpi', async () => {
    const { file, result } = await renderToFile({ template: roll, count: 50 });
    expect(result).toEqual({ pages: 50, labels: 50 });
    expect(pdfInfo(file)).toEqual({ pages: 50, pageSize: '141.732 x 85.0394' });
    const rasters = await rasterise(file, 150);
    expect(rasters).toHaveLength(50);
    const reports = await inspectRegions(rasters.map((raster) => ({ raster, dpi: 150, regions: [{ xMm: 0, yMm: 0, widthMm: 50, heightMm: 30 }] })));
    expect(reports.map(([report]) => report.payload)).toEqual(Array.from({ length: 50 }, (_, index) => payloadOf(index)));
  });

  it('prints the 40×30 roll readable: text of 6 pt or more, the link with its code whole, QR codes that scan', async () => {
    const file = join(directory, 'roll-40x30.pdf');
    const small = findTemplate('roll-40x30')!;
    const shelf: LabelJobView = { ...view, dateKind: 'pack', netContent: '2 kg', producerAddress: 'Bản Co Mỵ, xã Thanh Xương, Điện Biên', origin: 'Việt Nam', shortUrlText: 'truyxuat.htx-thanhxuong.vn/l/7HKQ2MXR' };
    await renderLabels({ template: small, view: shelf, labels: serializedLabels(3), count: 3 }, createWriteStream(file));
    const rasters = await rasterise(file, 300);
    const reports = await inspectRegions(rasters.map((raster) => ({ raster, dpi: 300, regions: [{ xMm: 0, yMm: 0, widthMm: 40, heightMm: 30 }] })));
    expect(reports.map(([report]) => report.payload)).toEqual([0, 1, 2].map(payloadOf));
    // Word boxes as poppler reads them (ascent + descent of Noto Sans ≈ 1.36 em): none from text under 6 pt.
    const boxes = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const words = [...boxes.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ text: m[3], height: Number(m[2]) - Number(m[1]) }));
    expect(words.length).toBeGreaterThan(5);
    for (const word of words) expect({ word: word.text, readable: word.height >= 6 * 1.3 }).toEqual({ word: word.text, readable: true });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    // The code on one row, whole (poppler joins the host's rows at their hyphen).
    expect(text.split('\n').some((row) => row === '7HKQ2MXR' || row.endsWith('/7HKQ2MXR'))).toBe(true);
    expect(text.replace(/\n/g, '')).toContain('thanhxuong.vn/l/7HKQ2MXR');
    for (const expected of ['Gạo nếp Séng', 'Lô:', 'DB-2026-000123', '100000123']) expect(text).toContain(expected);
  });

  it('writes Vietnamese text that extracts with its diacritics, in an embedded Noto Sans', async () => {
    const { file } = await renderToFile({ count: 3 });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const expected of ['Điện Biên', 'Gạo nếp Séng Cù', 'Hợp tác xã', 'Lô: DB-2026-000123', 'Ngày thu hoạch: 12/03/2026', 'HSD: 12/03/2027',
      'Mã vùng trồng:', 'VN-DB-MA-0012', 'nguon.example/l/7HKQ2MXR', 'OCOP', 'Số sê-ri:', '100000123', '100000125']) {
      expect(text).toContain(expected);
    }
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSans-Regular\s.*yes\s+yes/);
    expect(fonts).toMatch(/NotoSans-Bold\s.*yes\s+yes/);
    expect(fonts.trim().split('\n')).toHaveLength(4);
  });

  it('prints English labels without serials', async () => {
    const file = join(directory, 'english.pdf');
    const labels = Array.from({ length: 5 }, () => ({ payload: 'https://nguon.example/l/7HKQ2MXR' }));
    await renderLabels(
      { template: findTemplate('a4-2x7-99x38')!, view: { ...view, language: 'en', productNameEn: 'Seng Cu sticky rice' }, labels, count: 5 },
      createWriteStream(file),
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Gạo nếp Séng Cù');
    expect(text).toContain('Seng Cu sticky rice');
    expect(text).toContain('Lot: DB-2026-000123');
    expect(text).toContain('Harvested: 2026-03-12');
    expect(text).not.toContain('Serial');
    const [raster] = await rasterise(file, 150, { width: 110, height: 60 });
    const [[report]] = await inspectRegions([{ raster, dpi: 150, regions: [{ xMm: 4.65, yMm: 15.1, widthMm: 99.1, heightMm: 38.1 }] }]);
    expect(report.payload).toBe('https://nguon.example/l/7HKQ2MXR');
  });

  it('shifts everything by the printer calibration offset', async () => {
    const plain = await renderToFile({ count: 1 });
    const shifted = await renderToFile({ count: 1, offsetXMm: 3, offsetYMm: -2 });
    const area = { width: 80, height: 45 };
    const region = { xMm: 0, yMm: 0, widthMm: area.width, heightMm: area.height };
    const [[before], [after]] = await inspectRegions([
      { raster: (await rasterise(plain.file, 300, area))[0], dpi: 300, regions: [region] },
      { raster: (await rasterise(shifted.file, 300, area))[0], dpi: 300, regions: [region] },
    ]);
    expect(after.payload).toBe(payloadOf(0));
    expect(after.topLeftMm!.x - before.topLeftMm!.x).toBeCloseTo(3, 0);
    expect(after.topLeftMm!.y - before.topLeftMm!.y).toBeCloseTo(-2, 0);
  });

  it('draws cut outlines only when asked', async () => {
    const withOutline = await renderToFile({ count: 2, outline: true });
    const withoutOutline = await renderToFile({ count: 2 });
    // A thin strip on the border between the first two labels, clear of any content.
    const strip = { xMm: 69.8, yMm: 10, widthMm: 0.4, heightMm: 15 };
    const area = { width: 75, height: 30 };
    const [[outlined], [bare]] = await inspectRegions([
      { raster: (await rasterise(withOutline.file, 300, area))[0], dpi: 300, regions: [strip] },
      { raster: (await rasterise(withoutOutline.file, 300, area))[0], dpi: 300, regions: [strip] },
    ]);
    expect(outlined.greyPixels).toBeGreaterThan(0);
    expect(bare.greyPixels).toBe(0);
  });

  it('renders with the naive baseline to the same readable labels', async () => {
    const file = join(directory, 'baseline.pdf');
    await renderLabelsBaseline({ template: roll, view, labels: serializedLabels(3), count: 3 }, createWriteStream(file));
    const rasters = await rasterise(file, 150);
    const reports = await inspectRegions(rasters.map((raster) => ({ raster, dpi: 150, regions: [{ xMm: 0, yMm: 0, widthMm: 50, heightMm: 30 }] })));
    expect(reports.map(([report]) => report.payload)).toEqual([0, 1, 2].map(payloadOf));
  });
});

describe('renderLabels streaming', () => {
  it('waits for a slow output instead of buffering the document', async () => {
    let accepted = 0;
    let held: Array<() => void> = [];
    let release = false;
    const output = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        accepted += chunk.length;
        if (release) callback();
        else held.push(callback);
      },
    });
    let done = false;
    let reported = 0;
    const rendering = renderLabels({ template: roll, view, labels: serializedLabels(300), count: 300 }, output, (progress) => {
      reported = progress.labels;
    }).then((result) => {
      done = true;
      return result;
    });
    // Once the output asks to wait for 'drain', the renderer must stop: many turns of the event loop
    // later it has rendered nothing more and buffered no more than about a page.
    const turns = async (count: number) => {
      for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
    };
    while (!output.writableNeedDrain) await turns(1);
    await turns(10);
    const blockedAt = reported;
    await turns(200);
    expect(done).toBe(false);
    expect(reported).toBe(blockedAt);
    expect(accepted + output.writableLength).toBeLessThan(64 * 1024);

    release = true;
    held.forEach((callback) => callback());
    held = [];
    await expect(rendering).resolves.toEqual({ pages: 300, labels: 300 });
    expect(accepted).toBeGreaterThan(100 * 1024);
  });

  it('accepts an async source of labels', async () => {
    async function* fromDatabase() {
      for (let index = 0; index < 30; index++) {
        await Promise.resolve();
        yield { payload: payloadOf(index), serial: serialOf(index) };
      }
    }
    const chunks: Buffer[] = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    await expect(renderLabels({ template: sheet, view, labels: fromDatabase(), count: 30 }, output)).resolves.toEqual({ pages: 2, labels: 30 });
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });
});

describe('renderLabels sources and outputs', () => {
  const sink = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });

  it('reads labels from a function of the index', async () => {
    const seen: number[] = [];
    const result = await renderLabels(
      { template: sheet, view, count: 5, labels: (index) => (seen.push(index), { payload: payloadOf(index), serial: serialOf(index) }) },
      sink(),
    );
    expect(result).toEqual({ pages: 1, labels: 5 });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads only `count` labels and closes the source', async () => {
    let read = 0;
    let closed = false;
    function* cursor() {
      try {
        for (let index = 0; index < 100; index++) {
          read++;
          yield { payload: payloadOf(index), serial: serialOf(index) };
        }
      } finally {
        closed = true;
      }
    }
    await renderLabels({ template: sheet, view, labels: cursor(), count: 3 }, sink());
    expect(read).toBe(3);
    expect(closed).toBe(true);
  });

  it('fails instead of hanging when the output is closed mid-job', async () => {
    let received = 0;
    const output = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        // A client that hangs up: no more callbacks, the stream is gone.
        if (received > 20_000) output.destroy();
        else setImmediate(callback);
      },
    });
    await expect(renderLabels({ template: roll, view, labels: serializedLabels(500), count: 500 }, output)).rejects.toThrow(/closed/);
  });

  it('throws the error of an output that fails a write and reports it only after its clean-up (a full disk)', async () => {
    // Like a file stream on a full disk: the write fails, the stream destroys itself, and its 'error'
    // event comes after an asynchronous clean-up (closing and removing the partial file).
    let received = 0;
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const output = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        if (received > 20_000) callback(full);
        else setImmediate(callback);
      },
      destroy(error, callback) {
        setTimeout(() => callback(error), 20);
      },
    });
    const error = await renderLabels({ template: roll, view, labels: serializedLabels(500), count: 500 }, output).catch((caught: unknown) => caught);
    expect(error).toBe(full);
    // The stream had closed before the renderer gave up listening: its error event had somewhere to go.
    expect(output.closed).toBe(true);
    expect(output.errored).toBe(full);
  });
});

describe('renderLabels refuses bad jobs with a code', () => {
  const sink = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });

  it.each([
    [{ count: 0 }, 'LABEL_COUNT_INVALID'],
    [{ count: 1.5 }, 'LABEL_COUNT_INVALID'],
    [{ startPosition: 0 }, 'LABEL_START_POSITION_OUT_OF_RANGE'],
    [{ startPosition: 25 }, 'LABEL_START_POSITION_OUT_OF_RANGE'],
    [{ template: roll, startPosition: 2 }, 'LABEL_START_POSITION_OUT_OF_RANGE'],
    [{ offsetXMm: 5.5 }, 'LABEL_OFFSET_OUT_OF_RANGE'],
    [{ offsetYMm: -6 }, 'LABEL_OFFSET_OUT_OF_RANGE'],
    [{ count: 4 }, 'LABEL_COUNT_MISMATCH'],
  ] as const)('%p → %s, and the output is closed', async (options, code) => {
    const output = sink();
    const error = await renderLabels({ template: sheet, view, labels: serializedLabels(3), count: 3, ...options }, output).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LabelException);
    expect((error as LabelException).code).toBe(code);
    expect(output.destroyed).toBe(true);
  });

  it('stops with LABEL_PAYLOAD_TOO_LONG when a payload cannot be printed readably, and closes the output', async () => {
    const output = sink();
    const labels = [{ payload: payloadOf(0) }, { payload: `https://nguon.example/l/${'x'.repeat(400)}` }];
    const error = await renderLabels({ template: findTemplate('roll-40x30')!, view, labels, count: 2 }, output).catch((caught: unknown) => caught);
    expect((error as LabelException).code).toBe('LABEL_PAYLOAD_TOO_LONG');
    expect(output.destroyed).toBe(true);
  });
});
