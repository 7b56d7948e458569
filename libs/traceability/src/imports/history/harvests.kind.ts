import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import type { Db } from '@app/database';
import { toLocalDate, type DateTimeWithOffset } from '../../common/dates.js';
import { DomainException, InvalidFieldException } from '../../common/domain.exception.js';
import { normalizeLotCode } from '../../common/gs1.js';
import { timeOrderedUuid } from '../../common/time-ordered-id.js';
import { parseQuantity, parseUnit, type Unit } from '../../common/units.js';
import { GrowingAreasService, type HarvestRules } from '../../registry/growing-areas/growing-areas.service.js';
import { checkSeasonYield, FALLBACK_MAX_YIELD_T_PER_HA, inTonnes, seasonOf, worstPhiBlocker } from '../../registry/growing-areas/harvest-policy.js';
import { CLOCK, type Clock } from '../../lots/clock.js';
import type { NewLot } from '../../lots/events.repository.js';
import type { ProductRecord } from '../../lots/lot-registry.repository.js';
import { LotsRepository } from '../../lots/lots.repository.js';
import { LotCodes } from '../../lots/operations/lot-codes.js';
import { lotMasterData, newLotBase } from '../../lots/operations/lot-rules.js';
import { pastDateTime } from '../../lots/operations/operation-time.js';
import { choiceColumn, dateColumn, decimalColumn, phoneColumn, textColumn } from '../columns.js';
import type { RowCells } from '../import-kind.js';
import type { RowError } from '../row-errors.js';
import type { SheetRow } from '../spreadsheet.js';
import { growingAreaKey } from '../kinds/growing-areas.kind.js';
import { ChainWriter, type ChunkEvent } from './chain-writer.js';
import { errorsAt, readRowCells } from './history-cells.js';
import type { CheckedRow, HistoryKind, HistoryRun, HistoryRunOptions } from './history-kind.js';
import { anyImportedKeys, importedKeys, recordKeys } from './record-keys.js';
import { householdsOf, productsOf, uniqueMatch } from './registry-lookups.js';

const D = Decimal.clone({ precision: 40 });

export const UNIT_CHOICES = [
  { value: 'kg', vi: 'kg', en: 'kg' },
  { value: 't', vi: 'tấn', en: 'tonne' },
  { value: 'g', vi: 'gam', en: 'gram' },
  { value: 'l', vi: 'lít', en: 'litre' },
  { value: 'ml', vi: 'ml', en: 'ml' },
  { value: 'pcs', vi: 'cái', en: 'piece' },
  { value: 'pack', vi: 'gói', en: 'pack' },
] satisfies { value: Unit; vi: string; en: string }[];

/** A harvest row as checked: what HarvestOperation would record for it. */
interface HarvestPlan {
  key: string;
  area: HarvestRules['area'];
  product: ProductRecord;
  harvested: DateTimeWithOffset;
  quantity: string;
  unit: Unit;
  partnerId: string | null;
  lotCode: string | null;
  yieldCheck?: Record<string, unknown>;
  yieldOverride?: Record<string, unknown>;
  yieldReason: string | null;
}

/**
 * A harvest is found again by its lot code when the row gives one, else by everything it says
 * (area, product, day, quantity, unit, household): two rows saying exactly the same are one harvest
 * (IMPORT_DUPLICATE_ROW); give lot codes to tell real twins apart.
 */
export function harvestKey(p: Pick<HarvestPlan, 'lotCode' | 'area' | 'product' | 'harvested' | 'quantity' | 'unit' | 'partnerId'>): string {
  if (p.lotCode) return `lot:${p.lotCode}`;
  return `h:${p.area.id}|${p.product.id}|${p.harvested.instant.toISOString()}|${p.quantity}|${p.unit}|${p.partnerId ?? ''}`;
}

/**
 * Historical harvests (docs/domain.md, "Historical imports"): each row a harvest lot from a growing
 * area named by its code, judged by HarvestOperation's rules (area active that day, pre-harvest
 * intervals, the household owning the area, the season's plausible yield with the rows above it
 * counted, lot code free) and recorded as the same commissioning event on the hash chain.
 */
