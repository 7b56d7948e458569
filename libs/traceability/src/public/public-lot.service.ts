import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { toLocalDate } from '../common/dates.js';
import { lotUri } from '../common/lot-uri.js';
import type { EpcisEventInput } from '../exports/epcis.js';
import { ChainVerifier } from './chain-verifier.js';
import { pointOf } from './geo-point.js';
import { epcisUrlOf, productUri, recallStatusUrlOf } from './links.js';
import { PublicLotRepository, type RawGrowingArea, type RawPublicEvent } from './public-lot.repository.js';
import type {
  LocationCode,
  LotPublicView,
  ProductPublicView,
  PublicCertification,
  PublicFacility,
  PublicGrowingArea,
  PublicInputApplication,
  PublicLot,
  PublicOrganization,
  PublicOrigin,
  Stage,
  TimelineStep,
} from './public-lot.types.js';

/** How many lots a product page lists. */
const PRODUCT_PAGE_LOTS = 50;

const STANDARD_CERTIFICATIONS: Record<string, string> = { vietgap: 'VietGAP', globalgap: 'GlobalG.A.P.', organic: 'Hữu cơ / Organic', haccp: 'HACCP' };

const DAY_MS = 86_400_000;

/**
 * The location trace code of a production stage (Circular 02/2024/TT-BKHCN): a harvest is traced to
 * its growing area's code; a step at a facility to the facility's GLN, else its own code; any other
 * step (shipping, receiving…) to the GLN of the organization that recorded it.
 */
function locationCodeOf(area: PublicGrowingArea | null, facility: PublicFacility | null, organization: PublicOrganization | undefined): LocationCode | null {
  if (area) return { scheme: 'growing_area', value: area.code };
  if (facility?.gln) return { scheme: 'gln', value: facility.gln };
  if (facility?.code) return { scheme: 'facility', value: facility.code };
  return organization?.gln ? { scheme: 'gln', value: organization.gln } : null;
}

function unique<T>(values: (T | null | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];
}

function stageOf(event: RawPublicEvent): Stage {
  switch (event.type) {
    case 'harvest':
      return 'harvest';
    case 'transform':
      return event.bizStep === 'packing' ? 'packing' : 'processing';
    case 'split':
      return 'split';
    case 'ship':
      return 'shipping';
    case 'receive':
      return 'receiving';
    case 'inspect':
      return 'inspection';
    default:
      return 'recall';
  }
}

function growingArea(raw: RawGrowingArea): PublicGrowingArea {
  const { location, ...rest } = raw;
  return { ...rest, point: pointOf(location) };
}

function daysBetween(fromYmd: string, toYmd: string): number {
  return Math.round((Date.parse(`${toYmd}T00:00:00Z`) - Date.parse(`${fromYmd}T00:00:00Z`)) / DAY_MS);
}

/**
 * Builds the public views of lots and products from the read model (public columns only). No
 * caching here: PublicPageService caches what this builds.
 */
@Injectable()
export class PublicLotService {
  constructor(
    private readonly repository: PublicLotRepository,
    private readonly chain: ChainVerifier,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
  ) {}

  get baseUrl(): string {
    return this.config.publicBaseUrl;
  }

