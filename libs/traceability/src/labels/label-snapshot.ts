import type { LabelItem, LabelJobView, LabelLanguage } from '@app/labels';
import { toLocalDate } from '../common/dates.js';
import { lotUri } from '../common/lot-uri.js';

/**
 * Everything a label job prints, frozen when the job is created (docs/rules.md#labels-are-frozen-and-unique): a later edit of the
 * product, the cooperative or a certification never changes a render or re-render of this job.
 */
export interface LabelJobSnapshot {
  productId: string;
  productNameVi: string;
  productNameEn: string | null;
  /** 14 digits when the product has a GTIN: the payload is then a GS1 Digital Link. */
  gtin: string | null;
  lotId: string;
  lotCode: string;
  shortCode: string;
  /** Which date `date` is: harvest for fresh produce, pack for processed goods. */
  dateKind: 'harvest' | 'pack';
  /** Local calendar date in Vietnam, YYYY-MM-DD. */
  date: string;
  expiry: string | null;
  growingAreaCode: string | null;
  cooperativeName: string;
  /** Shop-shelf fields; absent from jobs created before they were printed. */
  netContent?: string | null;
  producerAddress?: string | null;
  origin?: string;
  /** Only when a valid OCOP certification covered the product on the day the job was created. */
  ocop: { stars: 3 | 4 | 5; certificationNumber: string; validUntil: string } | null;
  /** The lot URI every payload starts with (docs/domain.md#identifiers). */
  payloadBase: string;
  /** Printed under the QR for people who type: always the short URL, without the scheme. */
  shortUrlText: string;
}

/** What the database holds about the lot when a job is created (read by the repository). */
export interface LabelSource {
  lotId: string;
  lotCode: string;
  shortCode: string;
  lotKind: string;
  producedAt: Date;
  producedAtOffset: string;
  /** YYYY-MM-DD or null. */
  lotExpiresAt: string | null;
  productId: string;
  productNameVi: string;
  productNameEn: string | null;
  gtin: string | null;
  shelfLifeDays: number | null;
  /** The lot's own growing area, else the distinct areas of its ancestors (a processed lot's origin). */
  growingAreaCodes: string[];
  cooperativeName: string;
  /** The organization's address, commune and province, as registered. */
  cooperativeAddress: string | null;
  /** Net content of one piece or pack, e.g. 2 and 'kg'. */
  netContent: string | null;
  netContentUnit: string | null;
  ocop: { level: number; number: string; validUntil: string } | null;
}

/** Every product on Nguồn is made in Vietnam by a Vietnamese cooperative. */
const ORIGIN = 'Việt Nam';

/** More areas than this and the label names none: the public page lists them all. */
const MAX_PRINTED_GROWING_AREAS = 2;

export function buildLabelSnapshot(source: LabelSource, publicBaseUrl: string): LabelJobSnapshot {
  const date = toLocalDate(source.producedAt, source.producedAtOffset);
  const gtin = source.gtin?.trim() || null;
  const areas = [...new Set(source.growingAreaCodes)];
  const stars = source.ocop?.level;
  return {
    productId: source.productId,
    productNameVi: source.productNameVi,
    productNameEn: source.productNameEn,
    gtin,
    lotId: source.lotId,
    lotCode: source.lotCode,
    shortCode: source.shortCode,
    dateKind: source.lotKind === 'processed' || source.lotKind === 'packed' ? 'pack' : 'harvest',
    date,
    expiry: source.lotExpiresAt ?? (source.shelfLifeDays ? addDays(date, source.shelfLifeDays) : null),
    growingAreaCode: areas.length > 0 && areas.length <= MAX_PRINTED_GROWING_AREAS ? areas.join(', ') : null,
    cooperativeName: source.cooperativeName,
    netContent: source.netContent && source.netContentUnit ? `${canonicalNumber(source.netContent)} ${source.netContentUnit}` : null,
    producerAddress: source.cooperativeAddress,
    origin: ORIGIN,
    ocop:
      source.ocop && (stars === 3 || stars === 4 || stars === 5)
        ? { stars, certificationNumber: source.ocop.number, validUntil: source.ocop.validUntil }
        : null,
    payloadBase: lotUri(publicBaseUrl, { gtin, code: source.lotCode, shortCode: source.shortCode }),
    shortUrlText: shortUrlText(publicBaseUrl, source.shortCode),
  };
}

/** `https://truyxuat.example.vn/` + `K7M2Q9XZ` → `truyxuat.example.vn/l/K7M2Q9XZ`. */
export function shortUrlText(publicBaseUrl: string, shortCode: string): string {
  const url = new URL(publicBaseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/l/${shortCode}`;
}

/** "2.000000" (numeric from PostgreSQL) → "2"; the decimal sign stays a dot, as on every GS1 label. */
function canonicalNumber(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function labelJobView(snapshot: LabelJobSnapshot, language: LabelLanguage): LabelJobView {
  return {
    productName: snapshot.productNameVi,
    productNameEn: snapshot.productNameEn ?? undefined,
    lotCode: snapshot.lotCode,
    dateKind: snapshot.dateKind,
    date: snapshot.date,
    expiry: snapshot.expiry ?? undefined,
    growingAreaCode: snapshot.growingAreaCode ?? undefined,
    cooperativeName: snapshot.cooperativeName,
    netContent: snapshot.netContent ?? undefined,
    producerAddress: snapshot.producerAddress ?? undefined,
    origin: snapshot.origin === undefined ? undefined : language === 'en' && snapshot.origin === ORIGIN ? 'Vietnam' : snapshot.origin,
    // Jobs snapshotted before the shelf fields existed render as they always did: no barcode either.
    gtin: snapshot.origin === undefined ? undefined : (snapshot.gtin ?? undefined),
    ocopStars: snapshot.ocop?.stars,
    shortUrlText: snapshot.shortUrlText,
    language,
  };
}

/** docs/domain.md#identifiers: `/21/{serial}` on a Digital Link, `/{serial}` on a short URL. */
export function serialPayload(snapshot: Pick<LabelJobSnapshot, 'gtin' | 'payloadBase'>, serial: string): string {
  return snapshot.gtin ? `${snapshot.payloadBase}/21/${serial}` : `${snapshot.payloadBase}/${serial}`;
}

/** The serial of the index-th label of a job, as printed (serials are bigint in the database). */
export function serialAt(serialFirst: string, index: number): string {
  return (BigInt(serialFirst) + BigInt(index)).toString();
}

/** The labels of a job, generated lazily so a 100,000-label job never sits in memory. */
export function* labelItems(
  snapshot: Pick<LabelJobSnapshot, 'gtin' | 'payloadBase'>,
  job: { count: number; serialized: boolean; serialFirst: string | null },
): Generator<LabelItem> {
  if (!job.serialized) {
    const item = { payload: snapshot.payloadBase };
    for (let index = 0; index < job.count; index++) yield item;
    return;
  }
  if (job.serialFirst === null) throw new Error('a serialized label job has no serial range');
  let serial = BigInt(job.serialFirst);
  for (let index = 0; index < job.count; index++, serial++) {
    const text = serial.toString();
    yield { payload: serialPayload(snapshot, text), serial: text };
  }
}

/** The longest payload of a job: the one carrying its last (largest) serial. */
export function longestPayload(snapshot: Pick<LabelJobSnapshot, 'gtin' | 'payloadBase'>, serialLast: string | null): string {
  return serialLast === null ? snapshot.payloadBase : serialPayload(snapshot, serialLast);
}
