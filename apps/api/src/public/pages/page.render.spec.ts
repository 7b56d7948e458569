import { describe, expect, it } from '@jest/globals';
import type { LotPublicView } from '@app/traceability';
import { assembleLotPage, renderErrorPage, renderLotPage, type SerialInfo } from './page.render.js';

const harvestedAt = new Date('2026-10-05T01:30:00Z');

function view(overrides: Partial<LotPublicView['lot']> = {}): LotPublicView {
  const area = { id: 'a1', code: 'VN-DBIH-0012', name: 'Cánh đồng Co Mỵ', crop: 'sticky_rice', variety: 'Séng Cù', areaHa: '2', commune: 'Thanh Xương', province: 'Điện Biên', standard: null, point: { lat: 21.3702, lon: 103.0187 } };
  return {
    lot: {
      id: 'l1',
      organizationId: 'o1',
      code: 'DB-2026-000123',
      shortCode: '7HKQ2MXR',
      displayName: null,
      kind: 'packed',
      status: 'active',
      productId: 'p1',
      quantity: '500',
      unit: 'pack',
      producedAt: new Date('2026-10-07T03:00:00Z'),
      producedAtOffset: '+07:00',
      expiresAt: '2027-10-07',
      growingAreaId: null,
      householdPartnerId: null,
      facilityId: null,
      recalledAt: null,
      recallReason: null,
      depth: 0,
      ...overrides,
    },
    product: {
      id: 'p1',
      organizationId: 'o1',
      nameVi: 'Gạo nếp <Séng Cù> & "Điện Biên"',
      nameEn: 'Séng Cù sticky rice',
      gtin: '08934588012341',
      brand: null,
      description: null,
      imageUrl: 'javascript:alert(1)',
      unit: 'pack',
      netContent: '2',
      netContentUnit: 'kg',
      shelfLifeDays: 365,
      ocopGroup: 1,
      standards: [],
    },
    producer: { id: 'o1', name: 'HTX Thanh Xương', kind: 'cooperative', address: null, commune: null, province: 'Điện Biên', gln: null },
    uri: 'https://x.vn/01/08934588012341/10/DB-2026-000123',
    shortUrl: 'https://x.vn/l/7HKQ2MXR',
    recallStatusUrl: 'https://x.vn/public/lots/7HKQ2MXR/recall-status',
    epcisUrl: 'https://x.vn/public/lots/7HKQ2MXR/epcis',
    origins: [{ lotCode: 'TH-1', harvestedAt, harvestedAtOffset: '+07:00', growingArea: area, household: null }],
    timeline: [
      {
        eventId: 'e1',
        organizationId: 'o1',
        seq: '1',
        type: 'harvest',
        stage: 'harvest',
        eventTime: harvestedAt,
        eventTimeOffset: '+07:00',
        organizationName: 'HTX Thanh Xương',
        lotCodes: ['TH-1'],
        inputLotCodes: [],
        process: null,
        growingArea: area,
        facility: null,
        household: { id: 'h1', kind: 'member_household', name: 'Hộ <b>Lò</b> Văn Pọm', commune: null, province: null },
        destination: null,
        lab: null,
        result: null,
        reason: null,
        locationCode: { scheme: 'growing_area', value: area.code },
      },
      {
        eventId: 'e2',
        organizationId: 'o1',
        seq: '2',
        type: 'transform',
        stage: 'packing',
        eventTime: new Date(harvestedAt.getTime() + 86_400_000),
        eventTimeOffset: '+07:00',
        organizationName: 'HTX Thanh Xương',
        lotCodes: ['DB-2026-000123'],
        inputLotCodes: ['TH-1'],
        process: 'pack',
        growingArea: null,
        facility: { id: 'f1', kind: 'packing_house', name: 'Cơ sở đóng gói', code: 'DG-1', gln: '8934588000017', address: null, commune: null, province: 'Điện Biên' },
        household: null,
        destination: null,
        lab: null,
        result: null,
        reason: null,
        locationCode: { scheme: 'gln', value: '8934588000017' },
      },
    ],
    inputs: [],
    certifications: [],
    ocop: null,
    standards: [],
    chain: { valid: true, eventsChecked: 1, organizations: 1 },
    organizationIds: ['o1'],
    builtForDate: '2026-10-08',
    epcisEvents: [],
  };
}

const serial: SerialInfo = { serial: '100000001', issued: true, firstScannedAt: null, scans: 0, distinctDays: 0, suspicious: false };