@Injectable()
export class HarvestsImport implements HistoryKind {
  readonly history = true as const;
  readonly name = 'harvests' as const;
  readonly titleVi = 'Thu hoạch (lịch sử)';
  readonly titleEn = 'Harvests (history)';
  readonly columns = [
    textColumn({ key: 'growingArea', vi: 'Mã số vùng trồng', en: 'Growing-area code', required: true, aliases: ['Mã vùng trồng', 'Vùng trồng'] }),
    textColumn({ key: 'product', vi: 'Sản phẩm', en: 'Product', required: true, hintVi: 'Tên sản phẩm đã đăng ký hoặc mã GTIN', hintEn: 'Name of a registered product, or its GTIN' }),
    dateColumn({ key: 'date', vi: 'Ngày thu hoạch', en: 'Harvested on', required: true, aliases: ['Ngày thu', 'Ngày'] }),
    decimalColumn({ key: 'quantity', vi: 'Số lượng', en: 'Quantity', required: true, aliases: ['Sản lượng', 'Khối lượng'] }),
    choiceColumn({ key: 'unit', vi: 'Đơn vị', en: 'Unit', required: true, aliases: ['ĐVT'] }, UNIT_CHOICES),
    phoneColumn({ key: 'partner', vi: 'Hộ thu hoạch', en: 'Household', aliases: ['Chủ hộ', 'Hộ'], hintVi: 'SĐT, số CCCD hoặc tên hộ thành viên', hintEn: 'Phone, citizen ID or name of a member household' }),
    textColumn({ key: 'lotCode', vi: 'Mã lô', en: 'Lot code', hintVi: 'Để trống để tự cấp mã', hintEn: 'Leave empty to have one generated' }),
    textColumn({ key: 'yieldWarningReason', vi: 'Lý do vượt năng suất', en: 'Reason for a yield above the maximum' }),
  ];
  readonly examples: RowCells[] = [
    { growingArea: 'VN-DBRO-0101', product: 'Gạo nếp Séng Cù', date: '15/10/2025', quantity: '1.250', unit: 'kg', partner: '0912 345 678', lotCode: 'SC-2025-001' },
    { growingArea: 'VN-DBRO-0101', product: 'Gạo nếp Séng Cù', date: '16/10/2025', quantity: '980,5', unit: 'kg' },
  ];

