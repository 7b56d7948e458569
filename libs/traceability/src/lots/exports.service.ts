import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Caller } from '../accounts/caller.js';
import { parseDateTime } from '../common/dates.js';
import { DomainException, InvalidFieldException, NotFoundException } from '../common/domain.exception.js';
import { lotUri, parseLotUri } from '../common/lot-uri.js';
import { toEpcisQueryDocument, type EpcisEventInput, type EpcisQueryDocument } from '../exports/epcis.js';
import { fsmaCriticalTrackingEvent, type FsmaRow } from '../exports/fsma.js';
import type { StoredEvent } from './events.repository.js';
import { EventsRepository } from './events.repository.js';
import { ExportsRepository, type ExportLot, type Place } from './exports.repository.js';
import { canonicalQuantity } from './quantity.js';
import { TraceRepository } from './trace.repository.js';

export interface EpcisQuery {
  MATCH_anyEPCClass?: string | string[];
  GE_eventTime?: string;
  LT_eventTime?: string;
  EQ_bizStep?: string | string[];
  eventType?: string | string[];
  perPage?: number;
  nextPageToken?: string;
}

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 1000;
const EPCIS_EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'];

/** Critical tracking events of FSMA 204 among our event types. */
const FSMA_EVENT_TYPES = ['harvest', 'transform', 'split', 'ship', 'receive'];

const list = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);

/** 'shipping', 'urn:epcglobal:cbv:bizstep:shipping' and 'https://ref.gs1.org/cbv/BizStep-shipping' are one step. */
function bareBizStep(value: string): string {
  return value.replace(/^urn:epcglobal:cbv:bizstep:/, '').replace(/^https?:\/\/ref\.gs1\.org\/cbv\/BizStep-/, '');
}

