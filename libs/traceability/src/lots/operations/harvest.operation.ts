import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Db } from '@app/database';
import { toLocalDate } from '../../common/dates.js';
import { DomainException, InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { checkPosition, type FieldPosition } from '../../common/field-position.js';
import { normalizeLotCode } from '../../common/gs1.js';
import { parseQuantity, parseUnit, type Unit } from '../../common/units.js';
import { GrowingAreasService, type HarvestRules } from '../../registry/growing-areas/growing-areas.service.js';
import { checkSeasonYield, FALLBACK_MAX_YIELD_T_PER_HA, inTonnes, seasonOf, worstPhiBlocker } from '../../registry/growing-areas/harvest-policy.js';
import { CLOCK, type Clock } from '../clock.js';
import type { EventDocument } from '../event-rows.js';
import type { NewLot } from '../events.repository.js';
import type { LotResponse } from '../lot-views.js';
import { LotRegistryRepository, type ProductRecord } from '../lot-registry.repository.js';
import { LotsRepository } from '../lots.repository.js';
import type { Actor } from './actor.js';
import { EventAppender } from './event-appender.js';
import { LotCodes } from './lot-codes.js';
import { LotQueries } from './lot-queries.js';
import { lotMasterData, newLotBase } from './lot-rules.js';
import { LotTransactions } from './lot-transactions.js';
import { pastDateTime } from './operation-time.js';
import type { QuantityLine } from './quantity-line.js';

export interface HarvestInput extends QuantityLine {
  growingAreaId: string;
  productId: string;
  harvestedAt: string;
  lotCode?: string;
  partnerId?: string;
  displayName?: string;
  acknowledgeYieldWarning?: boolean;
  yieldWarningReason?: string;
  documents?: EventDocument[];
  /** Where the phone was when the harvest was written (details.position: hashed with the event, shown to staff only). */
  position?: FieldPosition | null;
}

/**
 * Harvest: a new lot from a growing area (docs/rules.md, “Harvests come from a real, active growing area”). The area must be active on the
 * harvest day, past the pre-harvest interval of everything applied to it, and the season's harvests
 * within a plausible yield (or the excess acknowledged with a reason); a household named as the
 * harvester must own the area.
 */
@Injectable()
export class HarvestOperation {
  constructor(
    private readonly transactions: LotTransactions,
    private readonly appender: EventAppender,
    private readonly codes: LotCodes,
    private readonly queries: LotQueries,
    private readonly lots: LotsRepository,
    private readonly registry: LotRegistryRepository,
    private readonly growingAreas: GrowingAreasService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: Actor, input: HarvestInput, db?: EntityManager): Promise<LotResponse> {
    const quantity = parseQuantity(input.quantity, 'quantity');
    const unit = parseUnit(input.unit, 'unit');
    const harvested = pastDateTime(this.clock, input.harvestedAt, 'harvestedAt', 'HARVEST_DATE_IN_FUTURE');
    const lotCode = input.lotCode === undefined ? undefined : normalizeLotCode(input.lotCode, 'lotCode');
    const position = checkPosition(input.position, 'position');
    const organizationId = actor.organizationId;

    const lotId = await this.transactions.transaction(
      db,
      async (tx) => {
        // The area is locked (FOR UPDATE) until commit: concurrent harvests from it take turns, so they
        // cannot both pass the season-yield check, and its status cannot change under us.
        const rules = await this.growingAreas.harvestRules(organizationId, input.growingAreaId, { manager: tx, lock: 'update' }).catch((error) => {
          if (error instanceof DomainException && error.code === 'GROWING_AREA_NOT_FOUND') {
            throw notFound('Growing area', input.growingAreaId, 'growingAreaId');
          }
          throw error;
        });
        const area = rules.area;
        const product = await this.registry.findProduct(organizationId, input.productId, tx);
        if (!product) throw notFound('Product', input.productId, 'productId');
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

        const code = lotCode ?? (await this.codes.generate(organizationId, product, harvested, 1, tx))[0];
        if (lotCode) await this.codes.assertFree(organizationId, [{ code: lotCode, field: 'lotCode' }], tx);
        const lot: NewLot = {
          ...newLotBase(product, harvested),
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
        if (position) details.position = position;
        await this.appender.append(
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
      },
      { commitWithAppend: true },
    );
    return this.queries.lot(organizationId, lotId, db);
  }

  private async checkHousehold(organizationId: string, partnerId: string, owners: string[], tx: Db): Promise<void> {
    const partner = await this.registry.findPartner(organizationId, partnerId, tx);
    if (!partner) throw notFound('Partner', partnerId, 'partnerId');
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
}
