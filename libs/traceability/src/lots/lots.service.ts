import { timeOrderedUuid } from '../common/time-ordered-id.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Caller } from '../accounts/caller.js';
import { parseDateTime, toLocalDate, type DateTimeWithOffset } from '../common/dates.js';
import { DomainException, InvalidFieldException, NotFoundException } from '../common/domain.exception.js';
import { generateLotCode, normalizeLotCode } from '../common/gs1.js';
import { generateShortCode } from '../common/short-code.js';
import { searchKey } from '../common/text.js';
import { addQuantities, parseQuantity, parseUnit, type Unit } from '../common/units.js';
import { CLOCK, type Clock } from './clock.js';
import { allowCommitWithLastStatement, pgError, type CommitWithLastStatement, type Db } from './db.js';
import type { EventDocument } from './event.entity.js';
import type { EventHashLine } from './event-hash.js';
import { EventsRepository, type AppendedEvent, type AppendOptions, type EventDraft, type EventEffects, type LotChange, type NewLink, type NewLot } from './events.repository.js';
import { GrowingAreasService, type HarvestRules } from '../registry/growing-areas/growing-areas.service.js';
import { addDays, checkSeasonYield, FALLBACK_MAX_YIELD_T_PER_HA, inTonnes, seasonOf, worstPhiBlocker } from './harvest-rules.js';
import { LotRegistryRepository, type ProductRecord } from './lot-registry.repository.js';
import { toEventResponse, toLotResponse, toShipmentResponse, type EventResponse, type LotResponse, type ShipmentResponse } from './lot-views.js';
import type { LotKind } from './lot.entity.js';
import { LotsRepository, type LockedLot, type LotView, type ShipmentView } from './lots.repository.js';
import { canonicalQuantity, fitsInLot, inLotUnit, storedQuantity, availability } from './quantity.js';

/** Who records an operation. */
export type Actor = Pick<Caller, 'organizationId' | 'userId' | 'apiKeyId'>;

export interface HarvestInput {
  growingAreaId: string;
  productId: string;
  quantity: unknown;
  unit: unknown;
  harvestedAt: string;
  lotCode?: string;
  partnerId?: string;
  displayName?: string;
  acknowledgeYieldWarning?: boolean;
  yieldWarningReason?: string;
  documents?: EventDocument[];
}

export interface TransformInput {
  inputs: { lotId: string; quantity: unknown; unit: unknown }[];
  outputs: { productId: string; quantity: unknown; unit: unknown; lotCode?: string; kind?: 'processed' | 'packed'; displayName?: string }[];
  facilityId?: string;
  occurredAt: string;
  process: string;
  documents?: EventDocument[];
}

export interface SplitInput {
  parts: { quantity: unknown; unit: unknown; lotCode?: string }[];
  occurredAt?: string;
}

export interface ShipInput {
  partnerId: string;
  quantity: unknown;
  unit: unknown;
  shippedAt: string;
  documents?: EventDocument[];
}

export interface ReceiveInput {
  productId?: string;
  lotCode?: string;
  receivedAt?: string;
  facilityId?: string;
}

export interface InspectInput {
  result: 'conformant' | 'non_conformant';
  inspectedAt: string;
  partnerId?: string;
  documents: EventDocument[];
  notes?: string;
  parameters?: { name: string; value: string; unit?: string }[];
}

/** An event as an operation describes it; append() adds who, when recorded, and its chain position. */
interface AppendInput {
  id?: string;
  type: EventDraft['type'];
  epcisEventType: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  time: DateTimeWithOffset;
  growingAreaId?: string | null;
  facilityId?: string | null;
  sourcePartnerId?: string | null;
  destinationPartnerId?: string | null;
  documents?: EventDocument[];
  details?: Record<string, unknown>;
  voidsEventId?: string | null;
  reason?: string | null;
}

/** Phones' clocks drift; a time this far ahead of ours still counts as "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Up to this many tries of an operation (deadlocks, a random short code or a generated lot code already taken). */
const MAX_ATTEMPTS = 5;

/**
 * The operations that change lots (DESIGN §6): harvest, transform (processing, merge, packing),
 * split, ship, receive, inspect and void. Each runs in one transaction: the lots it consumes are
 * locked in id order and checked for mass balance (rule 4) under the lock, then one event is
 * appended to the organization's hash chain together with its effects (rules 1, 2).
 */