  constructor(
    private readonly areas: GrowingAreasService,
    private readonly lots: LotsRepository,
    private readonly codes: LotCodes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The organization's growing areas, in id order (the order every harvest locks them in). */
  async lock(organizationId: string, db: Db): Promise<void> {
    await db.query(`SELECT id FROM growing_area WHERE organization_id = $1 ORDER BY id FOR UPDATE`, [organizationId]);
  }

  async begin(options: HistoryRunOptions): Promise<HistoryRun<HarvestPlan>> {
    const organizationId = options.caller.organizationId;
    const db = options.db as EntityManager;
    const areaIds = new Map<string, string>();
    for (const a of await db.query(`SELECT id, code, issuer FROM growing_area WHERE organization_id = $1`, [organizationId])) {
      areaIds.set(growingAreaKey({ code: a.code }), a.id);
      areaIds.set(growingAreaKey(a), a.id);
    }
    const products = await productsOf(db, organizationId);
    const households = await householdsOf(db, organizationId);
    const rules = new Map<string, HarvestRules>();
    const seasonTotals = new Map<string, string>();
    /** Rows by the digest of their natural key: 100,000 keys of ~150 characters (made of many pieces) would hold ~100 MB. */
    const seen = new Map<string, number>();
    // A file repeats the same few dates, products and households thousands of times: each is read once.
    const dates = new Map<string, ReturnType<typeof pastDateTime> | Error>();
    const productOf = new Map<string, ProductRecord | Error>();
    const partnerOf = new Map<string, Awaited<ReturnType<typeof householdsOf>> extends Map<string, (infer H)[]> ? H | Error : never>();
    const chain = new ChainWriter(db, organizationId);
    // Natural keys are looked up only when an earlier harvest import made some (the commit holds the areas' lock, so no other can meanwhile).
    const anyImported = await anyImportedKeys(db, organizationId, this.name);
    const { header, caller, importId } = options;
    const columns = this.columns;

    const areaRules = async (code: string): Promise<HarvestRules> => {
      const id = areaIds.get(growingAreaKey({ code }));
      if (!id) throw new InvalidFieldException('GROWING_AREA_NOT_FOUND', 'growingArea', `no growing area with the code "${code}"; import it first`);
      let found = rules.get(id);
      if (!found) {
        await chain.settle();
        found = await this.areas.harvestRules(organizationId, id, { manager: db });
        rules.set(id, found);
      }
      return found;
    };

    /** Earlier harvests of the area's season in tonnes: the database's once, then kept up to date here. */
    const seasonTotal = async (area: HarvestRules['area'], at: Date): Promise<{ key: string; total: string; season: string }> => {
      const season = seasonOf(at);
      const key = `${area.id}|${season.season}`;
      let total = seasonTotals.get(key);
      if (total === undefined) {
        await chain.settle();
        const earlier = await this.lots.seasonHarvests(organizationId, area.id, season.from, season.to, db);
        total = earlier
          .map((lot) => inTonnes(lot.quantity, lot.unit, lot))
          .filter((t): t is string => t !== null)
          .reduce((sum, t) => sum.plus(t), new D(0))
          .toFixed();
        seasonTotals.set(key, total);
      }
      return { key, total, season: season.season };
    };

    /** HarvestOperation's checks of one row, but the season yield (judged in file order below). */
    const checkRow = async (values: Record<string, unknown>): Promise<HarvestPlan> => {
      const problems: unknown[] = [];
      const attempt = <T>(f: () => T): T | undefined => {
        try {
          return f();
        } catch (error) {
          problems.push(error);
          return undefined;
        }
      };
      const quantity = attempt(() => parseQuantity(values.quantity, 'quantity'));
      const unit = attempt(() => parseUnit(values.unit, 'unit'));
      const harvested = attempt(() => remembered(dates, String(values.date ?? ''), (date) => pastDateTime(this.clock, date, 'harvestedAt', 'HARVEST_DATE_IN_FUTURE')));
      const lotCode = values.lotCode === undefined ? null : attempt(() => normalizeLotCode(String(values.lotCode), 'lotCode'));
      const product = attempt(() => remembered(productOf, String(values.product ?? ''), (text) => uniqueMatch(products, text, 'product', 'PRODUCT')));
      const partner = values.partner === undefined ? null : attempt(() => remembered(partnerOf, String(values.partner), (text) => uniqueMatch(households, text, 'partner', 'PARTNER')));
      let rulesOfArea: HarvestRules | undefined;
      try {
        rulesOfArea = await areaRules(String(values.growingArea ?? ''));
      } catch (error) {
        problems.push(error);
      }
      if (problems.length) throw new ManyProblems(problems);
      const area = rulesOfArea!.area;
      if (partner) {
        if (partner.kind !== 'member_household') throw new InvalidFieldException('PARTNER_NOT_HOUSEHOLD', 'partnerId', `a harvest is by a member household; ${partner.name} is a ${partner.kind}`);
        if (area.ownerPartnerIds.length && !area.ownerPartnerIds.includes(partner.id)) {
          throw new InvalidFieldException('PARTNER_NOT_AREA_OWNER', 'partnerId', `${partner.name} is not among the households of this growing area`);
        }
      }
      const at = harvested!;
      const dateOnly = /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(String(values.date));
      const statusInstant = dateOnly ? new Date(Math.min(at.instant.getTime() + 86_400_000 - 1, this.clock.now().getTime())) : at.instant;
      const status = rulesOfArea!.statusAt(statusInstant);
      const localDate = toLocalDate(at.instant, at.offset);
      if (status !== 'active') {
        throw new DomainException(
          'GROWING_AREA_NOT_ACTIVE',
          `growingAreaId: growing area ${area.code} was ${status ?? 'not yet registered'} on ${localDate}; harvests are accepted only from an active area`,
          'validation',
          { field: 'growingAreaId', growingAreaId: area.id, status, date: localDate },
        );
      }
      const phi = worstPhiBlocker(rulesOfArea!.phiBlockers(localDate));
      if (phi) {
        throw new DomainException(
          'HARVEST_INSIDE_PHI',
          `harvestedAt: ${phi.productName} was applied on ${phi.appliedAt} with a pre-harvest interval of ${phi.phiDays} days; harvest from ${phi.earliestHarvestDate}`,
          'validation',
          { field: 'harvestedAt', ...phi },
        );
      }
      const plan = { area, product: product!, harvested: at, quantity: quantity!, unit: unit!, partnerId: partner?.id ?? null, lotCode: lotCode ?? null };
      return { ...plan, key: harvestKey(plan), yieldReason: typeof values.yieldWarningReason === 'string' ? values.yieldWarningReason.trim() || null : null };
    };

    /** HarvestOperation.checkYield with the season's total so far (the database's plus the rows above). */
    const checkYield = async (plan: HarvestPlan): Promise<void> => {
      const thisT = inTonnes(plan.quantity, plan.unit, plan.product);
      if (thisT === null) {
        plan.yieldCheck = { skipped: `a quantity in ${plan.unit} cannot be weighed` };
        return;
      }
      const { key, total, season } = await seasonTotal(plan.area, plan.harvested.instant);
      const area = plan.area;
      const check = checkSeasonYield(area.areaHa, area.maxYieldTPerHa ?? FALLBACK_MAX_YIELD_T_PER_HA, area.seasonsPerYear, [total], thisT, season);
      const { exceeded, ...figures } = check;
      const source = area.maxYieldTPerHa ? area.maxYieldSource : 'fallback';
      if (exceeded && !plan.yieldReason) {
        throw new DomainException(
          'HARVEST_YIELD_IMPLAUSIBLE',
          `quantity: the ${check.season} total from this growing area would be ${check.seasonTotalT} t, above ${check.areaHa} ha × ${check.maxYieldTPerHa} t/ha × ${check.seasonsPerYear} season(s) = ${check.limitT} t; give a reason in the column "Lý do vượt năng suất" if it is right`,
          'validation',
          { field: 'quantity', growingAreaId: area.id, ...figures },
        );
      }
      plan.yieldCheck = { ...figures, maxYieldSource: source, exceeded };
      if (exceeded) plan.yieldOverride = { ...figures, reason: plan.yieldReason };
      seasonTotals.set(key, new D(total).plus(thisT).toFixed());
    };

    /** The dry run reads the rules of a chunk's new areas side by side (a transaction reads them one by one as rows reach them). */
    const prefetch = async (rows: SheetRow[]): Promise<void> => {
      if (importId) return;
      const position = header.positions.growingArea;
      const codes = new Set(rows.map((r) => String(r.cells[position] ?? '').normalize('NFC').trim()));
      const ids = [...codes].map((code) => areaIds.get(growingAreaKey({ code }))).filter((id): id is string => !!id && !rules.has(id));
      for (let i = 0; i < ids.length; i += 8) {
        await Promise.all(ids.slice(i, i + 8).map(async (id) => rules.set(id, await this.areas.harvestRules(organizationId, id, { manager: db }))));
      }
    };

    return {
      check: async (rows: SheetRow[], errors: RowError[]): Promise<CheckedRow<HarvestPlan>[]> => {
        await prefetch(rows);
        const checked: (CheckedRow<HarvestPlan> & { failed?: boolean })[] = [];
        for (const { row, cells } of rows) {
          const values = readRowCells(columns, header, row, cells, errors);
          if (!values) {
            checked.push({ row, plan: null, exists: false });
            continue;
          }
          try {
            const plan = await checkRow(values);
            const digest = keyDigest(plan.key);
            const first = seen.get(digest);
            if (first !== undefined) throw new DomainException('IMPORT_DUPLICATE_ROW', `row ${row} names the same harvest as row ${first}`, 'validation', { firstRow: first });
            seen.set(digest, row);
            checked.push({ row, plan, exists: false });
          } catch (error) {
            for (const e of error instanceof ManyProblems ? error.problems : [error]) errors.push(...errorsAt(e, row, header, columns));
            checked.push({ row, plan: null, exists: false });
          }
        }
        // Rows an earlier import made are left alone; lot codes must be free (LOT_CODE_TAKEN, as the API answers).
        const planned = checked.filter((c) => c.plan);
        // The transaction's connection is free again (the last chunk's statements done) before it is asked anything.
        if (anyImported || codesOf(checked).length) await chain.settle();
        const imported = anyImported ? await importedKeys(db, organizationId, this.name, planned.map((c) => c.plan!.key)) : new Set<string>();
        const codes = planned.filter((c) => !imported.has(c.plan!.key) && c.plan!.lotCode).map((c) => c.plan!.lotCode!);
        const taken = new Set(await this.lots.codesTaken(organizationId, codes, db));
        for (const c of planned) {
          const plan = c.plan!;
          try {
            if (imported.has(plan.key)) {
              c.exists = true;
              continue;
            }
            if (plan.lotCode && taken.has(plan.lotCode)) {
              throw new DomainException('LOT_CODE_TAKEN', `lotCode: another lot of this organization already has the code ${plan.lotCode}`, 'conflict', { field: 'lotCode', lotCode: plan.lotCode });
            }
            await checkYield(plan);
          } catch (error) {
            errors.push(...errorsAt(error, c.row, header, columns));
            c.plan = null;
          }
        }
        return checked;
      },

      write: async (rows: CheckedRow<HarvestPlan>[]): Promise<number> => {
        const plans = rows.filter((r) => r.plan && !r.exists).map((r) => ({ row: r.row, plan: r.plan! }));
        if (!plans.length) return 0;
        await chain.settle();
        // Generated codes, drawn per product and year as HarvestOperation draws them.
        const needCodes = new Map<string, { row: number; plan: HarvestPlan }[]>();
        for (const p of plans) {
          if (p.plan.lotCode) continue;
          const year = toLocalDate(p.plan.harvested.instant, p.plan.harvested.offset).slice(0, 4);
          const group = `${p.plan.product.id}|${year}`;
          needCodes.set(group, [...(needCodes.get(group) ?? []), p]);
        }
        // A code typed on a row of this chunk is not in the database yet: the draw skips it too.
        const typed = new Set(plans.filter((p) => p.plan.lotCode).map((p) => p.plan.lotCode!));
        const codeOf = new Map<number, string>();
        for (const group of needCodes.values()) {
          const drawn = await this.codes.generate(organizationId, group[0].plan.product, group[0].plan.harvested, group.length, db, true, typed);
          group.forEach((p, i) => codeOf.set(p.row, drawn[i]));
        }
        const recordTime = this.clock.now();
        const lots: NewLot[] = [];
        const events: ChunkEvent[] = [];
        const made: { key: string; recordId: string }[] = [];
        for (const { row, plan } of plans) {
          const lot: NewLot = {
            ...newLotBase(plan.product, plan.harvested),
            code: plan.lotCode ?? codeOf.get(row)!,
            displayName: null,
            kind: 'harvest',
            quantity: plan.quantity,
            unit: plan.unit,
            growingAreaId: plan.area.id,
            householdPartnerId: plan.partnerId,
          };
          const details: Record<string, unknown> = {
            lots: [lotMasterData(lot)],
            growingArea: { code: plan.area.code, name: plan.area.name, crop: plan.area.crop },
            yieldCheck: plan.yieldCheck,
            import: { id: importId, row },
          };
          if (plan.yieldOverride) details.yieldOverride = plan.yieldOverride;
          lots.push(lot);
          events.push({
            row: {
              id: timeOrderedUuid(),
              type: 'harvest',
              epcisEventType: 'ObjectEvent',
              action: 'ADD',
              bizStep: 'commissioning',
              disposition: 'active',
              eventTime: plan.harvested.instant,
              eventTimeOffset: plan.harvested.offset,
              recordTime,
              recordedBy: caller.userId,
              growingAreaId: plan.area.id,
              facilityId: null,
              sourcePartnerId: plan.partnerId,
              destinationPartnerId: null,
              documents: [],
              details,
              voidsEventId: null,
              reason: null,
            },
            lines: [{ lotId: lot.id, direction: 'output', quantity: plan.quantity, unit: plan.unit, quantityInLotUnit: plan.quantity }],
          });
          made.push({ key: plan.key, recordId: lot.id });
        }
        await chain.write(events, lots, () => recordKeys(db, organizationId, this.name, importId!, made));
        return plans.length;
      },

      finish: () => chain.finish(),
      quiesce: () => chain.settle().catch(() => undefined),
    };
  }
}

/** A short flat string for a natural key (sha1, base64): what the file's rows are told apart by. */
function keyDigest(key: string): string {
  return createHash('sha1').update(key).digest('base64');
}

/** The lot codes rows give. */
function codesOf(rows: CheckedRow<HarvestPlan>[]): string[] {
  return rows.filter((c) => c.plan?.lotCode).map((c) => c.plan!.lotCode!);
}

/** f(key), computed once per key; what it throws is thrown again for the same key. */
function remembered<T>(memo: Map<string, T | Error>, key: string, f: (key: string) => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    try {
      value = f(key);
    } catch (error) {
      value = error as Error;
    }
    if (memo.size < 100_000) memo.set(key, value);
  }
  if (value instanceof Error) throw value;
  return value;
}

/** Several cells of one row break the operation's rules at once: each is reported. */
class ManyProblems extends Error {
  constructor(readonly problems: unknown[]) {
    super(`${problems.length} problems`);
  }
}