  async lotView(lotId: string, now = new Date()): Promise<LotPublicView | null> {
    const today = toLocalDate(now);
    const lots = await this.repository.genealogy(lotId);
    const lot = lots.find((l) => l.depth === 0);
    if (!lot) return null;
    const byId = new Map(lots.map((l) => [l.id, l]));
    const lotIds = [...byId.keys()];
    const harvestLots = lots.filter((l) => l.kind === 'harvest');

    const [events, shipments, products, rawInputs] = await Promise.all([
      this.repository.events(lotIds),
      this.repository.shipments(lotIds),
      this.repository.products(unique(lots.map((l) => l.productId))),
      this.repository.inputApplications(harvestLots.map((l) => l.id)),
    ]);

    // The steps of this lot's own history: what made it and its ancestors, the shipments along the
    // path (and of this lot itself), inspections and recalls. Not what ancestors went on to make.
    const shipmentByEvent = new Map(shipments.map((s) => [s.eventId, s]));
    const shown = events.filter((event) => {
      if (event.type === 'ship') {
        const shipment = shipmentByEvent.get(event.id);
        return !!shipment && (shipment.lotId === lot.id || (!!shipment.receivedLotId && byId.has(shipment.receivedLotId)));
      }
      return event.lines.some((line) => byId.has(line.lotId) && line.direction !== 'input');
    });

    const areaIds = unique([...lots.map((l) => l.growingAreaId), ...shown.map((e) => e.growingAreaId)]);
    const facilityIds = unique([...lots.map((l) => l.facilityId), ...shown.map((e) => e.facilityId)]);
    const partnerIds = unique([
      ...harvestLots.map((l) => l.householdPartnerId),
      ...shown.filter((e) => e.type === 'harvest' || e.type === 'inspect').map((e) => e.sourcePartnerId),
      ...shown.filter((e) => e.type === 'ship').map((e) => e.destinationPartnerId),
    ]);
    const organizationIds = unique([...lots.map((l) => l.organizationId), ...shown.map((e) => e.organizationId)]).sort();
    const productIds = products.map((p) => p.id);

    const maxSeq = new Map<string, bigint>();
    for (const event of events) {
      const seq = BigInt(event.seq);
      if ((maxSeq.get(event.organizationId) ?? 0n) < seq) maxSeq.set(event.organizationId, seq);
    }
    const [areas, facilities, partners, organizations, certifications, chains] = await Promise.all([
      this.repository.growingAreas(areaIds),
      this.repository.facilities(facilityIds),
      this.repository.partners(partnerIds),
      this.repository.organizations(organizationIds),
      this.repository.validCertifications([...productIds, ...areaIds, ...facilityIds, ...organizationIds], today),
      Promise.all([...maxSeq].map(([organizationId, seq]) => this.chain.verifyUpTo(organizationId, String(seq)))),
    ]);

    const areaById = new Map(areas.map((a) => [a.id, growingArea(a)]));
    const facilityById = new Map(facilities.map((f) => [f.id, f]));
    const partnerById = new Map(partners.map((p) => [p.id, p]));
    const orgById = new Map(organizations.map((o) => [o.id, o]));
    const productById = new Map(products.map((p) => [p.id, p]));
    const product = productById.get(lot.productId)!;
    const producer = orgById.get(lot.organizationId)!;

    const codes = (event: RawPublicEvent, directions: string[]) =>
      unique(event.lines.filter((line) => directions.includes(line.direction) && byId.has(line.lotId)).map((line) => byId.get(line.lotId)!.code));
    const timeline: TimelineStep[] = shown.map((event) => {
      const stage = stageOf(event);
      const consumes = event.type === 'transform' || event.type === 'split';
      const area = event.growingAreaId ? (areaById.get(event.growingAreaId) ?? null) : null;
      const facility = event.facilityId ? (facilityById.get(event.facilityId) ?? null) : null;
      return {
        eventId: event.id,
        organizationId: event.organizationId,
        seq: event.seq,
        type: event.type,
        stage,
        eventTime: new Date(event.eventTime),
        eventTimeOffset: event.eventTimeOffset,
        organizationName: orgById.get(event.organizationId)?.name ?? '',
        lotCodes: codes(event, event.type === 'ship' ? ['input', 'observed'] : ['output', 'observed']),
        inputLotCodes: consumes ? codes(event, ['input']) : [],
        process: event.type === 'transform' ? event.process : null,
        growingArea: area,
        facility,
        household: event.type === 'harvest' && event.sourcePartnerId ? (partnerById.get(event.sourcePartnerId) ?? null) : null,
        destination: event.type === 'ship' && event.destinationPartnerId ? (partnerById.get(event.destinationPartnerId) ?? null) : null,
        lab: event.type === 'inspect' && event.sourcePartnerId ? (partnerById.get(event.sourcePartnerId) ?? null) : null,
        result: event.type === 'inspect' ? event.result : null,
        reason: event.type === 'recall' ? event.reason : null,
        locationCode: locationCodeOf(area, facility, orgById.get(event.organizationId)),
      };
    });

    const origins: PublicOrigin[] = harvestLots
      .map((l) => ({
        lotCode: l.code,
        harvestedAt: new Date(l.producedAt),
        harvestedAtOffset: l.producedAtOffset,
        growingArea: l.growingAreaId ? (areaById.get(l.growingAreaId) ?? null) : null,
        household: l.householdPartnerId ? (partnerById.get(l.householdPartnerId) ?? null) : null,
      }))
      .sort((a, b) => a.harvestedAt.getTime() - b.harvestedAt.getTime());

    const inputs = new Map<string, PublicInputApplication>();
    for (const raw of rawInputs) {
      const days = daysBetween(raw.appliedAt, raw.harvestDate);
      const key = `${raw.growingAreaId}|${raw.appliedAt}|${raw.productName}`;
      const existing = inputs.get(key);
      // Several harvests from one area: the closest one is the one the interval matters for.
      if (existing && existing.daysBeforeHarvest <= days) continue;
      inputs.set(key, {
        growingAreaId: raw.growingAreaId,
        growingAreaCode: areaById.get(raw.growingAreaId)?.code ?? '',
        appliedAt: raw.appliedAt,
        kind: raw.kind,
        productName: raw.productName,
        activeIngredient: raw.activeIngredient,
        phiDays: raw.phiDays,
        daysBeforeHarvest: days,
        phiRespected: days >= raw.phiDays,
      });
    }

    const scopeName = (cert: Omit<PublicCertification, 'scopeName'>): string => {
      switch (cert.scopeType) {
        case 'product':
          return productById.get(cert.scopeId)?.nameVi ?? '';
        case 'growing_area':
          return areaById.get(cert.scopeId)?.code ?? '';
        case 'facility':
          return facilityById.get(cert.scopeId)?.name ?? '';
        default:
          return orgById.get(cert.scopeId)?.name ?? '';
      }
    };
    const validCertifications: PublicCertification[] = certifications.map((cert) => ({ ...cert, scopeName: scopeName(cert) }));
    const depthOfProduct = (productId: string) => Math.min(...lots.filter((l) => l.productId === productId).map((l) => l.depth));
    const ocop =
      validCertifications
        .filter((c) => c.kind === 'ocop' && c.scopeType === 'product')
        .sort((a, b) => depthOfProduct(a.scopeId) - depthOfProduct(b.scopeId) || (b.level ?? 0) - (a.level ?? 0))[0] ?? null;

    const standards = unique([
      ...product.standards,
      ...[...areaById.values()].map((a) => a.standard),
      ...validCertifications.map((c) => STANDARD_CERTIFICATIONS[c.kind]),
    ]);

    const chain = {
      valid: chains.every((c) => c.valid),
      eventsChecked: chains.reduce((sum, c) => sum + c.eventsChecked, 0),
      organizations: chains.length,
    };
    const uri = lotUri(this.baseUrl, { gtin: product.gtin, code: lot.code, shortCode: lot.shortCode });
    return {
      lot: { ...lot, producedAt: new Date(lot.producedAt), recalledAt: lot.recalledAt ? new Date(lot.recalledAt) : null },
      product,
      producer,
      uri,
      shortUrl: `${this.baseUrl}/l/${lot.shortCode}`,
      recallStatusUrl: recallStatusUrlOf(this.baseUrl, lot.shortCode),
      epcisUrl: epcisUrlOf(this.baseUrl, lot.shortCode),
      origins,
      timeline,
      inputs: [...inputs.values()].sort((a, b) => a.appliedAt.localeCompare(b.appliedAt)),
      certifications: validCertifications,
      ocop,
      standards,
      chain,
      organizationIds,
      builtForDate: today,
      epcisEvents: shown.map((event) => this.epcisEvent(event, byId, productById)),
    };
  }