@Injectable()
export class LotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lots: LotsRepository,
    private readonly events: EventsRepository,
    private readonly registry: LotRegistryRepository,
    private readonly growingAreas: GrowingAreasService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // ---------------------------------------------------------------- harvest

  async harvest(actor: Actor, input: HarvestInput, db?: EntityManager): Promise<LotResponse> {
    const quantity = parseQuantity(input.quantity, 'quantity');
    const unit = parseUnit(input.unit, 'unit');
    const harvested = this.pastDateTime(input.harvestedAt, 'harvestedAt', 'HARVEST_DATE_IN_FUTURE');
    const lotCode = input.lotCode === undefined ? undefined : normalizeLotCode(input.lotCode, 'lotCode');
    const organizationId = actor.organizationId;

    const lotId = await this.transaction(db, async (tx) => {
      // The area is locked (FOR UPDATE) until commit: concurrent harvests from it take turns, so they
      // cannot both pass the season-yield check, and its status cannot change under us.
      const rules = await this.growingAreas.harvestRules(organizationId, input.growingAreaId, { manager: tx, lock: 'update' }).catch((error) => {
        if (error instanceof DomainException && error.code === 'GROWING_AREA_NOT_FOUND') {
          throw notFound('GROWING_AREA_NOT_FOUND', 'growingAreaId', 'growing area', input.growingAreaId);
        }
        throw error;
      });
      const area = rules.area;
      const product = await this.registry.findProduct(organizationId, input.productId, tx);
      if (!product) throw notFound('PRODUCT_NOT_FOUND', 'productId', 'product', input.productId);
      if (input.partnerId) await this.checkHousehold(organizationId, input.partnerId, area.ownerPartnerIds, tx);

      // A date without a time means "that day": an area activated during the day (a clerk registering
      // it in the morning) accepts that day's harvest. Judge it at the end of the day, or now if today.
      const dateOnly = /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(String(input.harvestedAt));
      const statusInstant = dateOnly
        ? new Date(Math.min(harvested.instant.getTime() + 86_400_000 - 1, this.clock.now().getTime()))
        : harvested.instant;
      const status = rules.statusAt(statusInstant);
      const localDate = toLocalDate(harvested.instant, harvested.offset);
      if (status !== 'active') {
        throw new DomainException(
          'GROWING_AREA_NOT_ACTIVE',
          `growingAreaId: growing area ${area.code} was ${status ?? 'not yet registered'} on ${localDate}; harvests are accepted only from an active area` +
            (rules.activeSince ? ` (it is active since ${rules.activeSince.toISOString()})` : ''),
          'validation',
          { field: 'growingAreaId', growingAreaId: area.id, status, date: localDate, activeSince: rules.activeSince?.toISOString() ?? null },
        );
      }

      const phi = worstPhiBlocker(rules.phiBlockers(localDate));
      if (phi) {
        throw new DomainException(
          'HARVEST_INSIDE_PHI',
          `harvestedAt: ${phi.productName} was applied on ${phi.appliedAt} with a pre-harvest interval of ${phi.phiDays} days; harvest from ${phi.earliestHarvestDate}`,
          'validation',
          { field: 'harvestedAt', ...phi },
        );
      }

      const yieldOutcome = await this.checkYield(organizationId, area, product, quantity, unit, harvested.instant, input, tx);

      const code = lotCode ?? (await this.generateCodes(organizationId, product, harvested, 1, tx))[0];
      if (lotCode) await this.assertCodesFree(organizationId, [{ code: lotCode, field: 'lotCode' }], tx);
      const lot: NewLot = {
        ...this.newLotBase(product, harvested),
        code,
        displayName: input.displayName?.trim() || null,
        kind: 'harvest',
        quantity,
        unit,
        growingAreaId: area.id,
        householdPartnerId: input.partnerId ?? null,
      };
      const details: Record<string, unknown> = {
        lots: [lotMasterData(lot)],
        growingArea: { code: area.code, name: area.name, crop: area.crop },
        yieldCheck: yieldOutcome.check,
      };
      if (yieldOutcome.override) details.yieldOverride = yieldOutcome.override;
      await this.append(
        actor,
        {
          type: 'harvest',
          epcisEventType: 'ObjectEvent',
          action: 'ADD',
          bizStep: 'commissioning',
          disposition: 'active',
          time: harvested,
          growingAreaId: area.id,
          sourcePartnerId: input.partnerId ?? null,
          documents: input.documents ?? [],
          details,
        },
        [{ lotId: lot.id, direction: 'output', quantity, unit, quantityInLotUnit: quantity }],
        { lots: [lot] },
        tx,
        { last: true },
      );
      return lot.id;
    }, { commitWithAppend: true });
    return this.lotResponse(organizationId, lotId, db);
  }

  private async checkHousehold(organizationId: string, partnerId: string, owners: string[], tx: Db): Promise<void> {
    const partner = await this.registry.findPartner(organizationId, partnerId, tx);
    if (!partner) throw notFound('PARTNER_NOT_FOUND', 'partnerId', 'partner', partnerId);
    if (partner.kind !== 'member_household') {
      throw new InvalidFieldException('PARTNER_NOT_HOUSEHOLD', 'partnerId', `a harvest is by a member household; ${partner.name} is a ${partner.kind}`);
    }
    if (owners.length && !owners.includes(partnerId)) {
      throw new InvalidFieldException('PARTNER_NOT_AREA_OWNER', 'partnerId', `${partner.name} is not among the households of this growing area`);
    }
  }

  /**
   * The season-yield rule: the calendar year's harvests from the area, this one included, must not
   * exceed area × max yield unless the request acknowledges it with a reason; then the override is
   * recorded on the event (and listed in the yield-overrides report). Runs with the area locked.
   */
  private async checkYield(
    organizationId: string,
    area: HarvestRules['area'],
    product: ProductRecord,
    quantity: string,
    unit: Unit,
    harvestedAt: Date,
    input: HarvestInput,
    tx: Db,
  ): Promise<{ check: Record<string, unknown>; override?: Record<string, unknown> }> {
    const thisHarvestT = inTonnes(quantity, unit, product);
    if (thisHarvestT === null) return { check: { skipped: `a quantity in ${unit} cannot be weighed` } };
    const season = seasonOf(harvestedAt);
    const earlier = await this.lots.seasonHarvests(organizationId, area.id, season.from, season.to, tx);
    const earlierT = earlier.map((lot) => inTonnes(lot.quantity, lot.unit, lot)).filter((t): t is string => t !== null);
    const maxYield = area.maxYieldTPerHa ?? FALLBACK_MAX_YIELD_T_PER_HA;
    const check = checkSeasonYield(area.areaHa, maxYield, area.seasonsPerYear, earlierT, thisHarvestT, season.season);
    const { exceeded, ...figures } = check;
    const source = area.maxYieldTPerHa ? area.maxYieldSource : 'fallback';
    if (!exceeded) return { check: { ...figures, maxYieldSource: source, exceeded } };
    if (input.acknowledgeYieldWarning !== true) {
      throw new DomainException(
        'HARVEST_YIELD_IMPLAUSIBLE',
        `quantity: the ${check.season} total from this growing area would be ${check.seasonTotalT} t, above ${check.areaHa} ha × ${check.maxYieldTPerHa} t/ha × ${check.seasonsPerYear} season(s) = ${check.limitT} t; send acknowledgeYieldWarning with a yieldWarningReason if it is right`,
        'validation',
        { field: 'quantity', growingAreaId: area.id, ...figures },
      );
    }
    const reason = input.yieldWarningReason?.trim();
    if (!reason) {
      throw new InvalidFieldException('YIELD_WARNING_REASON_REQUIRED', 'yieldWarningReason', 'a reason is required to acknowledge a yield above the plausible maximum');
    }
    return { check: { ...figures, maxYieldSource: source, exceeded }, override: { ...figures, reason } };
  }

  // ---------------------------------------------------------------- transform

  async transform(actor: Actor, input: TransformInput, db?: EntityManager): Promise<{ event: EventResponse; outputs: LotResponse[] }> {
    const organizationId = actor.organizationId;
    const occurred = this.pastDateTime(input.occurredAt, 'occurredAt', 'EVENT_DATE_IN_FUTURE');
    const inputs = input.inputs.map((line, i) => ({
      lotId: line.lotId,
      quantity: parseQuantity(line.quantity, `inputs[${i}].quantity`),
      unit: parseUnit(line.unit, `inputs[${i}].unit`),
      field: `inputs[${i}]`,
    }));
    assertDistinct(inputs.map((line) => line.lotId), (i) => `inputs[${i}].lotId`, 'INPUT_LOT_DUPLICATE', 'the same lot is listed twice; give its total quantity once');
    const outputs = input.outputs.map((line, i) => ({
      productId: line.productId,
      quantity: parseQuantity(line.quantity, `outputs[${i}].quantity`),
      unit: parseUnit(line.unit, `outputs[${i}].unit`),
      lotCode: line.lotCode === undefined ? undefined : normalizeLotCode(line.lotCode, `outputs[${i}].lotCode`),
      kind: line.kind,
      displayName: line.displayName?.trim() || null,
      field: `outputs[${i}]`,
    }));
    assertDistinct(outputs.map((o) => o.lotCode ?? `\u0000${Math.random()}`), (i) => `outputs[${i}].lotCode`, 'LOT_CODE_DUPLICATE', 'two outputs cannot have the same lot code');
    const process = input.process.trim();

    return this.atomically(db, async (q, attempt) => {
      const context = await this.lots.findTransformContext(organizationId, inputs.map((line) => line.lotId), outputs.map((o) => o.productId), input.facilityId ?? null, q);
      const products = new Map(context.products.map((product) => [product.id, product]));
      outputs.forEach((o) => {
        if (!products.has(o.productId)) throw notFound('PRODUCT_NOT_FOUND', `${o.field}.productId`, 'product', o.productId);
      });
      if (input.facilityId && !context.facility) throw notFound('FACILITY_NOT_FOUND', 'facilityId', 'facility', input.facilityId);
      const used = this.checkInputs(inputs, new Map(context.lots.map((lot) => [lot.id, lot])), occurred);
      for (const o of outputs) {
        const same = o.lotCode && used.find((u) => u.lot.code === o.lotCode);
        if (same) {
          throw new DomainException('LOT_CYCLE', `${o.field}.lotCode: lot ${o.lotCode} is an input of this transformation; a lot cannot be made from itself`, 'validation', {
            field: `${o.field}.lotCode`,
            lotId: same.lot.id,
          });
        }
      }
      await this.assertCodesFree(organizationId, outputs.filter((o) => o.lotCode).map((o) => ({ code: o.lotCode!, field: `${o.field}.lotCode` })), q);

      // Single-origin outputs keep the origin on the lot (and so on its label); commingled ones do not.
      const areas = new Set(used.map((u) => u.lot.growingAreaId));
      const households = new Set(used.map((u) => u.lot.householdPartnerId));
      const origin = used[0].lot;
      const newLots: NewLot[] = [];
      for (const o of outputs) {
        const product = products.get(o.productId)!;
        newLots.push({
          ...this.newLotBase(product, occurred),
          code: o.lotCode ?? (await this.generateCodes(organizationId, product, occurred, 1, q, attempt > 1))[0],
          displayName: o.displayName,
          kind: o.kind ?? outputKind(process, o.unit),
          quantity: o.quantity,
          unit: o.unit,
          growingAreaId: areas.size === 1 ? origin.growingAreaId : null,
          householdPartnerId: households.size === 1 ? origin.householdPartnerId : null,
          facilityId: input.facilityId ?? null,
        });
      }
      const lines: EventHashLine[] = [
        ...used.map(({ request, lot, amount }) => ({ lotId: lot.id, direction: 'input' as const, quantity: request.quantity, unit: request.unit, quantityInLotUnit: amount })),
        ...newLots.map((lot) => ({ lotId: lot.id, direction: 'output' as const, quantity: lot.quantity, unit: lot.unit, quantityInLotUnit: lot.quantity })),
      ];
      const links: NewLink[] = used.flatMap(({ lot, amount }) => newLots.map((child) => ({ parentLotId: lot.id, childLotId: child.id, quantity: amount, unit: lot.unit })));
      const event = await this.appendGuarded(
        actor,
        {
          type: 'transform',
          epcisEventType: 'TransformationEvent',
          action: null,
          bizStep: newLots.every((lot) => lot.kind === 'packed') ? 'packing' : 'commissioning',
          disposition: 'active',
          time: occurred,
          facilityId: input.facilityId ?? null,
          documents: input.documents ?? [],
          details: { process, lots: newLots.map(lotMasterData) },
        },
        lines,
        { lots: newLots, lotChanges: used.map(({ lot, amount }) => ({ lotId: lot.id, consumedDelta: amount })), links },
        q,
        used.map((u) => ({ lotId: u.lot.id, amount: u.amount, field: u.request.field })),
      );
      const extras = {
        area: areas.size === 1 && origin.growingAreaId ? { code: origin.growingAreaCode, name: origin.growingAreaName } : null,
        householdName: households.size === 1 ? origin.householdName : null,
        facilityName: context.facility?.name ?? null,
      };
      return {
        event: toEventResponse(event, codeMap(used.map((u) => u.lot), newLots)),
        outputs: newLots.map((lot) => toLotResponse(viewOfNewLot(organizationId, lot, products.get(lot.productId)!, event, extras), this.config.publicBaseUrl)),
      };
    });
  }

  // ---------------------------------------------------------------- split

  async split(actor: Actor, lotId: string, input: SplitInput, db?: EntityManager): Promise<{ event: EventResponse; outputs: LotResponse[] }> {
    const organizationId = actor.organizationId;
    const occurred = input.occurredAt ? this.pastDateTime(input.occurredAt, 'occurredAt', 'EVENT_DATE_IN_FUTURE') : this.nowWithOffset();
    const parts = input.parts.map((part, i) => ({
      quantity: parseQuantity(part.quantity, `parts[${i}].quantity`),
      unit: parseUnit(part.unit, `parts[${i}].unit`),
      lotCode: part.lotCode === undefined ? undefined : normalizeLotCode(part.lotCode, `parts[${i}].lotCode`),
      field: `parts[${i}]`,
    }));
    assertDistinct(parts.map((p) => p.lotCode ?? `\u0000${Math.random()}`), (i) => `parts[${i}].lotCode`, 'LOT_CODE_DUPLICATE', 'two parts cannot have the same lot code');

    return this.atomically(db, async (q, attempt) => {
      const [lot] = await this.lots.findLotsForEvent(organizationId, [lotId], q);
      if (!lot) throw new NotFoundException('Lot', lotId);
      assertConsumable(lot, 'id');
      if (occurred.instant < lot.producedAt) throw eventBeforeInput('occurredAt', lot);
      const amounts = parts.map((part) => this.amountInLot(lot, part.quantity, part.unit, part.field));
      const total = storedQuantity(addQuantities(...amounts));
      if (!fitsInLot(lot.quantity, lot.consumed, total)) throw overconsumed(lot, total, 'parts');
      for (const part of parts) {
        if (part.lotCode === lot.code) {
          throw new DomainException('LOT_CYCLE', `${part.field}.lotCode: a part cannot keep the code of the lot it is split from`, 'validation', {
            field: `${part.field}.lotCode`,
            lotId: lot.id,
          });
        }
      }
      await this.assertCodesFree(organizationId, parts.filter((p) => p.lotCode).map((p) => ({ code: p.lotCode!, field: `${p.field}.lotCode` })), q);
      const product = productOfLot(lot);
      const newLots: NewLot[] = [];
      for (const part of parts) {
        newLots.push({
          ...this.newLotBase(product, { instant: lot.producedAt, offset: lot.producedAtOffset }),
          code: part.lotCode ?? (await this.generateCodes(organizationId, product, occurred, 1, q, attempt > 1))[0],
          displayName: null,
          kind: 'split',
          quantity: part.quantity,
          unit: part.unit,
          growingAreaId: lot.growingAreaId,
          householdPartnerId: lot.householdPartnerId,
          facilityId: lot.facilityId,
          expiresAt: lot.expiresAt,
        });
      }
      const lines: EventHashLine[] = [
        ...parts.map((part, i) => ({ lotId: lot.id, direction: 'input' as const, quantity: part.quantity, unit: part.unit, quantityInLotUnit: amounts[i] })),
        ...newLots.map((child) => ({ lotId: child.id, direction: 'output' as const, quantity: child.quantity, unit: child.unit, quantityInLotUnit: child.quantity })),
      ];
      const event = await this.appendGuarded(
        actor,
        {
          type: 'split',
          epcisEventType: 'TransformationEvent',
          action: null,
          bizStep: 'repackaging',
          disposition: 'active',
          time: occurred,
          facilityId: lot.facilityId,
          details: { lots: newLots.map(lotMasterData) },
        },
        lines,
        {
          lots: newLots,
          lotChanges: [{ lotId: lot.id, consumedDelta: total }],
          links: newLots.map((child, i) => ({ parentLotId: lot.id, childLotId: child.id, quantity: amounts[i], unit: lot.unit })),
        },
        q,
        [{ lotId: lot.id, amount: total, field: 'parts' }],
      );
      const extras = {
        area: lot.growingAreaId ? { code: lot.growingAreaCode, name: lot.growingAreaName } : null,
        householdName: lot.householdName,
        facilityName: lot.facilityName,
      };
      return {
        event: toEventResponse(event, codeMap([lot], newLots)),
        outputs: newLots.map((child) => toLotResponse(viewOfNewLot(organizationId, child, product, event, extras), this.config.publicBaseUrl)),
      };
    });
  }

  // ---------------------------------------------------------------- ship and receive

  async ship(actor: Actor, lotId: string, input: ShipInput, db?: EntityManager): Promise<{ event: EventResponse; shipment: ShipmentResponse }> {
    const organizationId = actor.organizationId;
    const quantity = parseQuantity(input.quantity, 'quantity');
    const unit = parseUnit(input.unit, 'unit');
    const shipped = this.pastDateTime(input.shippedAt, 'shippedAt', 'EVENT_DATE_IN_FUTURE');
    const documents = (input.documents ?? []).map((document) => ({ type: document.type.trim(), number: document.number.trim() }));

    return this.atomically(db, async (q) => {
      const { lot, partner, organizationName } = await this.lots.findShipContext(organizationId, lotId, input.partnerId, q);
      if (!lot) throw new NotFoundException('Lot', lotId);
      if (!partner) throw notFound('PARTNER_NOT_FOUND', 'partnerId', 'partner', input.partnerId);
      assertConsumable(lot, 'id');
      if (shipped.instant < lot.producedAt) throw eventBeforeInput('shippedAt', lot);
      const amount = this.amountInLot(lot, quantity, unit, '');
      if (!fitsInLot(lot.quantity, lot.consumed, amount)) throw overconsumed(lot, amount, 'quantity');

      const receiverOrganizationId = partner.linkedOrganizationId && partner.linkedOrganizationId !== organizationId ? partner.linkedOrganizationId : null;
      // Nobody pushes shipments into another organization's incoming list: it must have accepted ours.
      if (receiverOrganizationId && !partner.tradeLinkActive) {
        throw new DomainException('PARTNER_LINK_NOT_CONFIRMED', 'partnerId: the organization this partner names has not accepted your shipments yet (trade link pending)', 'forbidden', {
          field: 'partnerId',
          linkedOrganizationId: receiverOrganizationId,
        });
      }
      const shipment = { id: timeOrderedUuid(), lotId: lot.id, partnerId: partner.id, receiverOrganizationId, quantity, unit, shippedAt: shipped.instant, documents };
      const event = await this.appendGuarded(
        actor,
        {
          type: 'ship',
          epcisEventType: 'ObjectEvent',
          action: 'OBSERVE',
          bizStep: 'shipping',
          disposition: 'in_transit',
          time: shipped,
          facilityId: lot.facilityId,
          destinationPartnerId: partner.id,
          documents,
          details: { shipmentId: shipment.id, partner: { name: partner.name, kind: partner.kind }, receiverOrganizationId },
        },
        [{ lotId: lot.id, direction: 'input', quantity, unit, quantityInLotUnit: amount }],
        { lotChanges: [{ lotId: lot.id, consumedDelta: amount }], shipment },
        q,
        [{ lotId: lot.id, amount, field: 'quantity' }],
      );
      const view: ShipmentView = {
        ...shipment,
        organizationId,
        eventId: event.id,
        status: 'in_transit',
        receivedLotId: null,
        receivedEventId: null,
        receivedAt: null,
        createdAt: event.recordTime,
        lotCode: lot.code,
        lotShortCode: lot.shortCode,
        productId: lot.productId,
        productNameVi: lot.productNameVi,
        productGtin: lot.gtin,
        partnerName: partner.name,
        senderOrganizationName: organizationName,
        receivedLotCode: null,
      };
      return { event: toEventResponse(event, new Map([[lot.id, lot.code]])), shipment: toShipmentResponse(view, organizationId, this.config.publicBaseUrl) };
    });
  }

  /**
   * The receiving organization accepts a shipment into a lot of its own (rule 8). The new lot keeps
   * the sender's lot code when it is free, the production date and expiry, and is born recalled if
   * the shipped lot has been recalled meanwhile (its public page must show the banner).
   */
  async receive(actor: Actor, shipmentId: string, input: ReceiveInput, db?: EntityManager): Promise<{ event: EventResponse; lot: LotResponse; shipment: ShipmentResponse }> {
    const organizationId = actor.organizationId;
    const received = input.receivedAt ? this.pastDateTime(input.receivedAt, 'receivedAt', 'EVENT_DATE_IN_FUTURE') : this.nowWithOffset();
    const lotCode = input.lotCode === undefined ? undefined : normalizeLotCode(input.lotCode, 'lotCode');

    const result = await this.transaction(db, async (tx) => {
      const shipment = await this.lots.findShipmentForParty(organizationId, shipmentId, tx, true);
      if (!shipment) throw new NotFoundException('Shipment', shipmentId);
      if (shipment.receiverOrganizationId !== organizationId) {
        throw new DomainException('SHIPMENT_NOT_RECEIVABLE', 'id: only the organization the shipment was sent to can receive it', 'validation', { field: 'id', shipmentId });
      }
      if (shipment.status !== 'in_transit') {
        throw new DomainException(
          shipment.status === 'received' ? 'SHIPMENT_ALREADY_RECEIVED' : 'SHIPMENT_CANCELLED',
          `id: this shipment is already ${shipment.status}`,
          'conflict',
          { field: 'id', shipmentId, status: shipment.status },
        );
      }
      if (received.instant < shipment.shippedAt) {
        throw new InvalidFieldException('EVENT_BEFORE_INPUT', 'receivedAt', `a shipment cannot be received before it was shipped (${shipment.shippedAt.toISOString()})`);
      }
      // The sender's lot, read under a share lock: a recall running now either finishes first (and
      // this lot is born recalled) or waits for this receipt and then recalls the new lot too.
      const source = (await this.lots.findSenderLotForShare(shipment.organizationId, shipment.lotId, tx))!;

      let product: ProductRecord | null;
      if (input.productId) {
        product = await this.registry.findProduct(organizationId, input.productId, tx);
        if (!product) throw notFound('PRODUCT_NOT_FOUND', 'productId', 'product', input.productId);
      } else {
        product =
          (await this.registry.findProductByName(organizationId, searchKey(source.productNameVi), source.productUnit, tx)) ??
          (await this.registry.insertProductCopy(organizationId, source.productId, tx));
      }
      if (input.facilityId && !(await this.registry.findFacility(organizationId, input.facilityId, tx))) {
        throw notFound('FACILITY_NOT_FOUND', 'facilityId', 'facility', input.facilityId);
      }
      let code = lotCode;
      if (code) await this.assertCodesFree(organizationId, [{ code, field: 'lotCode' }], tx);
      else if (!(await this.lots.codesTaken(organizationId, [source.code], tx)).length) code = source.code;
      else code = (await this.generateCodes(organizationId, product, received, 1, tx))[0];

      const recalled = source.status === 'recalled';
      const lot: NewLot = {
        ...this.newLotBase(product, { instant: source.producedAt, offset: source.producedAtOffset }),
        code,
        displayName: null,
        kind: 'received',
        quantity: canonicalQuantity(shipment.quantity),
        unit: shipment.unit,
        growingAreaId: null,
        householdPartnerId: null,
        facilityId: input.facilityId ?? null,
        expiresAt: source.expiresAt,
        status: recalled ? 'recalled' : 'active',
        recalledAt: recalled ? (source.recalledAt ?? this.clock.now()) : null,
        recallReason: recalled ? source.recallReason : null,
      };
      const event = await this.append(
        actor,
        {
          type: 'receive',
          epcisEventType: 'ObjectEvent',
          action: 'OBSERVE',
          bizStep: 'receiving',
          disposition: 'in_progress',
          time: received,
          facilityId: input.facilityId ?? null,
          documents: shipment.documents,
          details: {
            shipmentId: shipment.id,
            from: {
              organizationId: shipment.organizationId,
              organizationName: shipment.senderOrganizationName,
              lotCode: source.code,
              lotShortCode: source.shortCode,
              gtin: source.gtin,
              productName: source.productNameVi,
              shippedAt: shipment.shippedAt.toISOString(),
            },
            lots: [lotMasterData(lot)],
          },
        },
        [{ lotId: lot.id, direction: 'output', quantity: lot.quantity, unit: lot.unit, quantityInLotUnit: lot.quantity }],
        { lots: [lot] },
        tx,
      );
      await this.lots.markShipmentReceived(organizationId, shipment.id, lot.id, event.id, received.instant, tx);
      return { event, lotId: lot.id, codes: new Map([[lot.id, lot.code]]) };
    });
    const [lot, shipment] = await Promise.all([
      this.lotResponse(organizationId, result.lotId, db),
      this.lots.findShipmentForParty(organizationId, shipmentId, db),
    ]);
    return { event: toEventResponse(result.event, result.codes), lot, shipment: toShipmentResponse(shipment!, organizationId, this.config.publicBaseUrl) };
  }

  // ---------------------------------------------------------------- inspect

  async inspect(actor: Actor, lotId: string, input: InspectInput, db?: EntityManager): Promise<{ event: EventResponse }> {
    const organizationId = actor.organizationId;
    const inspected = this.pastDateTime(input.inspectedAt, 'inspectedAt', 'EVENT_DATE_IN_FUTURE');
    const codes = new Map<string, string>();
    const event = await this.transaction(db, async (tx) => {
      const lot = await this.lots.findLot(organizationId, lotId, tx);
      if (!lot) throw new NotFoundException('Lot', lotId);
      if (lot.status === 'voided') throw lotUnusable(lot, 'id');
      let lab: { id: string; name: string } | null = null;
      if (input.partnerId) {
        lab = await this.registry.findPartner(organizationId, input.partnerId, tx);
        if (!lab) throw notFound('PARTNER_NOT_FOUND', 'partnerId', 'partner', input.partnerId);
      }
      const quantity = canonicalQuantity(lot.quantity);
      codes.set(lot.id, lot.code);
      return this.append(
        actor,
        {
          type: 'inspect',
          epcisEventType: 'ObjectEvent',
          action: 'OBSERVE',
          bizStep: 'inspecting',
          disposition: input.result,
          time: inspected,
          facilityId: lot.facilityId,
          sourcePartnerId: lab?.id ?? null,
          documents: input.documents,
          details: {
            result: input.result,
            ...(lab ? { lab: { name: lab.name } } : {}),
            ...(input.notes?.trim() ? { notes: input.notes.trim() } : {}),
            ...(input.parameters?.length ? { parameters: input.parameters } : {}),
          },
        },
        [{ lotId: lot.id, direction: 'observed', quantity, unit: lot.unit, quantityInLotUnit: quantity }],
        {},
        tx,
        { last: true },
      );
    }, { commitWithAppend: true });
    return { event: toEventResponse(event, codes) };
  }

  // ---------------------------------------------------------------- void

  /**
   * Corrects a mistake (rule 1): a `void` event references the original with a reason; the original
   * stays in history but no longer counts. What it consumed goes back to its input lots, the lots it
   * created are voided — refused when they have already been used downstream.
   */
  async voidEvent(actor: Actor, eventId: string, reason: string, db?: EntityManager): Promise<{ event: EventResponse; voided: EventResponse }> {
    const organizationId = actor.organizationId;
    const trimmed = reason.trim();
    if (!trimmed) throw new InvalidFieldException('VOID_REASON_REQUIRED', 'reason', 'a reason is required');
    const voidEventId = await this.transaction(db, async (tx) => {
      const original = await this.events.findEvent(organizationId, eventId, tx, true);
      if (!original) throw new NotFoundException('Event', eventId);
      if (original.type === 'void' || original.type === 'recall') {
        throw new DomainException('EVENT_NOT_VOIDABLE', `id: a ${original.type} event cannot be voided`, 'validation', { field: 'id', type: original.type });
      }
      const existing = await this.events.findVoidOf(organizationId, eventId, tx);
      if (existing) throw new DomainException('EVENT_ALREADY_VOIDED', 'id: this event has already been voided', 'conflict', { field: 'id', voidEventId: existing });

      const inputLines = original.lines.filter((line) => line.direction === 'input');
      const outputLines = original.lines.filter((line) => line.direction === 'output');
      const locked = await this.lots.lockLots(organizationId, [...inputLines, ...outputLines].map((line) => line.lotId), tx);
      const outputIds = new Set(outputLines.map((line) => line.lotId));
      const used = locked.filter((lot) => outputIds.has(lot.id) && Number(lot.consumed) > 0);
      if (used.length) {
        throw new DomainException(
          'EVENT_HAS_DOWNSTREAM',
          `id: lots made by this event have been used since (${used.map((lot) => lot.code).join(', ')}); void those operations first`,
          'conflict',
          { field: 'id', lotIds: used.map((lot) => lot.id) },
        );
      }
      if (original.type === 'ship') {
        const shipment = await this.lots.findShipmentByEvent(organizationId, original.id, tx, true);
        if (shipment?.status === 'received') {
          throw new DomainException('EVENT_HAS_DOWNSTREAM', 'id: the shipment has been received; the receiver must void its receipt first', 'conflict', {
            field: 'id',
            shipmentId: shipment.id,
          });
        }
        if (shipment) await this.lots.setShipmentStatus(organizationId, shipment.id, 'cancelled', tx);
      }
      if (original.type === 'receive') {
        const shipment = await this.lots.findShipmentReceivedBy(organizationId, original.id, tx, true);
        if (shipment) await this.lots.setShipmentStatus(organizationId, shipment.id, 'in_transit', tx);
      }
      if (inputLines.length) await this.lots.deleteLinksOfEvent(organizationId, original.id, inputLines.map((line) => line.lotId), tx);

      const giveBack = new Map<string, string>();
      for (const line of inputLines) giveBack.set(line.lotId, storedQuantity(addQuantities(giveBack.get(line.lotId) ?? '0', line.quantityInLotUnit)));
      const lotChanges: LotChange[] = [
        ...[...giveBack].map(([lotId, amount]) => ({ lotId, consumedDelta: `-${amount}` })),
        ...[...outputIds].map((lotId) => ({ lotId, status: 'voided' as const })),
      ];
      const event = await this.append(
        actor,
        {
          type: 'void',
          epcisEventType: original.epcisEventType,
          action: null,
          bizStep: null,
          disposition: null,
          time: this.nowWithOffset(),
          voidsEventId: original.id,
          reason: trimmed,
          details: { voidedType: original.type, voidedSeq: String(original.seq) },
        },
        [],
        { lotChanges },
        tx,
        { last: true },
      );
      return event.id;
    }, { commitWithAppend: true });
    const [event, voided] = await Promise.all([this.events.findEvent(organizationId, voidEventId, db), this.events.findEvent(organizationId, eventId, db)]);
    return { event: toEventResponse(event!), voided: toEventResponse(voided!) };
  }

  // ---------------------------------------------------------------- reads

  async getLot(actor: Pick<Caller, 'organizationId'>, lotId: string): Promise<LotResponse> {
    return this.lotResponse(actor.organizationId, lotId);
  }

  async lotEvents(actor: Pick<Caller, 'organizationId'>, lotId: string): Promise<{ items: EventResponse[]; total: number }> {
    if (!(await this.lots.findLot(actor.organizationId, lotId))) throw new NotFoundException('Lot', lotId);
    const items = (await this.events.listForLot(actor.organizationId, lotId)).map((event) => toEventResponse(event));
    return { items, total: items.length };
  }

  async listLots(
    actor: Pick<Caller, 'organizationId'>,
    query: { search?: string; status?: 'active' | 'recalled' | 'voided'; kind?: LotKind; productId?: string; growingAreaId?: string; limit?: number; cursor?: string },
  ): Promise<{ items: LotResponse[]; total: number; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const { items, total } = await this.lots.listLots(actor.organizationId, { ...query, search: query.search?.trim() || undefined, limit: limit + 1, after });
    const page = items.slice(0, limit);
    const last = page[page.length - 1] as (typeof page)[number] & { createdAtText?: string };
    return {
      items: page.map((lot) => toLotResponse(lot, this.config.publicBaseUrl)),
      total,
      nextCursor: items.length > limit && last ? encodeCursor(last.createdAtText!, last.id) : null,
    };
  }

  async listShipments(
    actor: Pick<Caller, 'organizationId'>,
    query: { direction?: 'incoming' | 'outgoing'; status?: 'in_transit' | 'received' | 'cancelled'; lotId?: string; limit?: number; cursor?: string },
  ): Promise<{ items: ShipmentResponse[]; total: number; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const { items, total } = await this.lots.listShipments(actor.organizationId, query.direction ?? 'outgoing', { status: query.status, lotId: query.lotId, limit: limit + 1, after });
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((s) => toShipmentResponse(s, actor.organizationId, this.config.publicBaseUrl)),
      total,
      nextCursor: items.length > limit && last ? encodeCursor(last.createdAtText, last.id) : null,
    };
  }

  async getShipment(actor: Pick<Caller, 'organizationId'>, shipmentId: string): Promise<ShipmentResponse> {
    const shipment = await this.lots.findShipmentForParty(actor.organizationId, shipmentId);
    if (!shipment) throw new NotFoundException('Shipment', shipmentId);
    return toShipmentResponse(shipment, actor.organizationId, this.config.publicBaseUrl);
  }

  async getEvent(actor: Pick<Caller, 'organizationId'>, eventId: string): Promise<EventResponse> {
    const event = await this.events.findEvent(actor.organizationId, eventId);
    if (!event) throw new NotFoundException('Event', eventId);
    return toEventResponse(event);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * One transaction per operation (retried on serialization failures and deadlocks), or the
   * caller's when given (the demo seeder). An operation that ends by appending its event passes
   * `commitWithAppend`: the append travels with its COMMIT in one round trip, so the organization's
   * chain head is locked only while PostgreSQL works (see CommitWithLastStatement). A clash of a random
   * short code retries the operation; unique and check violations that slipped past the checks
   * become coded errors, never a 500.
   */
  private async transaction<T>(db: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>, options: { commitWithAppend?: boolean } = {}): Promise<T> {
    if (db) return work(db);
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      const state: CommitWithLastStatement = { client: undefined as never, committed: false };
      try {
        await runner.connect();
        state.client = (runner as unknown as { databaseConnection: CommitWithLastStatement['client'] }).databaseConnection;
        await runner.startTransaction();
        if (options.commitWithAppend) allowCommitWithLastStatement(runner.manager, state);
        const result = await work(runner.manager);
        if (state.committed) {
          // Committed with the append: tell TypeORM, as its own commitTransaction() would.
          Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
        } else {
          await runner.commitTransaction();
        }
        return result;
      } catch (error) {
        if (!state.committed && runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        await retryOrExplain(error, attempt, state.committed);
      } finally {
        await runner.release();
      }
    }
  }

  /**
   * An operation whose only write is its event (transform, split, ship): read without locks, check,
   * then one guarded append statement that locks the consumed lots, re-checks mass balance on them
   * and writes everything — atomic on its own, so no transaction and no lock is held across round
   * trips. Inside the caller's transaction (the demo seeder) it runs there instead.
   */
  private async atomically<T>(db: EntityManager | undefined, work: (q: Db, attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work(db ?? this.dataSource, attempt);
      } catch (error) {
        await retryOrExplain(error, attempt, !!db);
      }
    }
  }

  /** append() for operations whose consumption the statement itself guards; explains a refusal. */
  private async appendGuarded(
    actor: Actor,
    event: AppendInput,
    lines: EventHashLine[],
    effects: EventEffects,
    q: Db,
    consumption: { lotId: string; amount: string; field: string }[],
  ): Promise<AppendedEvent> {
    const appended = await this.append(actor, event, lines, effects, q, { guardLotIds: consumption.map((c) => c.lotId) });
    if (appended) return appended;
    // Something changed between our read and the write (another request consumed, recalled or
    // voided a lot): nothing was written; say what.
    const current = new Map((await this.lots.findLotsForEvent(actor.organizationId, consumption.map((c) => c.lotId), q)).map((lot) => [lot.id, lot]));
    for (const { lotId, amount, field } of consumption) {
      const lot = current.get(lotId);
      if (!lot) throw notFound('LOT_NOT_FOUND', field, 'lot', lotId);
      if (lot.status !== 'active') throw lotUnusable(lot, field);
      if (!fitsInLot(lot.quantity, lot.consumed, amount)) throw overconsumed(lot, amount, field);
    }
    throw new DomainException('CONCURRENT_UPDATE', 'the lots changed while this was being recorded; send it again', 'conflict');
  }

  private async append(
    actor: Actor,
    event: AppendInput,
    lines: EventHashLine[],
    effects: EventEffects,
    tx: Db,
    options: AppendOptions & { guardLotIds: string[] },
  ): Promise<AppendedEvent | null>;
  private async append(
    actor: Actor,
    event: AppendInput,
    lines: EventHashLine[],
    effects: EventEffects,
    tx: Db,
    options?: AppendOptions,
  ): Promise<AppendedEvent>;
  private async append(
    actor: Actor,
    event: AppendInput,
    lines: EventHashLine[],
    effects: EventEffects,
    tx: Db,
    options: AppendOptions = {},
  ): Promise<AppendedEvent | null> {
    const draft: EventDraft = {
      id: event.id ?? timeOrderedUuid(),
      type: event.type,
      epcisEventType: event.epcisEventType,
      action: event.action,
      bizStep: event.bizStep,
      disposition: event.disposition,
      eventTime: event.time.instant,
      eventTimeOffset: event.time.offset,
      recordTime: this.clock.now(),
      recordedBy: actor.userId,
      growingAreaId: event.growingAreaId ?? null,
      facilityId: event.facilityId ?? null,
      sourcePartnerId: event.sourcePartnerId ?? null,
      destinationPartnerId: event.destinationPartnerId ?? null,
      documents: (event.documents ?? []).map((document) => ({ type: document.type.trim(), number: document.number.trim() })),
      details: actor.apiKeyId ? { ...event.details, recordedByApiKeyId: actor.apiKeyId } : (event.details ?? {}),
      voidsEventId: event.voidsEventId ?? null,
      reason: event.reason ?? null,
    };
    return this.events.append(actor.organizationId, draft, lines, effects, tx, options);
  }

  /** Checks each input (read without a lock; the append statement re-checks under lock): usable, not used before it existed, enough left. */
  private checkInputs<L extends LockedLot>(
    inputs: { lotId: string; quantity: string; unit: Unit; field: string }[],
    lots: Map<string, L>,
    occurred: DateTimeWithOffset,
  ): { request: (typeof inputs)[number]; lot: L; amount: string }[] {
    return inputs.map((request) => {
      const lot = lots.get(request.lotId);
      if (!lot) throw notFound('LOT_NOT_FOUND', `${request.field}.lotId`, 'lot', request.lotId);
      assertConsumable(lot, `${request.field}.lotId`);
      if (occurred.instant < lot.producedAt) throw eventBeforeInput('occurredAt', lot);
      const amount = this.amountInLot(lot, request.quantity, request.unit, request.field);
      if (!fitsInLot(lot.quantity, lot.consumed, amount)) throw overconsumed(lot, amount, `${request.field}.quantity`);
      return { request, lot, amount };
    });
  }

  /** A requested quantity in the lot's unit (through the product's net content for packs and pieces). */
  private amountInLot(lot: LockedLot, quantity: string, unit: Unit, field: string): string {
    let amount: string;
    try {
      amount = inLotUnit(quantity, unit, lot.unit, lot);
    } catch (error) {
      if (error instanceof DomainException && error.code === 'UNIT_INCOMPATIBLE') {
        const name = field ? `${field}.unit` : 'unit';
        throw new DomainException('UNIT_INCOMPATIBLE', `${name}: ${error.message.replace(/^unit: /, '')} (lot ${lot.code} is counted in ${lot.unit})`, 'validation', {
          field: name,
          lotId: lot.id,
          ...error.details,
        });
      }
      throw error;
    }
    if (Number(amount) <= 0) {
      throw new InvalidFieldException('QUANTITY_INVALID', field ? `${field}.quantity` : 'quantity', `too small to count in ${lot.unit}, the unit of lot ${lot.code}`);
    }
    return amount;
  }

  private newLotBase(product: ProductRecord, produced: DateTimeWithOffset): Omit<NewLot, 'code' | 'displayName' | 'kind' | 'quantity' | 'unit' | 'growingAreaId' | 'householdPartnerId'> {
    const localDate = toLocalDate(produced.instant, produced.offset);
    return {
      id: timeOrderedUuid(),
      productId: product.id,
      status: 'active',
      facilityId: null,
      producedAt: produced.instant,
      producedAtOffset: produced.offset,
      expiresAt: product.shelfLifeDays ? addDays(localDate, product.shelfLifeDays) : null,
      shortCode: generateShortCode(),
      recalledAt: null,
      recallReason: null,
    };
  }

  /**
   * Generated codes PREFIX-YEAR-NNNNNN. Numbers somebody already typed in by hand are skipped when
   * `checkTaken` (a retry after such a clash, or inside a transaction, where the draw costs nothing extra).
   */
  private async generateCodes(organizationId: string, product: ProductRecord, produced: DateTimeWithOffset, count: number, tx: Db, checkTaken = true): Promise<string[]> {
    const prefix = lotCodePrefix(product.nameVi);
    const year = Number(toLocalDate(produced.instant, produced.offset).slice(0, 4));
    const codes: string[] = [];
    while (codes.length < count) {
      const need = count - codes.length;
      const first = await this.lots.drawLotCodeNumbers(organizationId, prefix, year, need, tx);
      const drawn = Array.from({ length: need }, (_, i) => generateLotCode(prefix, year, first + i));
      const taken = new Set(checkTaken ? await this.lots.codesTaken(organizationId, drawn, tx) : []);
      codes.push(...drawn.filter((code) => !taken.has(code)));
    }
    return codes;
  }

  private async assertCodesFree(organizationId: string, codes: { code: string; field: string }[], tx: Db): Promise<void> {
    if (!codes.length) return;
    const taken = new Set(await this.lots.codesTaken(organizationId, codes.map((c) => c.code), tx));
    const clash = codes.find((c) => taken.has(c.code));
    if (clash) {
      throw new DomainException('LOT_CODE_TAKEN', `${clash.field}: another lot of this organization already has the code ${clash.code}`, 'conflict', {
        field: clash.field,
        lotCode: clash.code,
      });
    }
  }

  private pastDateTime(value: string, field: string, code: string): DateTimeWithOffset {
    const parsed = parseDateTime(value, field);
    if (parsed.instant.getTime() > this.clock.now().getTime() + FUTURE_TOLERANCE_MS) {
      throw new DomainException(code, `${field}: ${value} is in the future`, 'validation', { field });
    }
    return parsed;
  }

  private nowWithOffset(): DateTimeWithOffset {
    return { instant: this.clock.now(), offset: '+07:00' };
  }

  private async lotResponse(organizationId: string, lotId: string, db?: Db): Promise<LotResponse> {
    const lot = await this.lots.findLot(organizationId, lotId, db ?? this.dataSource);
    if (!lot) throw new NotFoundException('Lot', lotId);
    return toLotResponse(lot, this.config.publicBaseUrl);
  }

  private async lotResponses(organizationId: string, ids: string[], db?: Db): Promise<LotResponse[]> {
    const lots = new Map((await this.lots.findLotsByIds(organizationId, ids, db ?? this.dataSource)).map((lot) => [lot.id, lot]));
    return ids.map((id) => toLotResponse(lots.get(id)!, this.config.publicBaseUrl));
  }
}

