// Reads rasterised label pages for the tests: decodes the QR code in each region (jsQR) and counts
// its dark and grey pixels. Runs in a worker thread because jsQR runs about ten times slower inside
// Jest's module sandbox. Pages are 8-bit grey PGM files (pdftoppm -gray): no PNG to decode.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import jsQR from 'jsqr';

/** A binary PGM (P5, maxval 255): its size and grey bytes. */
function readPgm(file) {
  const bytes = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${file} is not an 8-bit binary PGM`);
  return { width: Number(header[1]), height: Number(header[2]), grey: bytes.subarray(header[0].length) };
}

/** @param {{ raster: string, dpi: number, regions: Array<{ xMm: number, yMm: number, widthMm: number, heightMm: number }> }} page */
function inspectPage({ raster, dpi, regions }) {
  const image = readPgm(raster);
  const px = (mm) => Math.round((mm * dpi) / 25.4);
  return regions.map((region) => {
    const x0 = Math.max(0, px(region.xMm));
    const y0 = Math.max(0, px(region.yMm));
    const width = Math.max(0, Math.min(image.width - x0, px(region.widthMm)));
    const height = Math.max(0, Math.min(image.height - y0, px(region.heightMm)));
    const rgba = new Uint8ClampedArray(width * height * 4);
    let dark = 0;
    let grey = 0;
    for (let row = 0; row < height; row++) {
      const start = (y0 + row) * image.width + x0;
      for (let column = 0; column < width; column++) {
        const value = image.grey[start + column];
        const at = (row * width + column) * 4;
        rgba[at] = rgba[at + 1] = rgba[at + 2] = value;
        rgba[at + 3] = 255;
        if (value < 128) dark++;
        if (value < 230) grey++;
      }
    }
    const code = width && height ? jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' }) : null;
    return {
      payload: code ? code.data : null,
      topLeftMm: code ? { x: ((x0 + code.location.topLeftCorner.x) * 25.4) / dpi, y: ((y0 + code.location.topLeftCorner.y) * 25.4) / dpi } : null,
      darkPixels: dark,
      greyPixels: grey,
    };
  });
}

parentPort.postMessage(workerData.map(inspectPage));
