import { Injectable } from '@nestjs/common';
import { provinceByCodeOf } from '../admin-units/admin-units.js';
import { toLocalDate } from '../common/dates.js';
import { searchKey } from '../common/text.js';
import { pointOf } from '../public/geo-point.js';
import { ShowcaseRepository, type ShowcaseProducerRow, type ShowcaseProductRow } from './showcase.repository.js';
import type { ShowcaseCatalogue, ShowcaseMapPoint, ShowcaseProducer, ShowcaseProducerSummary, ShowcaseProduct } from './showcase.types.js';

function toProduct(row: ShowcaseProductRow): ShowcaseProduct {
  return {
    id: row.id,
    organizationId: row.organizationId,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    description: row.description,
    brand: row.brand,
    gtin: row.gtin,
    ocopGroup: row.ocopGroup,
    photoKey: row.photoKey,
    stars: row.level && row.number && row.validUntil ? { level: row.level, number: row.number, validUntil: row.validUntil } : null,
    producerName: row.producerName,
    commune: row.commune,
    communeCode: row.communeCode,
    provinceCode: row.provinceCode,
    recall: row.recallCode ? { lotCode: row.recallCode, shortCode: row.recallShortCode!, recalledAt: row.recalledAt ? new Date(row.recalledAt).toISOString() : null } : null,
    latestLot: row.lotCode ? { code: row.lotCode, shortCode: row.lotShortCode! } : null,
    searchText: searchKey([row.nameVi, row.nameEn, row.producerName, row.commune, row.brand].filter(Boolean).join(' | ')),
  };
}

function summary(row: ShowcaseProducerRow, products: number): ShowcaseProducerSummary {
  return { id: row.id, name: row.name, commune: row.commune, communeCode: row.communeCode, photoKey: row.photoKeys[0] ?? null, welcomesVisitors: row.welcomesVisitors, products };
}

/**
 * The province's OCOP showcase as data (issue 20): the catalogue of listed producers' products with
 * valid stars, a producer's page, a product's page. How it is presented and cached is the API's
 * (apps/api/src/public/showcase).
 */
@Injectable()
export class ShowcaseService {
  constructor(private readonly repository: ShowcaseRepository) {}

  /** Null when the code names no province. */
  async catalogue(provinceCode: string): Promise<ShowcaseCatalogue | null> {
    const province = provinceByCodeOf(provinceCode);
    if (!province) return null;
    const today = toLocalDate(new Date());
    const [producers, rows, scope] = await Promise.all([
      this.repository.producers(provinceCode),
      this.repository.products(provinceCode, today),
      this.repository.scope(provinceCode),
    ]);
    // The catalogue lists OCOP products with stars valid today; the others stay on their producer's page.
    const products = rows.filter((row) => row.level).map(toProduct);
    const counts = new Map<string, number>();
    for (const product of products) counts.set(product.organizationId, (counts.get(product.organizationId) ?? 0) + 1);
    const communes = new Map<string, string>();
    for (const row of producers) if (row.communeCode && row.commune) communes.set(row.communeCode, row.commune);
    return {
      provinceCode,
      provinceName: province.name,
      products,
      producers: producers.map((row) => summary(row, counts.get(row.id) ?? 0)),
      communes: [...communes].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
      organizationIds: scope,
      builtForDate: today,
    };
  }

  async producer(provinceCode: string, id: string): Promise<ShowcaseProducer | null> {
    const [row] = await this.repository.producers(provinceCode, id);
    if (!row) return null;
    const today = toLocalDate(new Date());
    const [products, certifications] = await Promise.all([this.repository.products(provinceCode, today, { producerId: id }), this.repository.certifications(id, today)]);
    const catalogue = products.map(toProduct);
    return {
      ...summary(row, catalogue.filter((p) => p.stars).length),
      kind: row.kind,
      provinceCode: row.provinceCode,
      province: row.province,
      storyVi: row.storyVi,
      storyEn: row.storyEn,
      publicPhone: row.publicPhone,
      publicEmail: row.publicEmail,
      website: row.website,
      links: row.links,
      visitInfoVi: row.visitInfoVi,
      visitInfoEn: row.visitInfoEn,
      photoKeys: row.photoKeys,
      workCommunes: row.workCommunes ?? [],
      catalogue,
      certifications,
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }

  /** The organization's producer page data, in whichever catalogue it appears; null when it appears in none. */
  async producerOf(organizationId: string): Promise<ShowcaseProducer | null> {
    const [row] = await this.repository.producers(null, organizationId);
    return row ? this.producer(row.provinceCode, organizationId) : null;
  }

  /** A product of a showcased producer, with the producer's page data (its page links both). */
  async product(id: string): Promise<{ product: ShowcaseProduct; producer: ShowcaseProducer } | null> {
    const [row] = await this.repository.products(null, toLocalDate(new Date()), { productId: id });
    if (!row) return null;
    const producer = await this.producer(row.provinceCode, row.organizationId);
    const product = producer?.catalogue.find((p) => p.id === id);
    return producer && product ? { product, producer } : null;
  }

  /** Points of the producers' growing areas, for the catalogue's map. */
  async map(provinceCode: string): Promise<ShowcaseMapPoint[]> {
    const rows = await this.repository.areas(provinceCode);
    const points: ShowcaseMapPoint[] = [];
    for (const row of rows) {
      const point = pointOf(row.location);
      if (point) points.push({ point, kind: 'area', name: row.name, producerId: row.organizationId, producerName: row.producerName });
    }
    return points;
  }

  /** Every showcased page, for the sitemap: the catalogues, producers and products. */
  async sitemap(): Promise<{ provinces: Set<string>; producers: { id: string; provinceCode: string; updatedAt: Date }[]; products: { id: string }[] }> {
    const [producers, products] = await Promise.all([this.repository.producers(null), this.repository.products(null, toLocalDate(new Date()))]);
    return {
      provinces: new Set(producers.map((p) => p.provinceCode)),
      producers: producers.map((p) => ({ id: p.id, provinceCode: p.provinceCode, updatedAt: new Date(p.updatedAt) })),
      products: products.map((p) => ({ id: p.id })),
    };
  }
}