// ------------------------------------------------------------------ module helpers

/**
 * After a failed write: retry (serialization failure, deadlock, a random short code or a generated lot
 * code that was taken), or turn a constraint the checks let through into a coded error.
 */
async function retryOrExplain(error: unknown, attempt: number, final: boolean): Promise<void> {
  const { code, constraint } = pgError(error);
  const retry = !final && attempt < MAX_ATTEMPTS;
  if (retry && (code === '40001' || code === '40P01')) {
    await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    return;
  }
  if (retry && code === '23505' && (constraint === 'lot_short_code_key' || (constraint === 'lot_organization_id_code_key' && attempt === 1))) return;
  if (code === '23505' && constraint === 'lot_organization_id_code_key') {
    throw new DomainException('LOT_CODE_TAKEN', 'lotCode: another lot of this organization already has this code', 'conflict', { field: 'lotCode' });
  }
  if (code === '23514' && constraint === 'lot_check') {
    throw new DomainException('LOT_OVERCONSUMED', 'quantity: more than the lot has left', 'validation', { field: 'quantity' });
  }
  throw error;
}

/** The product fields a lot view carries, as a product record (for lots made from this lot). */
function productOfLot(lot: LotView): ProductRecord {
  return {
    id: lot.productId,
    nameVi: lot.productNameVi,
    nameEn: lot.productNameEn,
    gtin: lot.gtin,
    unit: lot.productUnit,
    netContent: lot.netContent,
    netContentUnit: lot.netContentUnit,
    shelfLifeDays: null,
  };
}

