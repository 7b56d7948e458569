// Reads rasterised label pages for the specs: decodes the QR code in each region (jsQR) and counts
// its dark and grey pixels. Runs in a worker thread because pngjs and jsQR run about ten times
// slower inside Jest's module sandbox, which would make a 300-dpi check of a job take minutes.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import jsQR from 'jsqr';
import pngjs from 'pngjs';

/** @param {{ png: string, dpi: number, regions: Array<{ xMm: number, yMm: number, widthMm: number, heightMm: number }> }} page */
function inspectPage({ png, dpi, regions }) {
  const image = pngjs.PNG.sync.read(readFileSync(png));
  const px = (mm) => Math.round((mm * dpi) / 25.4);
  return regions.map((region) => {
    const x0 = Math.max(0, px(region.xMm));
    const y0 = Math.max(0, px(region.yMm));
    const width = Math.min(image.width - x0, px(region.widthMm));
    const height = Math.min(image.height - y0, px(region.heightMm));
    const data = new Uint8ClampedArray(width * height * 4);
    let dark = 0;
    let grey = 0;
    for (let row = 0; row < height; row++) {
      const start = ((y0 + row) * image.width + x0) * 4;
      data.set(image.data.subarray(start, start + width * 4), row * width * 4);
      for (let i = start; i < start + width * 4; i += 4) {
        if (image.data[i] < 128) dark++;
        if (image.data[i] < 230) grey++;
      }
    }
    const code = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
    return {
      payload: code ? code.data : null,
      topLeftMm: code ? { x: ((x0 + code.location.topLeftCorner.x) * 25.4) / dpi, y: ((y0 + code.location.topLeftCorner.y) * 25.4) / dpi } : null,
      darkPixels: dark,
      greyPixels: grey,
    };
  });
}

parentPort.postMessage(workerData.map(inspectPage));
