import type { EpcisEventInput } from '../exports/epcis.js';
import type { EventType } from '../lots/event-rows.js';

/**
 * The public read model of a lot: what a consumer may see (docs/rules.md#public-pages-expose-only-public-data). Built only from columns
 * selected explicitly: never a partner's phone, citizen id, tax code, address or notes, never prices,
 * never an event's documents or free-text notes.
 */
export interface PublicOrganization {
  id: string;
  name: string;
  kind: string;
  address: string | null;
  commune: string | null;
  province: string | null;
  /** GS1 Global Location Number (13 digits), when the organization has one. */
  gln: string | null;
  /** Official codes since 1 July 2025 (absent or null for text that matches no unit): the page writes the address in the current form. */
  provinceCode?: string | null;
  communeCode?: string | null;
  /** The province catalogue of the OCOP showcase the organization appears in (listed and overseen), else null. */
  showcaseProvinceCode?: string | null;
}

export interface PublicProduct {
  id: string;
  organizationId: string;
  nameVi: string;
  nameEn: string | null;
  gtin: string | null;
  brand: string | null;
  description: string | null;
  imageUrl: string | null;
  unit: string;
  netContent: string | null;
  netContentUnit: string | null;
  shelfLifeDays: number | null;
  ocopGroup: number | null;
  standards: string[];
  /** The photo uploaded for the product (served at /ocop/photos/{key}); preferred to imageUrl. */
  photoKey?: string | null;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface PublicGrowingArea {
  id: string;
  code: string;
  name: string;
  crop: string;
  variety: string | null;
  areaHa: string;
  commune: string | null;
  province: string;
  /** Official codes since 1 July 2025 (absent or null for text that matches no unit): the page writes the address in the current form. */
  provinceCode?: string | null;
  communeCode?: string | null;
  standard: string | null;
  /** The GeoJSON point, or the centroid of the polygon's outer ring. */
  point: GeoPoint | null;
}

export interface PublicFacility {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  gln: string | null;
  address: string | null;
  commune: string | null;
  province: string | null;
  /** Official codes since 1 July 2025 (absent or null for text that matches no unit): the page writes the address in the current form. */
  provinceCode?: string | null;
  communeCode?: string | null;
}

/**
 * Where a production stage took place, by the code that traces it (Circular 02/2024/TT-BKHCN: "mã
 * truy vết địa điểm"): the GS1 GLN when the place has one, else the facility's or growing area's own
 * code.
 */
export interface LocationCode {
  scheme: 'gln' | 'facility' | 'growing_area';
  value: string;
}

/** A value-chain partner as the public may see it: name, kind and where (commune, province) only. */
export interface PublicPartner {
  id: string;
  kind: string;
  name: string;
  commune: string | null;
  province: string | null;
}

export interface PublicCertification {
  id: string;
  kind: string;
  level: number | null;
  number: string;
  issuer: string;
  issuedAt: string;
  /** YYYY-MM-DD; for OCOP without a stored expiry, issue date + 36 months. */
  validUntil: string | null;
  scopeType: 'product' | 'growing_area' | 'facility' | 'organization';
  scopeId: string;
  scopeName: string;
}

export interface PublicInputApplication {
  growingAreaId: string;
  growingAreaCode: string;
  appliedAt: string;
  kind: string;
  productName: string;
  activeIngredient: string | null;
  phiDays: number;
  /** Days from the application to the harvest it preceded. */
  daysBeforeHarvest: number;
  phiRespected: boolean;
}

export interface PublicLot {
  id: string;
  organizationId: string;
  code: string;
  shortCode: string;
  displayName: string | null;
  kind: string;
  status: 'active' | 'recalled' | 'voided';
  productId: string;
  quantity: string;
  unit: string;
  producedAt: Date;
  producedAtOffset: string;
  expiresAt: string | null;
  growingAreaId: string | null;
  householdPartnerId: string | null;
  facilityId: string | null;
  recalledAt: Date | null;
  recallReason: string | null;
  /** 0 for the scanned lot, 1 for its parents… */
  depth: number;
}

export type Stage = 'harvest' | 'processing' | 'packing' | 'split' | 'shipping' | 'receiving' | 'inspection' | 'recall';

export interface TimelineStep {
  eventId: string;
  organizationId: string;
  seq: string;
  type: EventType;
  stage: Stage;
  eventTime: Date;
  eventTimeOffset: string;
  /** Who did it (the organization whose journal holds the event). */
  organizationName: string;
  /** Product trace codes: the lots the step produced or handled. */
  lotCodes: string[];
  /** The lots a processing step consumed. */
  inputLotCodes: string[];
  /** The process named by the operator (merge, mill, pack…). */
  process: string | null;
  growingArea: PublicGrowingArea | null;
  facility: PublicFacility | null;
  /** The household of a harvest. */
  household: PublicPartner | null;
  /** Where a shipment went. */
  destination: PublicPartner | null;
  /** The laboratory of an inspection. */
  lab: PublicPartner | null;
  /** conformant / non_conformant for an inspection. */
  result: string | null;
  /** For a recall. */
  reason: string | null;
  /** The location trace code of the step, or null when its place has none. */
  locationCode: LocationCode | null;
}

export interface ChainStatus {
  valid: boolean;
  eventsChecked: number;
  /** Organizations whose journals were verified. */
  organizations: number;
}

/** An origin of the lot: a harvest from a growing area. */
export interface PublicOrigin {
  lotCode: string;
  harvestedAt: Date;
  harvestedAtOffset: string;
  growingArea: PublicGrowingArea | null;
  household: PublicPartner | null;
}

export interface LotPublicView {
  lot: PublicLot;
  product: PublicProduct;
  producer: PublicOrganization;
  /** Lot URI (Digital Link when the product has a GTIN, else the short URL), without serial. */
  uri: string;
  shortUrl: string;
  /** Public JSON resources of the lot (linked from the page and the linkset). */
  recallStatusUrl: string;
  epcisUrl: string;
  origins: PublicOrigin[];
  timeline: TimelineStep[];
  inputs: PublicInputApplication[];
  /** Valid today, OCOP first. */
  certifications: PublicCertification[];
  /** The OCOP rating shown beside the name: of the lot's product, else of the nearest ancestor's. */
  ocop: PublicCertification | null;
  /** Standards applied (Circular 02/2024 item 10): the product's, the growing areas', certified schemes. */
  standards: string[];
  chain: ChainStatus;
  /** Every organization whose journal holds an event shown; their chain heads version the page. */
  organizationIds: string[];
  /** The local date (UTC+07:00) the view was built for: certificate validity depends on it. */
  builtForDate: string;
  /** The shown events as EPCIS input (lines limited to this genealogy), for the public EPCIS document. */
  epcisEvents: EpcisEventInput[];
}

/** A product page (`/01/{gtin}`): the product and its public lots. */
export interface ProductPublicView {
  product: PublicProduct;
  producer: PublicOrganization;
  uri: string;
  ocop: PublicCertification | null;
  certifications: PublicCertification[];
  lots: { code: string; shortCode: string; status: string; producedAt: Date; producedAtOffset: string; expiresAt: string | null; uri: string }[];
}