/** The view of a lot just written, without reading it back. */
function viewOfNewLot(
  organizationId: string,
  lot: NewLot,
  product: ProductRecord,
  event: AppendedEvent,
  extras: { area: { code: string | null; name: string | null } | null; householdName: string | null; facilityName: string | null },
): LotView {
  return {
    ...lot,
    organizationId,
    consumed: '0',
    createdEventId: event.id,
    createdAt: event.recordTime,
    netContent: product.netContent,
    netContentUnit: product.netContentUnit,
    gtin: product.gtin,
    productNameVi: product.nameVi,
    productNameEn: product.nameEn,
    productUnit: product.unit,
    growingAreaCode: lot.growingAreaId ? (extras.area?.code ?? null) : null,
    growingAreaName: lot.growingAreaId ? (extras.area?.name ?? null) : null,
    householdName: lot.householdPartnerId ? extras.householdName : null,
    facilityName: lot.facilityId ? extras.facilityName : null,
  };
}

function notFound(code: string, field: string, what: string, id: string): DomainException {
  return new DomainException(code, `${field}: ${what} not found: ${id}`, 'not_found', { field, id });
}

function lotUnusable(lot: Pick<LockedLot, 'id' | 'code' | 'status'>, field: string): DomainException {
  return new DomainException(
    lot.status === 'recalled' ? 'LOT_RECALLED' : 'LOT_VOIDED',
    `${field}: lot ${lot.code} is ${lot.status} and cannot be used`,
    'validation',
    { field, lotId: lot.id, status: lot.status },
  );
}

