import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Caller } from '../accounts/caller.js';
import { parseDateTime } from '../common/dates.js';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { parseLotUri } from '../common/lot-uri.js';
import { parseLgtinUrn } from '../exports/epc-identifiers.js';
import { toEpcisQueryDocument, type EpcisEventInput, type EpcisQueryDocument } from '../exports/epcis.js';
import type { FsmaRow } from '../exports/fsma.js';
import type { StoredEvent } from './events.repository.js';
import { EventsRepository } from './events.repository.js';
import { ExportIdentities } from './export-identities.js';
import { ExportsRepository, type ExportLotKey, type ExportFacility, type ExportGrowingArea, type ExportLot, type ExportOrganization, type ExportPartner } from './exports.repository.js';
import { FSMA_EVENT_TYPES, fsmaTraceRows, type FsmaTrace } from './fsma-trace.js';
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

const list = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);

/** 'shipping', 'urn:epcglobal:cbv:bizstep:shipping' and 'https://ref.gs1.org/cbv/BizStep-shipping' are one step. */
function bareBizStep(value: string): string {
  return value.replace(/^urn:epcglobal:cbv:bizstep:/, '').replace(/^https?:\/\/ref\.gs1\.org\/cbv\/BizStep-/, '');
}

const unique = <T>(values: (T | null | undefined)[]): T[] => [...new Set(values.filter((value): value is T => value !== null && value !== undefined))];
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));

/** What the receive event recorded about the shipped lot (see ReceiveOperation). */
interface ReceivedFrom {
  organizationId?: string;
  lotCode?: string;
  lotShortCode?: string;
  gtin?: string | null;
}

/** What mapping a page of events needs, loaded once for the page. */
interface EpcisContext {
  own: ExportOrganization;
  organizations: Map<string, ExportOrganization>;
  lots: Map<string, ExportLot>;
  facilities: Map<string, ExportFacility>;
  areas: Map<string, ExportGrowingArea>;
  partners: Map<string, ExportPartner>;
  identities: ExportIdentities;
}

