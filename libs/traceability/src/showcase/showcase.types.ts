import type { GeoPoint } from '../public/public-lot.types.js';
import type { PublicLink } from './public-profile.service.js';

/** An OCOP rating valid on the day the view was built: expired ones are never carried. */
export interface ShowcaseStars {
  level: number;
  number: string;
  validUntil: string;
}

/** A product as the showcase shows it: public fields only. */
export interface ShowcaseProduct {
  id: string;
  organizationId: string;
  nameVi: string;
  nameEn: string | null;
  description: string | null;
  brand: string | null;
  gtin: string | null;
  ocopGroup: number | null;
  photoKey: string | null;
  stars: ShowcaseStars | null;
  producerName: string;
  commune: string | null;
  communeCode: string | null;
  provinceCode: string;
  /** The latest recalled lot of the product, if any (its page shows the recall notice). */
  recall: { lotCode: string; shortCode: string; recalledAt: string | null } | null;
  /** The newest lot that is not voided, to open its traced page. */
  latestLot: { code: string; shortCode: string } | null;
  /** Diacritic-insensitive text the search runs over: names, producer, commune. */
  searchText: string;
}

export interface ShowcaseProducerSummary {
  id: string;
  name: string;
  commune: string | null;
  communeCode: string | null;
  photoKey: string | null;
  welcomesVisitors: boolean;
  products: number;
}

export interface ShowcaseCertification {
  kind: string;
  level: number | null;
  number: string;
  issuer: string;
  validUntil: string | null;
  scopeName: string;
}

/** A producer's page: what it marked public, its products, valid certificates, the communes it works in. */
export interface ShowcaseProducer extends ShowcaseProducerSummary {
  kind: string;
  provinceCode: string;
  province: string | null;
  storyVi: string | null;
  storyEn: string | null;
  publicPhone: string | null;
  publicEmail: string | null;
  website: string | null;
  links: PublicLink[];
  visitInfoVi: string | null;
  visitInfoEn: string | null;
  photoKeys: string[];
  workCommunes: string[];
  catalogue: ShowcaseProduct[];
  certifications: ShowcaseCertification[];
  updatedAt: string;
}

/** One province's catalogue at one moment: every listed producer's products, filtered and paged by the page. */
export interface ShowcaseCatalogue {
  provinceCode: string;
  provinceName: string;
  products: ShowcaseProduct[];
  producers: ShowcaseProducerSummary[];
  communes: { code: string; name: string }[];
  /** The province's offices and every cooperative linked to them: a notification of any of them makes the view stale. */
  organizationIds: string[];
  builtForDate: string;
}

export interface ShowcaseMapPoint {
  point: GeoPoint;
  kind: 'producer' | 'area';
  name: string;
  producerId: string;
  producerName: string;
}