function assertConsumable(lot: LockedLot, field: string): void {
  if (lot.status !== 'active') throw lotUnusable(lot, field);
}

function overconsumed(lot: LockedLot, requested: string, field: string): DomainException {
  const { available } = availability(lot.quantity, lot.consumed);
  return new DomainException(
    'LOT_OVERCONSUMED',
    `${field}: lot ${lot.code} has ${available} ${lot.unit} left; ${canonicalQuantity(requested)} ${lot.unit} requested`,
    'validation',
    { field, lotId: lot.id, lotCode: lot.code, available, requested: canonicalQuantity(requested), unit: lot.unit },
  );
}

function eventBeforeInput(field: string, lot: LockedLot): DomainException {
  return new DomainException('EVENT_BEFORE_INPUT', `${field}: lot ${lot.code} did not exist yet (produced ${lot.producedAt.toISOString()})`, 'validation', {
    field,
    lotId: lot.id,
  });
}

function assertDistinct(values: string[], field: (i: number) => string, code: string, message: string): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) throw new InvalidFieldException(code, field(i), message);
    seen.add(value);
  });
}

function outputKind(process: string, unit: Unit): LotKind {
  return /pack|đóng gói|dong goi/i.test(process) || unit === 'pack' || unit === 'pcs' ? 'packed' : 'processed';
}