/**
 * Standard exports: EPCIS 2.0 JSON-LD for partners' systems and FSMA 204 sortable spreadsheets for
 * buyers and auditors, both built from the stored events and lines.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly repository: ExportsRepository,
    private readonly events: EventsRepository,
    private readonly trace: TraceRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl' | 'gs1CompanyPrefixLength'>,
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
    let lots: { ids: string[]; keys: ExportLotKey[] } | undefined;
    if (classes.length) {
      const keys = classes.map((uri) => {
        const key = parseLgtinUrn(uri) ?? parseLotUri(uri);
        if (!key) {
          throw new InvalidFieldException('QUERY_PARAMETER_INVALID', 'MATCH_anyEPCClass', `${uri} is not a lot identifier of this service (urn:epc:class:lgtin:…, …/01/{gtin}/10/{lot} or …/l/{code})`, 'bad_request');
        }
        return key;
      });
      lots = { ids: await this.repository.resolveLots(organizationId, keys), keys };
    }
    const time = (value: string | undefined, field: string) => (value ? parseDateTime(value, field, '+00:00').instant : undefined);
    const eventTypes = list(query.eventType);
    const unknownType = eventTypes.find((type) => !EPCIS_EVENT_TYPES.includes(type));
    if (unknownType) throw new InvalidFieldException('QUERY_PARAMETER_INVALID', 'eventType', `unknown EPCIS event type ${unknownType}`, 'bad_request');
    const bizSteps = list(query.EQ_bizStep).map(bareBizStep);

    const rows = await this.repository.epcisEvents(organizationId, {
      lots,
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

  /** The IRI our `nguon:` extension terms expand under; the API serves their description there. */
  namespace(): string {
    return `${this.config.publicBaseUrl}/ns/epcis#`;
  }

  private identities(): ExportIdentities {
    return new ExportIdentities(this.config.publicBaseUrl, this.config.gs1CompanyPrefixLength, this.namespace());
  }

  private async toEpcisInputs(organizationId: string, rows: StoredEvent[]): Promise<EpcisEventInput[]> {
    // Voids restate the event they void: load those too.
    const subjects = await this.repository.eventsByIds(
      organizationId,
      rows.filter((row) => row.voidsEventId && !rows.some((other) => other.id === row.voidsEventId)).map((row) => row.voidsEventId!),
    );
    const all = await this.events.withLinesAndVoids(organizationId, [...rows, ...subjects]);
    const lotIds = unique(all.flatMap((event) => event.lines.map((line) => line.lotId)));
    const [lots, facilities, areas, partners] = await Promise.all([
      this.repository.lots(organizationId, lotIds),
      this.repository.facilities(organizationId, unique(all.map((event) => event.facilityId))),
      this.repository.growingAreas(organizationId, unique(all.map((event) => (event.type === 'harvest' ? event.growingAreaId : null)))),
      this.repository.partners(organizationId, unique(all.flatMap((event) => [event.sourcePartnerId, event.destinationPartnerId]))),
    ]);
    const senders = all.map((event) => (event.type === 'receive' ? ((event.details as { from?: ReceivedFrom }).from?.organizationId ?? null) : null));
    const organizations = byId(await this.repository.organizations(unique([organizationId, ...senders, ...partners.map((p) => p.linkedOrganizationId)])));
    const context: EpcisContext = {
      own: organizations.get(organizationId)!,
      organizations,
      lots: byId(lots),
      facilities: byId(facilities),
      areas: byId(areas),
      partners: byId(partners),
      identities: this.identities(),
    };
    const events = byId(all);
    return rows.map((row) => {
      const event = events.get(row.id)!;
      if (event.type !== 'void') return this.epcisInput(event, context);
      const voided = events.get(event.voidsEventId!)!;
      return {
        id: event.id,
        type: 'void',
        eventTime: event.eventTime,
        eventTimeZoneOffset: event.eventTimeOffset,
        recordTime: event.recordTime,
        inputs: [],
        outputs: [],
        voidsEventId: voided.id,
        voided: this.epcisInput(voided, context),
        reason: event.reason ?? undefined,
      };
    });
  }

  private epcisInput(event: StoredEvent, context: EpcisContext): EpcisEventInput {
    const { own, identities } = context;
    const lotOf = (lotId: string): ExportLot => {
      const lot = context.lots.get(lotId);
      if (!lot) throw new DomainException('EPCIS_EVENT_INVALID', `event ${event.id}: lot ${lotId} not found`, 'validation');
      return lot;
    };
    const line = (l: StoredEvent['lines'][number]) => ({ epcClass: identities.lot(lotOf(l.lotId), own), quantity: canonicalQuantity(l.quantity), uom: l.unit });
    const outputs = event.lines.filter((l) => l.direction !== 'input').map(line);
    const inputs = event.lines.filter((l) => l.direction === 'input').map(line);
    const facility = event.facilityId ? context.facilities.get(event.facilityId) : undefined;
    const location = facility
      ? identities.facility(facility, own)
      : event.growingAreaId
        ? identities.growingArea(event.growingAreaId)
        : identities.organizationLocation(own);
    const details = event.details as Record<string, any>;
    const from: ReceivedFrom = event.type === 'receive' ? (details.from ?? {}) : {};
    const sender = from.organizationId ? context.organizations.get(from.organizationId) : undefined;
    // Documents of a receipt are the shipment's, issued by the sender.
    const issuer = event.type === 'receive' && sender ? sender : own;
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
      documents: event.documents.length ? event.documents.map((document) => ({ ...document, id: identities.documentId(document, issuer) })) : undefined,
      bizStep: event.bizStep ?? undefined,
      disposition: event.disposition ?? undefined,
      reason: event.reason ?? undefined,
    };
    const partyOf = (partnerId: string | null) => {
      const partner: ExportPartner | undefined = partnerId ? context.partners.get(partnerId) : undefined;
      return partner ? identities.partnerParty(partner, partner.linkedOrganizationId ? context.organizations.get(partner.linkedOrganizationId) : undefined) : undefined;
    };
    if (event.type === 'ship') {
      input.sourceParty = identities.organizationParty(own);
      input.destinationParty = partyOf(event.destinationPartnerId);
    }
    if (event.type === 'receive') {
      if (sender) input.sourceParty = identities.organizationParty(sender);
      input.destinationParty = identities.organizationParty(own);
      // The goods as shipped: the sender's identifier of its lot, so the receipt joins the shipping event.
      const received = event.lines.find((l) => l.direction === 'output');
      if (received && from.lotCode && from.lotShortCode) {
        const shipped = identities.lot({ gtin: from.gtin ?? null, code: from.lotCode, shortCode: from.lotShortCode }, sender);
        input.inputs = [{ epcClass: shipped, quantity: canonicalQuantity(received.quantity), uom: received.unit }];
      }
    }
    const created = event.lines.filter((l) => l.direction === 'output').map((l) => context.lots.get(l.lotId)).filter((lot): lot is ExportLot => !!lot);
    if (event.type === 'harvest' || event.type === 'transform' || event.type === 'split' || event.type === 'receive') {
      const ilmd: Record<string, unknown> = {};
      if (created.length === 1) {
        ilmd['cbvmda:lotNumber'] = created[0].code;
        if (created[0].expiresAt) ilmd['cbvmda:itemExpirationDate'] = created[0].expiresAt;
      }
      if (event.type === 'harvest' && details.growingArea) {
        ilmd.growingAreaCode = details.growingArea.code;
        ilmd.crop = details.growingArea.crop;
        const variety = event.growingAreaId ? context.areas.get(event.growingAreaId)?.variety : null;
        if (variety) ilmd.variety = variety;
      }
      if (event.type === 'transform' && details.process) ilmd.process = details.process;
      if (Object.keys(ilmd).length) input.ilmd = ilmd;
    }
    return input;
  }

  // ---------------------------------------------------------------- FSMA 204

  /**
   * The FSMA 204 sortable spreadsheet of a lot's trace: the critical tracking events of every lot back
   * to the fields and forward to the customers, voided events left out (see fsma-trace.ts). For the
   * organization's own users; a programme office reading through X-Organization-Id gets the partners'
   * phone numbers left out, as everywhere else.
   */
  async fsmaRows(actor: Pick<Caller, 'organizationId' | 'actingFromOrganizationId'>, lotId: string): Promise<FsmaRow[]> {
    const organizationId = actor.organizationId;
    const [back, forward] = await Promise.all([
      this.trace.reachableLotIds(organizationId, lotId, 'back'),
      this.trace.reachableLotIds(organizationId, lotId, 'forward'),
    ]);
    const traced = unique([...back, ...forward].map((row) => row.id));
    if (!(await this.repository.lots(organizationId, [lotId])).length) throw notFound('Lot', lotId);

    const live = (events: StoredEvent[]) => this.events.withLinesAndVoids(organizationId, events).then((loaded) => loaded.filter((event) => !event.voidedBy));
    const events = await live(await this.repository.eventsOfLots(organizationId, traced, FSMA_EVENT_TYPES));
    // Whether a lot is still a raw agricultural commodity depends on how it was made: load the events
    // that made the lots used here, and the ones that made their inputs, back to harvests (cooling and
    // splits are a few steps at most).
    const known = new Map(events.map((event) => [event.id, event]));
    const made = new Map<string, StoredEvent>();
    const record = (list: Iterable<StoredEvent>) => {
      for (const event of list) for (const line of event.lines) if (line.direction === 'output') made.set(line.lotId, event);
    };
    record(known.values());
    let missing = unique(events.flatMap((event) => event.lines.map((line) => line.lotId))).filter((id) => !made.has(id));
    for (let depth = 0; missing.length && depth < 8; depth++) {
      const makers = (await live(await this.repository.eventsMakingLots(organizationId, missing, FSMA_EVENT_TYPES))).filter((event) => !known.has(event.id));
      for (const event of makers) known.set(event.id, event);
      record(makers);
      missing = unique(makers.flatMap((event) => event.lines.filter((line) => line.direction === 'input').map((line) => line.lotId))).filter((id) => !made.has(id));
    }

    const all = [...known.values()];
    const lots = await this.repository.lots(organizationId, unique(all.flatMap((event) => event.lines.map((line) => line.lotId))));
    const receiveShipments = unique(all.map((event) => (event.type === 'receive' ? ((event.details as { shipmentId?: string }).shipmentId ?? null) : null)));
    const [facilities, areas, partners, received] = await Promise.all([
      this.repository.facilities(organizationId, unique([...all.map((e) => e.facilityId), ...lots.map((l) => l.facilityId)])),
      this.repository.growingAreas(organizationId, unique([...all.map((e) => e.growingAreaId), ...lots.map((l) => l.growingAreaId)])),
      this.repository.partners(organizationId, unique([...all.flatMap((e) => [e.sourcePartnerId, e.destinationPartnerId]), ...lots.map((l) => l.householdPartnerId)])),
      this.repository.receivedShipments(organizationId, receiveShipments),
    ]);
    const [own] = await this.repository.organizations([organizationId]);
    const showPartnerPhones = !actor.actingFromOrganizationId;
    const trace: FsmaTrace = {
      events,
      madeBy: made,
      lots: byId(lots),
      tracedLotIds: new Set(traced),
      forwardLotIds: new Set(forward.map((row) => row.id)),
      organization: own as ExportOrganization,
      facilities: byId(facilities),
      areas: byId(areas),
      partners: byId(showPartnerPhones ? partners : partners.map((partner) => ({ ...partner, phone: null }))),
      received: new Map(received.map((shipment) => [shipment.shipmentId, shipment])),
    };
    return fsmaTraceRows(trace);
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
