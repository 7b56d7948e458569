import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { inTransaction, isUniqueViolation } from '@app/database';
import { placeValues } from '../../admin-units/admin-units.js';
import type { Caller } from '../../accounts/caller.js';
import { roleAtLeast } from '../../accounts/user.entity.js';
import { DomainException, InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { GrowingAreaGeometry, validateGeoJson } from '../../common/geojson.js';
import { searchKey } from '../../common/text.js';
import { canonicalDecimal, localDate, optionalText, positiveDecimal, rejectNull, requiredText, todayInVietnam } from '../common/fields.js';
import type { Page } from '../common/listing.js';
import { PartnersRepository } from '../partners/partners.repository.js';
import type { PartnerKind } from '../partners/partner.entity.js';
import { CropYieldLimitsRepository } from './crop-yield-limits.repository.js';
import { CROPS, effectiveMaxYield, MaxYieldSource, seasonsPerYear } from './crop-yields.js';
import { parseDateTime } from '../../common/dates.js';
import { activeSince, assertTransition, earliestEffectiveTime, GrowingAreaStatus, statusAt } from './growing-area-status.js';
import { GrowingArea } from './growing-area.entity.js';
import { GrowingAreaListQuery, GrowingAreasRepository, GrowingAreaValues, StatusChangeRecord } from './growing-areas.repository.js';
import { earliestHarvestDate, phiBlockers, safeFrom } from './harvest-policy.js';
import { InputApplicationsRepository } from './input-applications.repository.js';
import type { InputKind } from './input-application.entity.js';

export interface GrowingAreaInput {
  code: string;
  issuer?: string | null;
  name: string;
  crop: string;
  variety?: string | null;
  areaHa: string | number;
  province: string;
  commune?: string | null;
  /** Official codes (GET /api/v1/admin-units/…): win over the texts, which are then set from them. */
  provinceCode?: string | null;
  communeCode?: string | null;
  /** GeoJSON Point, Polygon or MultiPolygon (or a Feature of one), WGS 84. */
  location?: unknown;
  ownerPartnerIds?: string[] | null;
  issuedAt?: string | null;
  targetMarkets?: string[] | null;
  standard?: string | null;
  expectedYieldT?: string | number | null;
  /** This area's own ceiling (admins only). */
  maxYieldTPerHa?: string | number | null;
  /** Registration only: draft (default) or active. Later changes go through changeStatus. */
  status?: 'draft' | 'active';
  statusReason?: string | null;
}

export interface OwnerSummary {
  id: string;
  name: string;
  kind: PartnerKind;
}

export interface GrowingAreaView {
  id: string;
  organizationId: string;
  code: string;
  issuer: string | null;
  name: string;
  crop: string;
  variety: string | null;
  areaHa: string;
  province: string;
  commune: string | null;
  provinceCode: string | null;
  communeCode: string | null;
  location: GrowingAreaGeometry | null;
  status: GrowingAreaStatus;
  issuedAt: string | null;
  targetMarkets: string[];
  standard: string | null;
  expectedYieldT: string | null;
  /** The area's own ceiling, if set. */
  maxYieldTPerHa: string | null;
  /** The ceiling in force (area, organization or default), t/ha per season. */
  effectiveMaxYieldTPerHa: string | null;
  maxYieldSource: MaxYieldSource | null;
  /** areaHa × effectiveMaxYieldTPerHa: the most one season may plausibly yield, in tonnes. */
  maxHarvestT: string | null;
  ownerPartnerIds: string[];
  owners: OwnerSummary[];
  /** No harvest before this date (pre-harvest intervals of the inputs in force); null: no restriction. */
  earliestHarvestDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type GrowingAreaDetail = GrowingAreaView & { statusHistory: StatusChangeRecord[] };

export interface HarvestRuleInput {
  id: string;
  appliedAt: string;
  kind: InputKind;
  productName: string;
  activeIngredient: string | null;
  phiDays: number;
  /** First day a harvest is allowed after it (appliedAt + phiDays). */
  safeFrom: string;
}

/** Everything the harvest code needs to judge a harvest from an area (docs/rules.md#harvests-come-from-a-real-active-growing-area). */
export interface HarvestRules {
  area: {
    id: string;
    organizationId: string;
    code: string;
    issuer: string | null;
    name: string;
    crop: string;
    variety: string | null;
    status: GrowingAreaStatus;
    areaHa: string;
    province: string;
    commune: string | null;
    /** Effective ceiling in t/ha per season. */
    maxYieldTPerHa: string | null;
    maxYieldSource: MaxYieldSource | null;
    /** areaHa × maxYieldTPerHa, tonnes per crop season. */
    maxHarvestT: string | null;
    /** Crop seasons per calendar year for this crop (2 for rice), and the yearly ceiling it gives. */
    seasonsPerYear: number;
    maxHarvestTPerYear: string | null;
    expectedYieldT: string | null;
    ownerPartnerIds: string[];
  };
  /** Oldest first. */
  history: StatusChangeRecord[];
  /** The status in force at an instant (null before the area was registered). */
  statusAt(at: Date): GrowingAreaStatus | null;
  /** When the present status took effect, if the area is active now. */
  activeSince: Date | null;
  /** Input applications in force (voided ones excluded), oldest first. */
  inputs: HarvestRuleInput[];
  earliestHarvestDate: string | null;
  /** The inputs whose pre-harvest interval covers a harvest on this local date ('YYYY-MM-DD'). */
  phiBlockers(harvestDate: string): HarvestRuleInput[];
}

export interface HarvestWindow {
  growingAreaId: string;
  status: GrowingAreaStatus;
  today: string;
  earliestHarvestDate: string | null;
  /** Active, and today is on or after the earliest harvest date. */
  harvestAllowedToday: boolean;
  /** Inputs whose PHI covers today. */
  blockingInputs: HarvestRuleInput[];
  maxYieldTPerHa: string | null;
  maxYieldSource: MaxYieldSource | null;
  maxHarvestT: string | null;
  seasonsPerYear: number;
  maxHarvestTPerYear: string | null;
}

const AREA_HA = { scale: 4, integerDigits: 8 };
const EXPECTED_YIELD_T = { scale: 4, integerDigits: 10 };
const MAX_YIELD = { scale: 3, integerDigits: 7 };
const DEFAULT_REGISTRATION_REASON = 'Registered';

const codeTaken = (code: string, issuer: string) =>
  new DomainException(
    'GROWING_AREA_CODE_TAKEN',
    `code: growing-area code ${code}${issuer ? ` from ${issuer}` : ''} is already registered (a code identifies one field)`,
    'conflict',
    { field: 'code' },
  );

/**
 * Growing areas (vùng trồng): official code unique per issuer, location, owners, and the status
 * lifecycle with its history. Also the harvest rules the lots code applies (harvestRules).
 */
@Injectable()
export class GrowingAreasService {
  private readonly codePattern: RegExp | null;

  constructor(
    private readonly repository: GrowingAreasRepository,
    private readonly inputs: InputApplicationsRepository,
    private readonly limits: CropYieldLimitsRepository,
    private readonly partners: PartnersRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.codePattern = config.growingAreaCodePattern ? new RegExp(`^(?:${config.growingAreaCodePattern})$`, 'u') : null;
  }

  async create(caller: Caller, input: GrowingAreaInput): Promise<GrowingAreaDetail> {
    const values = { issuer: '', ...this.prepare(caller, input) };
    const status = input.status ?? 'draft';
    const owners = this.uniqueIds(input.ownerPartnerIds ?? []);
    await this.checkCrop(caller.organizationId, values.crop!, values.maxYieldTPerHa ?? null);
    try {
      const area = await inTransaction(this.dataSource, async (manager) => {
        await this.checkOwners(caller.organizationId, owners, manager);
        if (await this.repository.codeTaken(caller.organizationId, values.issuer!, values.code!, null, manager)) throw codeTaken(values.code!, values.issuer!);
        const area = await this.repository.insert(caller.organizationId, { ...(values as GrowingAreaValues), status }, manager);
        await this.repository.setOwners(caller.organizationId, area.id, owners, manager);
        await this.repository.addStatusChange(
          caller.organizationId,
          { growingAreaId: area.id, fromStatus: null, toStatus: status, reason: optionalText(input.statusReason) ?? DEFAULT_REGISTRATION_REASON, changedBy: caller.userId },
          manager,
        );
        return area;
      });
      return this.detail(caller.organizationId, area);
    } catch (error) {
      if (isUniqueViolation(error, 'growing_area_code_key')) throw codeTaken(values.code!, values.issuer!);
      throw error;
    }
  }

  /** Every check create() makes before writing, without writing (an import's dry run). */
  async check(caller: Caller, input: GrowingAreaInput): Promise<void> {
    const values = { issuer: '', ...this.prepare(caller, input) };
    await this.checkCrop(caller.organizationId, values.crop!, values.maxYieldTPerHa ?? null);
    await this.checkOwners(caller.organizationId, this.uniqueIds(input.ownerPartnerIds ?? []), this.dataSource.manager);
    if (await this.repository.codeTaken(caller.organizationId, values.issuer!, values.code!, null, this.dataSource.manager)) throw codeTaken(values.code!, values.issuer!);
  }

  async get(caller: Caller, id: string): Promise<GrowingAreaDetail> {
    const area = await this.repository.find(caller.organizationId, id);
    if (!area) throw notFound('Growing area', id);
    return this.detail(caller.organizationId, area);
  }

  async update(caller: Caller, id: string, patch: Partial<Omit<GrowingAreaInput, 'status' | 'statusReason'>>): Promise<GrowingAreaDetail> {
    const values = this.prepare(caller, patch);
    let claimed = { code: values.code ?? '', issuer: values.issuer ?? '' };
    try {
      const area = await inTransaction(this.dataSource, async (manager) => {
        const existing = await this.repository.findLocked(caller.organizationId, id, manager);
        if (!existing) throw notFound('Growing area', id);
        if (values.crop !== undefined || values.maxYieldTPerHa !== undefined) {
          await this.checkCrop(caller.organizationId, values.crop ?? existing.crop, values.maxYieldTPerHa !== undefined ? values.maxYieldTPerHa : existing.maxYieldTPerHa, manager);
        }
        if (patch.ownerPartnerIds !== undefined) {
          const owners = this.uniqueIds(patch.ownerPartnerIds ?? []);
          await this.checkOwners(caller.organizationId, owners, manager);
          await this.repository.setOwners(caller.organizationId, id, owners, manager);
        }
        const code = values.code ?? existing.code;
        const issuer = values.issuer ?? existing.issuer;
        claimed = { code, issuer };
        if ((code !== existing.code || issuer !== existing.issuer) && (await this.repository.codeTaken(caller.organizationId, issuer, code, id, manager))) {
          throw codeTaken(code, issuer);
        }
        return this.repository.update(caller.organizationId, existing, values, manager);
      });
      return this.detail(caller.organizationId, area);
    } catch (error) {
      if (isUniqueViolation(error, 'growing_area_code_key')) throw codeTaken(claimed.code, claimed.issuer);
      throw error;
    }
  }

  async list(caller: Caller, query: GrowingAreaListQuery): Promise<Page<GrowingAreaView>> {
    const page = await this.repository.list(caller.organizationId, query);
    return { ...page, items: await this.views(caller.organizationId, page.items) };
  }

  /**
   * Moves an area along its lifecycle (draft → active ⇄ suspended → revoked) with a reason, recording
   * who and when. The area row is locked, so concurrent changes are judged one after the other.
   */
  async changeStatus(
    caller: Caller,
    id: string,
    change: { status: GrowingAreaStatus; reason: string; effectiveAt?: string | null; evidenceReference?: string | null },
  ): Promise<GrowingAreaDetail> {
    const reason = requiredText(change.reason, 'reason');
    const evidenceReference = optionalText(change.evidenceReference ?? undefined) ?? null;
    const effectiveAt = change.effectiveAt ? parseDateTime(change.effectiveAt, 'effectiveAt').instant : null;
    if (effectiveAt && effectiveAt.getTime() > Date.now()) {
      throw new InvalidFieldException('STATUS_EFFECTIVE_IN_FUTURE', 'effectiveAt', 'a status change cannot take effect in the future; record it on the day');
    }
    const area = await inTransaction(this.dataSource, async (manager) => {
      const existing = await this.repository.findLocked(caller.organizationId, id, manager);
      if (!existing) throw notFound('Growing area', id);
      assertTransition(existing.status, change.status);
      if (effectiveAt) {
        // Back-dating stops at the change in force, so the history keeps its order (docs/rules.md#harvests-come-from-a-real-active-growing-area).
        const earliest = earliestEffectiveTime(await this.repository.history(caller.organizationId, id, manager));
        if (earliest && effectiveAt.getTime() < earliest.getTime()) {
          throw new DomainException('STATUS_EFFECTIVE_BEFORE_PREVIOUS', `effectiveAt: must not be before the previous change took effect (${earliest.toISOString()})`, 'validation', {
            field: 'effectiveAt',
            earliest: earliest.toISOString(),
          });
        }
      }
      await this.repository.addStatusChange(
        caller.organizationId,
        { growingAreaId: id, fromStatus: existing.status, toStatus: change.status, reason, changedBy: caller.userId, effectiveAt, evidenceReference },
        manager,
      );
      return this.repository.update(caller.organizationId, existing, { status: change.status }, manager);
    });
    return this.detail(caller.organizationId, area);
  }

  async statusHistory(caller: Caller, id: string): Promise<StatusChangeRecord[]> {
    if (!(await this.repository.find(caller.organizationId, id))) throw notFound('Growing area', id);
    return this.repository.history(caller.organizationId, id);
  }

  async harvestWindow(caller: Caller, id: string): Promise<HarvestWindow> {
    const rules = await this.harvestRules(caller.organizationId, id);
    const today = todayInVietnam();
    const blockingInputs = rules.phiBlockers(today);
    return {
      growingAreaId: id,
      status: rules.area.status,
      today,
      earliestHarvestDate: rules.earliestHarvestDate,
      harvestAllowedToday: rules.area.status === 'active' && blockingInputs.length === 0,
      blockingInputs,
      maxYieldTPerHa: rules.area.maxYieldTPerHa,
      maxYieldSource: rules.area.maxYieldSource,
      maxHarvestT: rules.area.maxHarvestT,
      seasonsPerYear: rules.area.seasonsPerYear,
      maxHarvestTPerYear: rules.area.maxHarvestTPerYear,
    };
  }

  /**
   * The rules a harvest from this area must satisfy: its status on any date (from the history), the
   * inputs in force with their pre-harvest intervals, the earliest allowed harvest date and the
   * plausible maximum per season. Throws GROWING_AREA_NOT_FOUND (404) for another organization's id.
   * Pass the caller's transaction as `manager` with `lock: 'share'` to keep the area's status from
   * changing until it commits (or 'update' to also serialize harvests of one area).
   */
  async harvestRules(organizationId: string, growingAreaId: string, options: { manager?: EntityManager; lock?: 'share' | 'update' } = {}): Promise<HarvestRules> {
    const { manager, lock } = options;
    if (lock && !manager) throw new Error('harvestRules: a lock needs the transaction (manager) it belongs to');
    const area = lock ? await this.repository.findLocked(organizationId, growingAreaId, manager!, lock) : await this.repository.find(organizationId, growingAreaId, manager);
    if (!area) throw notFound('Growing area', growingAreaId);
    // One after the other: inside a transaction they share one connection.
    const history = await this.repository.history(organizationId, growingAreaId, manager);
    const applications = await this.inputs.inForce(organizationId, growingAreaId, manager);
    const limits = await this.limits.forOrganization(organizationId, manager);
    const owners = await this.repository.ownersOf(organizationId, [growingAreaId], manager);
    const ceiling = this.ceiling(area, limits);
    const inputs: HarvestRuleInput[] = applications.map((input) => ({
      id: input.id,
      appliedAt: input.appliedAt,
      kind: input.kind,
      productName: input.productName,
      activeIngredient: input.activeIngredient,
      phiDays: input.phiDays,
      safeFrom: safeFrom(input),
    }));
    return {
      area: {
        id: area.id,
        organizationId: area.organizationId,
        code: area.code,
        issuer: area.issuer || null,
        name: area.name,
        crop: area.crop,
        variety: area.variety,
        status: area.status,
        areaHa: canonicalDecimal(area.areaHa)!,
        province: area.province,
        commune: area.commune,
        maxYieldTPerHa: ceiling.effectiveMaxYieldTPerHa,
        maxYieldSource: ceiling.maxYieldSource,
        maxHarvestT: ceiling.maxHarvestT,
        seasonsPerYear: seasonsPerYear(area.crop),
        maxHarvestTPerYear: ceiling.maxHarvestT === null ? null : new Decimal(ceiling.maxHarvestT).times(seasonsPerYear(area.crop)).toFixed(),
        expectedYieldT: canonicalDecimal(area.expectedYieldT),
        ownerPartnerIds: owners.get(area.id) ?? [],
      },
      history,
      statusAt: (at: Date) => statusAt(history, at),
      activeSince: activeSince(history),
      inputs,
      earliestHarvestDate: earliestHarvestDate(inputs),
      phiBlockers: (harvestDate: string) => phiBlockers(inputs, harvestDate),
    };
  }

  /** Checks and normalises the given fields; fields not given stay undefined (unchanged by a PATCH). */
  private prepare(caller: Caller, input: Partial<GrowingAreaInput>): Partial<GrowingAreaValues> {
    rejectNull(input, ['code', 'name', 'crop', 'areaHa', 'province']);
    const values: Partial<GrowingAreaValues> = {};
    if (input.code !== undefined) values.code = this.code(input.code);
    // '' stands for "issuer not given": still one code per ('', code) across the deployment.
    if (input.issuer !== undefined) values.issuer = input.issuer === null ? '' : (optionalText(input.issuer)?.replace(/\s+/g, ' ') ?? '');
    if (input.name !== undefined) {
      values.name = requiredText(input.name, 'name');
      values.nameSearch = searchKey(values.name);
    }
    if (input.crop !== undefined) values.crop = input.crop.trim();
    if (input.province !== undefined) requiredText(input.province, 'province');
    Object.assign(values, placeValues(input));
    // A growing area is always somewhere: a PATCH may change its province, never clear it.
    if ('province' in values && !values.province) throw new InvalidFieldException('VALIDATION_FAILED', 'province', 'a growing area needs its province (province or provinceCode)', 'bad_request');
    for (const field of ['variety', 'standard'] as const) {
      const text = optionalText(input[field]);
      if (text !== undefined) values[field] = text;
    }
    if (input.areaHa !== undefined) values.areaHa = positiveDecimal(input.areaHa, 'areaHa', AREA_HA);
    if (input.location !== undefined) values.location = input.location === null ? null : validateGeoJson(input.location, 'location');
    if (input.issuedAt !== undefined) values.issuedAt = input.issuedAt === null ? null : localDate(input.issuedAt, 'issuedAt');
    if (input.targetMarkets !== undefined) {
      values.targetMarkets = [...new Set((input.targetMarkets ?? []).map((m) => optionalText(m)).filter((m): m is string => !!m))];
    }
    if (input.expectedYieldT !== undefined) {
      values.expectedYieldT = input.expectedYieldT === null ? null : positiveDecimal(input.expectedYieldT, 'expectedYieldT', EXPECTED_YIELD_T);
    }
    if (input.maxYieldTPerHa !== undefined) {
      // The ceiling is what stops a borrowed code from laundering other fields' harvests.
      if (!roleAtLeast(caller.role, 'admin')) {
        throw new DomainException('ROLE_FORBIDDEN', `maxYieldTPerHa: only an admin can set an area's maximum yield (your role: ${caller.role})`, 'forbidden', {
          field: 'maxYieldTPerHa',
        });
      }
      values.maxYieldTPerHa = input.maxYieldTPerHa === null ? null : positiveDecimal(input.maxYieldTPerHa, 'maxYieldTPerHa', MAX_YIELD, 'MAX_YIELD_NOT_POSITIVE');
    }
    return values;
  }

  private code(raw: string): string {
    const code = requiredText(raw, 'code');
    if (this.codePattern && !this.codePattern.test(code)) {
      throw new InvalidFieldException('GROWING_AREA_CODE_PATTERN_MISMATCH', 'code', `${code} does not have this deployment's growing-area code format`);
    }
    return code;
  }

  /** A crop needs a maximum yield: a default, the organization's own, or the area's. */
  private async checkCrop(organizationId: string, crop: string, areaOverride: string | null, manager?: EntityManager): Promise<void> {
    if (areaOverride !== null) return;
    if (effectiveMaxYield(crop, null, await this.limits.forOrganization(organizationId, manager))) return;
    throw new InvalidFieldException(
      'CROP_UNKNOWN',
      'crop',
      `${crop} has no maximum yield: use one of ${Object.keys(CROPS).join(', ')}, or first set your own with PUT /api/v1/crop-yield-limits/${crop}`,
    );
  }

  private async checkOwners(organizationId: string, partnerIds: readonly string[], manager: EntityManager): Promise<void> {
    const found = new Set((await this.partners.findMany(organizationId, partnerIds, manager)).map((partner) => partner.id));
    const missing = partnerIds.filter((id) => !found.has(id));
    if (missing.length) {
      throw new DomainException('OWNER_PARTNER_NOT_FOUND', `ownerPartnerIds: no partner ${missing.join(', ')} in your organization`, 'validation', {
        field: 'ownerPartnerIds',
        missing,
      });
    }
  }

  private uniqueIds(ids: readonly string[]): string[] {
    return [...new Set(ids.map((id) => id.toLowerCase()))];
  }

  private ceiling(area: GrowingArea, limits: ReadonlyMap<string, string>): Pick<GrowingAreaView, 'effectiveMaxYieldTPerHa' | 'maxYieldSource' | 'maxHarvestT'> {
    const effective = effectiveMaxYield(area.crop, canonicalDecimal(area.maxYieldTPerHa), limits);
    if (!effective) return { effectiveMaxYieldTPerHa: null, maxYieldSource: null, maxHarvestT: null };
    return {
      effectiveMaxYieldTPerHa: effective.maxYieldTPerHa,
      maxYieldSource: effective.source,
      maxHarvestT: new Decimal(area.areaHa).times(effective.maxYieldTPerHa).toFixed(),
    };
  }

  private async views(organizationId: string, areas: GrowingArea[]): Promise<GrowingAreaView[]> {
    const ids = areas.map((area) => area.id);
    const [owners, earliest, limits] = await Promise.all([
      this.repository.ownersOf(organizationId, ids),
      this.inputs.earliestHarvestDates(organizationId, ids),
      this.limits.forOrganization(organizationId),
    ]);
    const partners = new Map(
      (await this.partners.findMany(organizationId, [...new Set([...owners.values()].flat())])).map((partner) => [partner.id, partner]),
    );
    return areas.map((area) => {
      const ownerIds = owners.get(area.id) ?? [];
      return {
        id: area.id,
        organizationId: area.organizationId,
        code: area.code,
        issuer: area.issuer || null,
        name: area.name,
        crop: area.crop,
        variety: area.variety,
        areaHa: canonicalDecimal(area.areaHa)!,
        province: area.province,
        commune: area.commune,
        provinceCode: area.provinceCode,
        communeCode: area.communeCode,
        location: area.location,
        status: area.status,
        issuedAt: area.issuedAt,
        targetMarkets: area.targetMarkets,
        standard: area.standard,
        expectedYieldT: canonicalDecimal(area.expectedYieldT),
        maxYieldTPerHa: canonicalDecimal(area.maxYieldTPerHa),
        ...this.ceiling(area, limits),
        ownerPartnerIds: ownerIds,
        owners: ownerIds.map((id) => partners.get(id)).filter((p) => !!p).map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
        earliestHarvestDate: earliest.get(area.id) ?? null,
        createdAt: area.createdAt,
        updatedAt: area.updatedAt,
      };
    });
  }

  private async detail(organizationId: string, area: GrowingArea): Promise<GrowingAreaDetail> {
    const [[view], statusHistory] = await Promise.all([this.views(organizationId, [area]), this.repository.history(organizationId, area.id)]);
    return { ...view, statusHistory };
  }
}