/** Initials of the product name for generated codes: "Gạo nếp Séng Cù" → GNSC; 'LO' when there are none. */
export function lotCodePrefix(productName: string): string {
  const initials = searchKey(productName)
    .split(' ')
    .map((word) => word.replace(/[^a-z0-9]/g, '')[0] ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 4);
  return initials || 'LO';
}

function lotMasterData(lot: NewLot): Record<string, unknown> {
  return {
    id: lot.id,
    code: lot.code,
    shortCode: lot.shortCode,
    productId: lot.productId,
    kind: lot.kind,
    quantity: lot.quantity,
    unit: lot.unit,
    producedAt: lot.producedAt.toISOString(),
    expiresAt: lot.expiresAt,
  };
}

function codeMap(existing: { id: string; code: string }[], created: { id: string; code: string }[]): Map<string, string> {
  return new Map([...existing, ...created].map((lot) => [lot.id, lot.code]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

/** Keyset cursor over (created_at as PostgreSQL prints it, to the microsecond; id). */
export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof createdAt === 'string' && typeof id === 'string' && UUID.test(id) && TIMESTAMP.test(createdAt)) return { createdAt, id };
  } catch {
    // reported below
  }
  throw new InvalidFieldException('CURSOR_INVALID', 'cursor', 'not a cursor this API returned', 'bad_request');
}