describe('lot page rendering', () => {
  it('escapes every value and shows no unsafe image URL', () => {
    const page = renderLotPage(view(), 'vi', '{}').join('');
    expect(page).toContain('Gạo nếp &lt;Séng Cù&gt; &amp; &quot;Điện Biên&quot;');
    expect(page).toContain('Hộ &lt;b&gt;Lò&lt;/b&gt; Văn Pọm');
    expect(page).not.toContain('javascript:');
    expect(page).not.toContain('<b>Lò</b>');
  });

  it('offers a share link to the page’s own address, its title escaped in the attribute', () => {
    const page = renderLotPage(view(), 'vi', '{}').join('');
    expect(page).toMatch(/<a href="[^"]+" data-share data-title="Gạo nếp &lt;Séng Cù&gt; &amp; &quot;Điện Biên&quot;" data-copied="[^"]+">🔗 Chia sẻ trang này<\/a>/);
    expect(page).toContain('<script src="/ocop/assets/share.js" defer></script>');
    expect(renderLotPage(view(), 'en', '{}').join('')).toContain('🔗 Share this page</a>');
  });

  it('splices the label block in and leaves the lot page without it untouched', () => {
    const parts = renderLotPage(view(), 'vi', '{}');
    expect(assembleLotPage(parts, null, 'vi')).toBe(parts.join(''));
    const withSerial = assembleLotPage(parts, serial, 'vi');
    expect(withSerial).toContain('<section id="serial">');
    expect(withSerial).toContain('Đây là lần quét đầu tiên của tem này.');
    expect(withSerial).toContain('Số sê-ri <code>100000001</code></li>');
    expect(withSerial).not.toContain('<!--nguon:');
    const copied = assembleLotPage(parts, { ...serial, firstScannedAt: harvestedAt, scans: 80, distinctDays: 30, suspicious: true }, 'en');
    expect(copied).toContain('This label has been scanned 80 times on 30 different days');
  });

  it('puts a recall banner first, in both languages, with dates in Vietnam time', () => {
    const recalled = view({ status: 'recalled', recalledAt: new Date('2026-10-09T18:00:00Z'), recallReason: 'Dư lượng thuốc BVTV' });
    const vi = renderLotPage(recalled, 'vi', '{}').join('');
    expect(vi.indexOf('SẢN PHẨM ĐANG BỊ THU HỒI')).toBeLessThan(vi.indexOf('<h1>'));
    expect(vi).toContain('Thu hồi ngày 10/10/2026');
    expect(vi).toContain('05/10/2026 08:30');
    const en = renderLotPage(recalled, 'en', '{}').join('');
    expect(en).toContain('THIS PRODUCT IS BEING RECALLED');
    expect(en).toContain('<h1>Séng Cù sticky rice</h1>');
    expect(en).toContain('Sticky rice (paddy) / Séng Cù');
  });

  it('lists each production stage with its location trace code (Circular 02/2024/TT-BKHCN)', () => {
    const vi = renderLotPage(view(), 'vi', '{}').join('');
    const circular = vi.slice(vi.indexOf('<section id="circular">'));
    expect(circular).toContain(`Thu hoạch — mã vùng trồng <code>${view().timeline[0].growingArea!.code}</code>`);
    expect(circular).toContain('Đóng gói — GLN <code>8934588000017</code>');
    const trace = vi.slice(vi.indexOf('<section id="trace">'), vi.indexOf('<section id="circular">'));
    expect(trace).toContain('Mã truy vết địa điểm: GLN <code>8934588000017</code>');
    const en = renderLotPage(view(), 'en', '{}').join('');
    expect(en).toContain('Packing — GLN <code>8934588000017</code>');
  });

  it('shows the product image in the Circular 02 list when there is one, and says so when there is none', () => {
    const withPhoto = view();
    withPhoto.product = { ...withPhoto.product, imageUrl: 'https://images.example.vn/gao.jpg' };
    const page = renderLotPage(withPhoto, 'vi', '{}').join('');
    const circular = page.slice(page.indexOf('<section id="circular">'));
    expect(circular).toContain('<img class="c02img" src="https://images.example.vn/gao.jpg"');
    const without = renderLotPage(view(), 'vi', '{}').join('');
    expect(without.slice(without.indexOf('<section id="circular">'))).toContain('Hình ảnh sản phẩm: Không có');
  });

  it('keeps a JSON-LD block from closing the script element', () => {
    const page = renderLotPage(view(), 'vi', JSON.stringify({ name: '</script><script>alert(1)</script>' })).join('');
    expect(page).not.toContain('</script><script>');
  });

  it('renders error pages with the code for support', () => {
    const page = renderErrorPage(404, 'en', 'LOT_NOT_FOUND');
    expect(page).toContain('<h1>Not found</h1>');
    expect(page).toContain('<code>LOT_NOT_FOUND</code>');
  });
});