/**
 * Standard exports (DESIGN §5): EPCIS 2.0 JSON-LD for partners' systems and FSMA 204 sortable
 * spreadsheets for buyers and auditors, both built from the stored events and lines.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly repository: ExportsRepository,
    private readonly events: EventsRepository,
    private readonly trace: TraceRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
  ) {}

  // ---------------------------------------------------------------- EPCIS

  /** The EPCIS 2.0 query interface's `GET /events`: an EPCISQueryDocument page and the token of the next one. */
  async epcisEvents(actor: Pick<Caller, 'organizationId'>, query: EpcisQuery): Promise<{ document: EpcisQueryDocument; nextPageToken: string | null }> {
    const organizationId = actor.organizationId;
    const perPage = query.perPage ?? DEFAULT_PER_PAGE;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new InvalidFieldException('QUERY_PARAMETER_INVALID', 'perPage', `must be a whole number from 1 to ${MAX_PER_PAGE}`, 'bad_request');
    }
    const afterSeq = query.nextPageToken ? decodePageToken(query.nextPageToken) : '0';
    const classes = list(query.MATCH_anyEPCClass);
    let lotIds: string[] | undefined;
    if (classes.length) {
      const keys = classes.map((uri) => {
        const key = parseLotUri(uri);
        if (!key) throw new InvalidFieldException('QUERY_PARAMETER_INVALID', 'MATCH_anyEPCClass', `${uri} is not a lot URI of this service (…/01/{gtin}/10/{lot} or …/l/{code})`, 'bad_request');
        return key;
      });
      lotIds = await this.repository.resolveLots(organizationId, keys);
    }
    const time = (value: string | undefined, field: string) => (value ? parseDateTime(value, field, '+00:00').instant : undefined);
    const eventTypes = list(query.eventType);
    const unknownType = eventTypes.find((type) => !EPCIS_EVENT_TYPES.includes(type));
    if (unknownType) throw new InvalidFieldException('QUERY_PARAMETER_INVALID', 'eventType', `unknown EPCIS event type ${unknownType}`, 'bad_request');
    const bizSteps = list(query.EQ_bizStep).map(bareBizStep);

    const rows =
      lotIds && !lotIds.length
        ? []
        : await this.repository.epcisEvents(organizationId, {
            lotIds,
            geEventTime: time(query.GE_eventTime, 'GE_eventTime'),
            ltEventTime: time(query.LT_eventTime, 'LT_eventTime'),
            bizSteps: bizSteps.length ? bizSteps : undefined,
            eventTypes: eventTypes.length ? eventTypes : undefined,
            afterSeq,
            limit: perPage + 1,
          });
    const page = rows.slice(0, perPage);
    const nextPageToken = rows.length > perPage ? encodePageToken(String(page[page.length - 1].seq)) : null;
    const inputs = await this.toEpcisInputs(organizationId, page);
    return {
      document: toEpcisQueryDocument(inputs, { namespace: this.namespace(), queryName: 'SimpleEventQuery' }),
      nextPageToken,
    };
  }

  private namespace(): string {
    return `${this.config.publicBaseUrl}/ns/epcis#`;
  }

  private async toEpcisInputs(organizationId: string, rows: StoredEvent[]): Promise<EpcisEventInput[]> {
    // Voids restate the event they void: load those too.
    const subjects = await this.repository.eventsByIds(
      organizationId,
      rows.filter((row) => row.voidsEventId && !rows.some((other) => other.id === row.voidsEventId)).map((row) => row.voidsEventId!),
    );
    const all = await this.events.withLinesAndVoids(organizationId, [...rows, ...subjects]);
    const lotIds = [...new Set(all.flatMap((event) => event.lines.map((line) => line.lotId)))];
    const lots = new Map((await this.repository.lots(organizationId, lotIds)).map((lot) => [lot.id, lot]));
    const byId = new Map(all.map((event) => [event.id, event]));
    return rows.map((row) => {
      const event = byId.get(row.id)!;
      if (event.type !== 'void') return this.epcisInput(organizationId, event, lots);
      const voided = byId.get(event.voidsEventId!)!;
      return {
        id: event.id,
        type: 'void',
        eventTime: event.eventTime,
        eventTimeZoneOffset: event.eventTimeOffset,
        recordTime: event.recordTime,
        inputs: [],
        outputs: [],
        voidsEventId: voided.id,
        voided: this.epcisInput(organizationId, voided, lots),
        reason: event.reason ?? undefined,
      };
    });
  }

  private epcisInput(organizationId: string, event: StoredEvent, lots: Map<string, ExportLot>): EpcisEventInput {
    const base = this.config.publicBaseUrl;
    const uriOf = (lotId: string) => {
      const lot = lots.get(lotId);
      if (!lot) throw new DomainException('EPCIS_EVENT_INVALID', `event ${event.id}: lot ${lotId} not found`, 'validation');
      return lotUri(base, { gtin: lot.gtin, code: lot.code, shortCode: lot.shortCode });
    };
    const line = (l: StoredEvent['lines'][number]) => ({ epcClass: uriOf(l.lotId), quantity: canonicalQuantity(l.quantity), uom: l.unit });
    const outputs = event.lines.filter((l) => l.direction !== 'input').map(line);
    const inputs = event.lines.filter((l) => l.direction === 'input').map(line);
    const location = event.facilityId ? `${base}/facilities/${event.facilityId}` : event.growingAreaId ? `${base}/growing-areas/${event.growingAreaId}` : undefined;
    const details = event.details as Record<string, any>;
    const input: EpcisEventInput = {
      id: event.id,
      type: event.type,
      eventTime: event.eventTime,
      eventTimeZoneOffset: event.eventTimeOffset,
      recordTime: event.recordTime,
      inputs,
      outputs,
      bizLocation: location,
      readPoint: location,
      documents: event.documents.length ? event.documents : undefined,
      bizStep: event.bizStep ?? undefined,
      disposition: event.disposition ?? undefined,
      reason: event.reason ?? undefined,
    };
    const own = `${base}/organizations/${organizationId}`;
    if (event.type === 'ship') {
      input.sourceParty = own;
      input.destinationParty = `${base}/partners/${event.destinationPartnerId}`;
    }
    if (event.type === 'receive' && details.from?.organizationId) {
      input.sourceParty = `${base}/organizations/${details.from.organizationId}`;
      input.destinationParty = own;
    }
    const created = event.lines.filter((l) => l.direction === 'output').map((l) => lots.get(l.lotId)).filter((lot): lot is ExportLot => !!lot);
    if (event.type === 'harvest' || event.type === 'transform' || event.type === 'split') {
      const ilmd: Record<string, unknown> = {};
      if (created.length === 1) {
        ilmd['cbvmda:lotNumber'] = created[0].code;
        if (created[0].expiresAt) ilmd['cbvmda:itemExpirationDate'] = created[0].expiresAt;
      }
      if (event.type === 'harvest' && details.growingArea) {
        ilmd.growingAreaCode = details.growingArea.code;
        ilmd.crop = details.growingArea.crop;
      }
      if (event.type === 'transform' && details.process) ilmd.process = details.process;
      if (Object.keys(ilmd).length) input.ilmd = ilmd;
    }
    return input;
  }

  // ---------------------------------------------------------------- FSMA 204

  /**
   * The FSMA 204 sortable spreadsheet of a lot's trace: one row per critical tracking event (harvest,
   * transformation, shipping, receiving) of every lot back to the fields and forward to the
   * customers, voided events left out. Transformations have one row per lot they created, whose
   * previous source names the lots used.
   */
  async fsmaRows(actor: Pick<Caller, 'organizationId'>, lotId: string): Promise<FsmaRow[]> {
    const organizationId = actor.organizationId;
    const [back, forward] = await Promise.all([
      this.trace.reachableLotIds(organizationId, lotId, 'back'),
      this.trace.reachableLotIds(organizationId, lotId, 'forward'),
    ]);
    const traced = [...new Set([...back, ...forward].map((row) => row.id))];
    const lotsTraced = await this.repository.lots(organizationId, traced);
    if (!lotsTraced.some((lot) => lot.id === lotId)) throw new NotFoundException('Lot', lotId);

    const events = (await this.events.withLinesAndVoids(organizationId, await this.repository.eventsOfLots(organizationId, traced, FSMA_EVENT_TYPES))).filter(
      (event) => !event.voidedBy,
    );
    const lotIds = [...new Set(events.flatMap((event) => event.lines.map((line) => line.lotId)))];
    const lots = new Map((await this.repository.lots(organizationId, lotIds)).map((lot) => [lot.id, lot]));
    const places = await this.repository.places(organizationId, {
      areas: [...new Set([...events.map((e) => e.growingAreaId), ...[...lots.values()].map((l) => l.growingAreaId)].filter((id): id is string => !!id))],
      facilities: [...new Set([...events.map((e) => e.facilityId), ...[...lots.values()].map((l) => l.facilityId)].filter((id): id is string => !!id))],
      partners: [...new Set(events.flatMap((e) => [e.sourcePartnerId, e.destinationPartnerId]).filter((id): id is string => !!id))],
    });
    const describe = (place: Place | undefined, kind?: string) =>
      place ? [place.code ? `${place.name} (${kind ? `${kind} ` : ''}${place.code})` : place.name, place.address, place.commune, place.province].filter(Boolean).join(', ') : '';
    const organization = describe(places.organization);
    const where = (event: StoredEvent) =>
      event.facilityId ? describe(places.facilities.get(event.facilityId)) : event.growingAreaId ? describe(places.areas.get(event.growingAreaId), 'mã vùng trồng') : organization;
    const tlcSource = (lot: ExportLot) =>
      lot.facilityId ? describe(places.facilities.get(lot.facilityId)) : lot.growingAreaId ? describe(places.areas.get(lot.growingAreaId), 'mã vùng trồng') : organization;
    const product = (lot: ExportLot) => (lot.productNameEn ? `${lot.productNameVi} (${lot.productNameEn})` : lot.productNameVi);
    const documents = (event: StoredEvent) => ({
      referenceDocumentType: event.documents.map((d) => d.type).join('; ') || undefined,
      referenceDocumentNumber: event.documents.map((d) => d.number).join('; ') || undefined,
    });

    const tracedSet = new Set(traced);
    // Shipments of the lot and its descendants; an ancestor's shipments to other customers are not this lot's trace.
    const forwardSet = new Set(forward.map((row) => row.id));
    const rows: FsmaRow[] = [];
    for (const event of events) {
      const cte = fsmaCriticalTrackingEvent(event.type)!;
      const common = { criticalTrackingEvent: cte, eventDate: event.eventTime, eventTimeZoneOffset: event.eventTimeOffset, locationDescription: where(event), ...documents(event) };
      const details = event.details as Record<string, any>;
      const rowFor = (lineLot: ExportLot, quantity: string, unit: string, extra: Partial<FsmaRow>) =>
        rows.push({
          traceabilityLotCode: lineLot.code,
          traceabilityLotCodeSource: tlcSource(lineLot),
          productDescription: product(lineLot),
          quantity: canonicalQuantity(quantity),
          unitOfMeasure: unit,
          ...common,
          ...extra,
        });
      if (event.type === 'harvest' || event.type === 'receive') {
        for (const line of event.lines.filter((l) => l.direction === 'output')) {
          const previous =
            event.type === 'harvest'
              ? event.sourcePartnerId
                ? describe(places.partners.get(event.sourcePartnerId))
                : undefined
              : [details.from?.organizationName, details.from?.lotCode ? `lot ${details.from.lotCode}` : null].filter(Boolean).join(', ');
          rowFor(lots.get(line.lotId)!, line.quantity, line.unit, { previousSourceLocation: previous || undefined });
        }
      } else if (event.type === 'ship') {
        for (const line of event.lines.filter((l) => l.direction === 'input' && forwardSet.has(l.lotId))) {
          rowFor(lots.get(line.lotId)!, line.quantity, line.unit, {
            nextRecipientLocation: event.destinationPartnerId ? describe(places.partners.get(event.destinationPartnerId)) : undefined,
          });
        }
      } else {
        const used = event.lines
          .filter((l) => l.direction === 'input')
          .map((l) => `${lots.get(l.lotId)?.code} ${canonicalQuantity(l.quantity)} ${l.unit}`)
          .join('; ');
        for (const line of event.lines.filter((l) => l.direction === 'output' && tracedSet.has(l.lotId))) {
          rowFor(lots.get(line.lotId)!, line.quantity, line.unit, { previousSourceLocation: used ? `${where(event)}; inputs: ${used}` : undefined });
        }
      }
    }
    return rows;
  }
}

function encodePageToken(seq: string): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

function decodePageToken(token: string): string {
  const match = /^seq:(\d{1,18})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw new InvalidFieldException('QUERY_PARAMETER_INVALID', 'nextPageToken', 'not a page token this service returned', 'bad_request');
  return match[1];
}