  /** The EPCIS form of a shown event, limited to the lots of this genealogy. */
  private epcisEvent(event: RawPublicEvent, lots: Map<string, PublicLot>, products: Map<string, { gtin: string | null }>): EpcisEventInput {
    const line = (l: RawPublicEvent['lines'][number]) => {
      const lot = lots.get(l.lotId)!;
      return { epcClass: lotUri(this.baseUrl, { gtin: products.get(lot.productId)?.gtin, code: lot.code, shortCode: lot.shortCode }), quantity: l.quantity, uom: l.unit };
    };
    const lines = event.lines.filter((l) => lots.has(l.lotId));
    return {
      id: event.id,
      type: event.type,
      eventTime: new Date(event.eventTime),
      eventTimeZoneOffset: event.eventTimeOffset,
      recordTime: new Date(event.recordTime),
      inputs: lines.filter((l) => l.direction === 'input').map(line),
      outputs: lines.filter((l) => l.direction !== 'input').map(line),
      ...(event.bizStep ? { bizStep: event.bizStep } : {}),
      ...(event.type === 'inspect' && event.result ? { disposition: event.result } : {}),
      ...(event.type === 'recall' && event.reason ? { reason: event.reason } : {}),
    };
  }

  async productView(gtin: string, now = new Date()): Promise<ProductPublicView | null> {
    const product = await this.repository.productByGtin(gtin);
    if (!product) return null;
    const today = toLocalDate(now);
    const [organizations, certifications, lots] = await Promise.all([
      this.repository.organizations([product.organizationId]),
      this.repository.validCertifications([product.id, product.organizationId], today),
      this.repository.productLots(product.id, PRODUCT_PAGE_LOTS),
    ]);
    const producer = organizations[0];
    const certs = certifications.map((cert) => ({ ...cert, scopeName: cert.scopeType === 'product' ? product.nameVi : producer.name }));
    return {
      product,
      producer,
      uri: productUri(this.baseUrl, gtin),
      ocop: certs.find((c) => c.kind === 'ocop' && c.scopeType === 'product') ?? null,
      certifications: certs,
      lots: lots.map((l) => ({ ...l, producedAt: new Date(l.producedAt), uri: lotUri(this.baseUrl, { gtin, code: l.code, shortCode: l.shortCode }) })),
    };
  }
}
