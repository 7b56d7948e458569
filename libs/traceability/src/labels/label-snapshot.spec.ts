import { describe, expect, it } from '@jest/globals';
import { buildLabelSnapshot, labelItems, labelJobView, longestPayload, serialAt, shortUrlText, type LabelSource } from './label-snapshot.js';

const source: LabelSource = {
  lotId: '6f1c1c9e-0d1a-4c55-9d0e-3d0c1a2b3c4d',
  lotCode: 'DB-2026-000123',
  shortCode: 'K7M2Q9XZ',
  lotKind: 'harvest',
  // 20:00 UTC on 14 March is 03:00 on 15 March in Vietnam.
  producedAt: new Date('2026-03-14T20:00:00Z'),
  producedAtOffset: '+07:00',
  lotExpiresAt: null,
  productId: 'b1',
  productNameVi: 'Gạo nếp Séng Cù Điện Biên',
  productNameEn: 'Séng Cù sticky rice',
  gtin: null,
  shelfLifeDays: 365,
  growingAreaCodes: ['VN-DBIH-0012'],
  cooperativeName: 'HTX Nông nghiệp Thanh Xương',
  cooperativeAddress: 'Bản Co Mận, Thanh Xương, Điện Biên',
  netContent: '2.000000',
  netContentUnit: 'kg',
  ocop: { level: 4, number: '123/QĐ-UBND', validUntil: '2028-01-01' },
};

describe('buildLabelSnapshot', () => {
  it('freezes what is printed, with the local date and an expiry from the shelf life', () => {
    const snapshot = buildLabelSnapshot(source, 'https://truyxuat.example.vn/');
    expect(snapshot).toMatchObject({
      productNameVi: 'Gạo nếp Séng Cù Điện Biên',
      dateKind: 'harvest',
      date: '2026-03-15',
      expiry: '2027-03-15',
      growingAreaCode: 'VN-DBIH-0012',
      ocop: { stars: 4, certificationNumber: '123/QĐ-UBND', validUntil: '2028-01-01' },
      payloadBase: 'https://truyxuat.example.vn/l/K7M2Q9XZ',
      shortUrlText: 'truyxuat.example.vn/l/K7M2Q9XZ',
    });
  });

  it('uses a Digital Link when the product has a GTIN, and the lot’s own expiry when it has one', () => {
    const snapshot = buildLabelSnapshot({ ...source, gtin: '08934588012341', lotExpiresAt: '2026-09-01', lotKind: 'packed' }, 'https://x.vn');
    expect(snapshot.payloadBase).toBe('https://x.vn/01/08934588012341/10/DB-2026-000123');
    expect(snapshot.expiry).toBe('2026-09-01');
    expect(snapshot.dateKind).toBe('pack');
    // People type the short URL whatever the QR carries.
    expect(snapshot.shortUrlText).toBe('x.vn/l/K7M2Q9XZ');
  });

  it('prints no stars without a valid OCOP certification, and no area when the origin is too mixed', () => {
    const snapshot = buildLabelSnapshot({ ...source, ocop: null, growingAreaCodes: ['A', 'B', 'C'], shelfLifeDays: null }, 'https://x.vn');
    expect(snapshot.ocop).toBeNull();
    expect(snapshot.growingAreaCode).toBeNull();
    expect(snapshot.expiry).toBeNull();
    expect(buildLabelSnapshot({ ...source, growingAreaCodes: ['A', 'B', 'A'] }, 'https://x.vn').growingAreaCode).toBe('A, B');
  });

  it('maps to the renderer’s view in the requested language', () => {
    const view = labelJobView(buildLabelSnapshot(source, 'https://x.vn'), 'en');
    expect(view).toMatchObject({ productName: 'Gạo nếp Séng Cù Điện Biên', productNameEn: 'Séng Cù sticky rice', ocopStars: 4, language: 'en' });
  });
});

describe('label payloads', () => {
  const short = { gtin: null, payloadBase: 'https://x.vn/l/K7M2Q9XZ' };
  const digitalLink = { gtin: '08934588012341', payloadBase: 'https://x.vn/01/08934588012341/10/L1' };

  it('appends the serial as /{serial} on short URLs and /21/{serial} on Digital Links', () => {
    expect([...labelItems(short, { count: 2, serialized: true, serialFirst: '9007199254740993' })]).toEqual([
      { payload: 'https://x.vn/l/K7M2Q9XZ/9007199254740993', serial: '9007199254740993' },
      { payload: 'https://x.vn/l/K7M2Q9XZ/9007199254740994', serial: '9007199254740994' },
    ]);
    expect([...labelItems(digitalLink, { count: 1, serialized: true, serialFirst: '7' })]).toEqual([
      { payload: 'https://x.vn/01/08934588012341/10/L1/21/7', serial: '7' },
    ]);
  });

  it('repeats the lot URI without serials', () => {
    expect([...labelItems(short, { count: 3, serialized: false, serialFirst: null })]).toEqual(Array(3).fill({ payload: short.payloadBase }));
  });

  it('finds the longest payload and counts serials as bigints', () => {
    expect(longestPayload(digitalLink, '1000')).toBe('https://x.vn/01/08934588012341/10/L1/21/1000');
    expect(longestPayload(short, null)).toBe(short.payloadBase);
    expect(serialAt('9007199254740992', 3)).toBe('9007199254740995');
  });

  it('keeps a base path in the printed short URL', () => {
    expect(shortUrlText('https://so-nn.dienbien.gov.vn/truy-xuat/', 'K7M2Q9XZ')).toBe('so-nn.dienbien.gov.vn/truy-xuat/l/K7M2Q9XZ');
  });
});

describe('shop-shelf fields', () => {
  it('freezes the net content, the producer’s address and the origin, and prints the barcode only for new snapshots', () => {
    const snapshot = buildLabelSnapshot({ ...source, gtin: '08930000000019' }, 'https://truyxuat.example.vn/');
    expect(snapshot).toMatchObject({ netContent: '2 kg', producerAddress: 'Bản Co Mận, Thanh Xương, Điện Biên', origin: 'Việt Nam' });
    expect(labelJobView(snapshot, 'vi')).toMatchObject({ netContent: '2 kg', origin: 'Việt Nam', gtin: '08930000000019' });
    expect(labelJobView(snapshot, 'en').origin).toBe('Vietnam');
    const { netContent: _n, producerAddress: _p, origin: _o, ...older } = snapshot;
    expect(labelJobView(older, 'vi')).toMatchObject({ netContent: undefined, origin: undefined, gtin: undefined });
  });
});
