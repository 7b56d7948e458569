import { describe, expect, it } from '@jest/globals';
import type { ShowcaseCatalogue, ShowcaseProduct } from '@app/traceability';
import { filterProducts } from './showcase-pages.service.js';
import { CATALOGUE_PAGE_SIZE, renderCatalogue } from './showcase.render.js';

function product(i: number, overrides: Partial<ShowcaseProduct> = {}): ShowcaseProduct {
  const nameVi = `Chè Shan tuyết cổ thụ Tủa Chùa loại ${i}`;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    organizationId: 'o1',
    nameVi,
    nameEn: `Ancient Shan tuyet tea ${i}`,
    description: null,
    brand: null,
    gtin: null,
    ocopGroup: (i % 6) + 1,
    photoKey: `${'a'.repeat(63)}${i % 10}.webp`,
    stars: { level: 3 + (i % 3), number: `${i}/QĐ-UBND`, validUntil: '2028-12-31' },
    producerName: 'HTX Chè Phình Sáng',
    commune: 'Xã Phình Sáng',
    communeCode: i % 2 ? '03334' : '03349',
    provinceCode: '11',
    recall: null,
    latestLot: null,
    searchText: `che shan tuyet co thu tua chua loai ${i} | htx che phinh sang | xa phinh sang`,
    ...overrides,
  };
}

const catalogue = (products: ShowcaseProduct[]): ShowcaseCatalogue => ({
  provinceCode: '11',
  provinceName: 'Điện Biên',
  products,
  producers: [{ id: 'o1', name: 'HTX Chè Phình Sáng', commune: 'Xã Phình Sáng', communeCode: '03334', photoKey: null, welcomesVisitors: true, products: products.length }],
  communes: [{ code: '03334', name: 'Xã Phình Sáng' }],
  organizationIds: ['o1'],
  builtForDate: '2026-12-03',
});

const filters = { q: null, group: null, stars: null, commune: null, page: 1 };

describe('showcase catalogue page', () => {
  it('keeps a page of a 500-product catalogue under 60 KB of HTML, images lazy and from this origin', () => {
    const products = Array.from({ length: 500 }, (_, i) => product(i));
    const html = renderCatalogue(catalogue(products), products.slice(0, CATALOGUE_PAGE_SIZE), products.length, filters, 'vi', 'https://ocop.example.vn');
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(60 * 1024);
    const images = html.match(/<img [^>]*>/g) ?? [];
    expect(images).toHaveLength(CATALOGUE_PAGE_SIZE);
    for (const img of images) expect(img).toMatch(/^<img src="\/ocop\/photos\/[0-9a-f]{64}-t\.webp"[^>]* loading="lazy"/);
    expect(html).toContain('rel="next"');
    expect(html).not.toMatch(/<(?:script|link)[^>]+(?:src|href)="https?:\/\/(?!ocop\.example\.vn)/);
  });

  it('escapes what producers wrote', () => {
    const evil = product(1, { nameVi: '<script>alert(1)</script>', producerName: '"><img src=x onerror=alert(1)>' });
    const html = renderCatalogue(catalogue([evil]), [evil], 1, { ...filters, q: '"><b>' }, 'vi', 'https://ocop.example.vn');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('value="&quot;&gt;&lt;b&gt;"');
  });

  it('searches without diacritics, every word, and filters by group, stars and commune', () => {
    const products = [product(1), product(2, { nameVi: 'Gạo nếp tan', searchText: 'gao nep tan | htx | xa', ocopGroup: 1, stars: { level: 5, number: 'x', validUntil: '2028-01-01' } })];
    expect(filterProducts(products, { q: 'CHÈ shan', group: null, stars: null, commune: null }).map((p) => p.nameVi)).toEqual([products[0].nameVi]);
    expect(filterProducts(products, { q: 'gao nếp', group: null, stars: null, commune: null })).toHaveLength(1);
    expect(filterProducts(products, { q: 'che gao', group: null, stars: null, commune: null })).toHaveLength(0);
    expect(filterProducts(products, { q: null, group: 1, stars: 5, commune: null })).toEqual([products[1]]);
    expect(filterProducts(products, { q: null, group: null, stars: null, commune: '03334' })).toEqual([products[0]]);
  });
});
