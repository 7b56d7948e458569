import { describe, it, expect } from '@jest/globals';
import QRCode from 'qrcode';
import { LabelPayloadTooLongException } from './label.exception.js';
import { labelBoxLayout } from './layout.js';
import { assertPayloadFits, encodeQr, qrForBox, qrModuleMm, qrRunsPath, QR_QUIET_ZONE_MODULES } from './qr.js';
import { findTemplate } from './templates.js';

const shortUrl = (serial: number) => `https://nguon.example/l/7HKQ2MXR/${serial}`;
const digitalLink = (serial: number) => `https://nguon.example/01/08930000000012/10/DB-2026-000123/21/${serial}`;

describe('encodeQr', () => {
  it('produces exactly the symbol qrcode produces (same segments, same mask choice)', () => {
    const payloads = [
      'https://nguon.example/l/7HKQ2MXR',
      'HTTPS://NGUON.EXAMPLE/L/7HKQ2MXR/42',
      'https://nguon.example/01/08930000000012/10/DB-2026-000123?17=270312',
      'Gạo nếp Séng Cù Điện Biên',
      'x'.repeat(300),
    ];
    for (let serial = 100000000; serial < 100000400; serial += 7) {
      payloads.push(shortUrl(serial), digitalLink(serial), `${digitalLink(serial)}?17=27${String(serial % 12).padStart(2, '0')}31`);
    }
    for (const payload of payloads) {
      const ours = encodeQr(payload);
      const reference = QRCode.create(payload, { errorCorrectionLevel: 'M' });
      expect(ours.version).toBe(reference.version);
      expect(ours.size).toBe(reference.modules.size);
      expect(Buffer.from(ours.modules).equals(Buffer.from(reference.modules.data))).toBe(true);
    }
  });

  it('keeps short-URL payloads at a small version', () => {
    expect(encodeQr(shortUrl(100000123)).version).toBeLessThanOrEqual(3);
  });
});

describe('qrRunsPath', () => {
  it('draws every dark module exactly once, offset by the quiet zone', () => {
    const symbol = encodeQr(digitalLink(100000123));
    const drawn = new Uint8Array(symbol.size * symbol.size);
    const rectangles = qrRunsPath(symbol).trim().split('\n');
    for (const rectangle of rectangles) {
      const [x, y, width, height, operator] = rectangle.split(' ');
      expect(operator).toBe('re');
      expect(height).toBe('1');
      for (let dx = 0; dx < Number(width); dx++) {
        const index = (Number(y) - QR_QUIET_ZONE_MODULES) * symbol.size + Number(x) - QR_QUIET_ZONE_MODULES + dx;
        drawn[index]++;
      }
    }
    expect(Buffer.from(drawn).equals(Buffer.from(symbol.modules))).toBe(true);
    // Runs, not modules: far fewer rectangles than dark modules.
    expect(rectangles.length).toBeLessThan(symbol.modules.reduce((sum, module) => sum + module, 0) * 0.7);
  });
});

describe('module size rule', () => {
  it('divides the box between the symbol and a 4-module quiet zone on each side', () => {
    const symbol = encodeQr(shortUrl(100000123));
    expect(qrModuleMm(symbol, 37)).toBeCloseTo(37 / (symbol.size + 8));
  });

  it('accepts the usual payloads on every template', () => {
    for (const id of ['a4-3x8-70x37', 'a4-4x10-48x25', 'a4-2x7-99x38', 'roll-50x30', 'roll-40x30', 'roll-100x150']) {
      const template = findTemplate(id)!;
      expect(assertPayloadFits(template, shortUrl(100000123))).toBeGreaterThanOrEqual(template.minQrModuleMm);
      expect(assertPayloadFits(template, digitalLink(100000123))).toBeGreaterThanOrEqual(template.minQrModuleMm);
    }
  });

  it('refuses a payload whose modules would be below the thermal minimum with LABEL_PAYLOAD_TOO_LONG', () => {
    const roll = findTemplate('roll-40x30')!;
    const payload = `${digitalLink(100000123)}?17=270312&note=${'x'.repeat(120)}`;
    let error: unknown;
    try {
      assertPayloadFits(roll, payload);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LabelPayloadTooLongException);
    const tooLong = error as LabelPayloadTooLongException;
    expect(tooLong.code).toBe('LABEL_PAYLOAD_TOO_LONG');
    expect(tooLong.details).toMatchObject({ payloadLength: payload.length, minModuleMm: 0.33 });
    expect(tooLong.details?.moduleMm).toBeLessThan(0.33);
    // The same payload still fits a larger label.
    expect(() => assertPayloadFits(findTemplate('roll-100x150')!, payload)).not.toThrow();
  });

  it('applies the sheet minimum of 0.3 mm', () => {
    const box = labelBoxLayout(findTemplate('a4-4x10-48x25')!).qr.widthMm;
    expect(() => qrForBox('x'.repeat(300), box, 0.3)).toThrow(expect.objectContaining({ code: 'LABEL_PAYLOAD_TOO_LONG' }) as unknown as Error);
    expect(qrForBox(shortUrl(1), box, 0.3).moduleMm).toBeGreaterThan(0.3);
  });

  it('refuses a payload larger than any QR symbol with the same code', () => {
    expect(() => qrForBox('x'.repeat(5000), 100, 0.3)).toThrow(LabelPayloadTooLongException);
  });
});
