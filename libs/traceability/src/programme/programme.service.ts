import { Injectable } from '@nestjs/common';
import type { Caller } from '../accounts/caller.js';
import { communeByCodeOf } from '../admin-units/admin-units.js';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { todayInVietnam } from '../registry/common/fields.js';
import { ProgrammeRepository } from './programme.repository.js';
import { periodMonths, ProgrammeRollupsRepository } from './programme-rollups.repository.js';
import { PROGRAMME_ROLLUPS_EVERY_MINUTES } from './programme-rollups.service.js';
import { nextDay, vietnamMidnight, type ProgrammeFilters, type ProgrammeOffice, type ProgrammeScope } from './programme-scope.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PERIOD_DAYS = 3 * 366;

export interface ProgrammeQuery {
  from?: string;
  to?: string;
  communeCode?: string;
  ocopGroup?: number | string;
  organizationId?: string;
}

/**
 * The province dashboard of a programme office (issue "province programme office"): every figure
 * over the cooperatives of its province that accepted its oversight, never another's
 * (docs/rules.md#oversight-is-granted-never-claimed). Cooperatives may not call it (403); a
 * cooperative outside the scope answers 404 like any other tenant's id.
 */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly rollups: ProgrammeRollupsRepository,
  ) {}

  async scope(caller: Caller, query: ProgrammeQuery): Promise<ProgrammeScope> {
    if (caller.actingFromOrganizationId) throw new DomainException('PROGRAMME_OFFICE_ONLY', 'the programme routes are read as the office itself, without X-Organization-Id', 'forbidden');
    const office = await this.repository.office(caller.organizationId);
    if (!office) throw new DomainException('PROGRAMME_OFFICE_ONLY', 'only a confirmed programme office may read the programme dashboard', 'forbidden');
    return this.scopeOf(office, this.filters(query));
  }

  /** The scope of a confirmed office for filters already checked (the worker's reports start here). */
  async scopeOf(office: ProgrammeOffice, filters: ProgrammeFilters): Promise<ProgrammeScope> {
    const overseen = await this.repository.overseen(office.id, filters.communeCode);
    let organizationIds = overseen.map((o) => o.id);
    if (filters.organizationId) {
      // Another province's cooperative, an unlinked one, or one in another commune: not found.
      if (!organizationIds.includes(filters.organizationId)) throw notFound('Organization', filters.organizationId);
      organizationIds = [filters.organizationId];
    }
    return { office, organizationIds, filters, start: vietnamMidnight(filters.from), end: vietnamMidnight(nextDay(filters.to)), asOf: filters.to };
  }

  /** Every figure of the dashboard, with when each section was computed (`freshness`). */
  async dashboard(caller: Caller, query: ProgrammeQuery) {
    return this.figures(await this.scope(caller, query));
  }

  /**
   * The dashboard's figures over a scope. What grows with every lot and scan (lots, mass, labels,
   * scans and clients by month, coverage's lots, copied labels) is read from the worker's rollups;
   * what stays small (cooperatives' activity, certificates, growing areas, recalls, yield overrides)
   * is computed live. `freshness` says which, and when each was computed.
   */
  async figures(scope: ProgrammeScope) {
    const months = periodMonths(scope.filters.from, scope.filters.to, todayInVietnam());
    const [cooperatives, ocop, coverage, growingAreas, monthly, recalls, yieldOverrides, copiedLabels, state] = await Promise.all([
      this.repository.cooperatives(scope),
      this.repository.ocop(scope),
      this.rollups.coverage(scope, months),
      this.repository.growingAreas(scope),
      this.rollups.monthly(scope, months),
      this.repository.recalls(scope),
      this.repository.yieldOverrides(scope),
      this.rollups.copiedLabels(scope),
      this.rollups.state(),
    ]);
    const covered = coverage.filter((row) => row.shortfall === null).length;
    const now = new Date();
    const live = { source: 'live', computedAt: now };
    const rollup = { source: 'rollup', computedAt: state.refreshedAt, refreshEveryMinutes: PROGRAMME_ROLLUPS_EVERY_MINUTES };
    return {
      office: { id: scope.office.id, name: scope.office.name, province: scope.office.province, provinceCode: scope.office.provinceCode },
      period: { from: scope.filters.from, to: scope.filters.to, asOf: scope.asOf },
      filters: { communeCode: scope.filters.communeCode ?? null, ocopGroup: scope.filters.ocopGroup ?? null, organizationId: scope.filters.organizationId ?? null },
      computedAt: now,
      freshness: { cooperatives: live, ocop: live, coverage: rollup, growingAreas: live, monthly: rollup, recalls: live, signals: rollup },
      cooperatives,
      ocop,
      coverage: {
        certifiedProducts: coverage.length,
        covered,
        share: coverage.length ? Number((covered / coverage.length).toFixed(4)) : null,
        shortfalls: {
          noLots: coverage.filter((row) => row.shortfall === 'no_lots').length,
          noGrowingArea: coverage.filter((row) => row.shortfall === 'no_growing_area').length,
          noLabels: coverage.filter((row) => row.shortfall === 'no_labels').length,
        },
      },
      growingAreas,
      monthly,
      recalls: { open: recalls.length, items: recalls },
      signals: { yieldOverrides, copiedLabels },
    };
  }

  /** Coverage per product (from the rollups, `computedAt` = their last refresh). */
  async coverage(caller: Caller, query: ProgrammeQuery) {
    const scope = await this.scope(caller, query);
    const [items, state] = await Promise.all([this.rollups.coverage(scope, periodMonths(scope.filters.from, scope.filters.to, todayInVietnam())), this.rollups.state()]);
    return { items, computedAt: state.refreshedAt };
  }

  async certificates(caller: Caller, query: ProgrammeQuery & { state?: string }) {
    const state = query.state ?? 'valid';
    if (!['valid', 'expiring90', 'expiring30', 'expired'].includes(state)) throw new InvalidFieldException('VALIDATION_FAILED', 'state', 'one of valid, expiring90, expiring30, expired', 'bad_request');
    return { items: await this.repository.certificates(await this.scope(caller, query), state as 'valid') };
  }

  async cooperatives(caller: Caller, query: ProgrammeQuery) {
    return { items: await this.cooperativeRows(await this.scope(caller, query)) };
  }

  async cooperative(caller: Caller, organizationId: string, query: ProgrammeQuery) {
    const [row] = await this.cooperativeRows(await this.scope(caller, { ...query, organizationId }));
    return row;
  }

  /** Per cooperative: activity, areas and certificates live; lots made in the period from the rollups. */
  private async cooperativeRows(scope: ProgrammeScope) {
    const [rows, lots] = await Promise.all([
      this.repository.cooperativeRows(scope),
      this.rollups.lotsPerOrganization(scope, periodMonths(scope.filters.from, scope.filters.to, todayInVietnam())),
    ]);
    return rows.map((row: { id: string }) => ({ ...row, lots: lots.get(row.id) ?? 0 }));
  }

  async lots(caller: Caller, organizationId: string, query: ProgrammeQuery & { limit?: number | string; offset?: number | string }) {
    const scope = await this.scope(caller, { ...query, organizationId });
    const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), 200);
    const offset = Math.max(Number(query.offset ?? 0) || 0, 0);
    return { items: await this.repository.lots(scope, organizationId, { limit, offset }), limit, offset };
  }

  async growingAreas(caller: Caller, query: ProgrammeQuery) {
    return { items: await this.repository.areas(await this.scope(caller, query)) };
  }

  private filters(query: ProgrammeQuery): ProgrammeFilters {
    const today = todayInVietnam();
    const to = query.to ?? today;
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)
        throw new InvalidFieldException('VALIDATION_FAILED', field, 'a local date YYYY-MM-DD', 'bad_request');
    }
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (days < 0) throw new InvalidFieldException('PERIOD_REVERSED', 'from', 'the period starts after it ends');
    if (days > MAX_PERIOD_DAYS) throw new InvalidFieldException('PERIOD_TOO_LONG', 'from', 'a period is at most three years');
    let ocopGroup: number | null = null;
    if (query.ocopGroup !== undefined && query.ocopGroup !== '') {
      ocopGroup = Number(query.ocopGroup);
      if (!Number.isInteger(ocopGroup) || ocopGroup < 1 || ocopGroup > 6) throw new InvalidFieldException('VALIDATION_FAILED', 'ocopGroup', 'an OCOP product group from 1 to 6', 'bad_request');
    }
    const communeCode = query.communeCode || null;
    if (communeCode && !communeByCodeOf(communeCode)) throw new InvalidFieldException('UNKNOWN_COMMUNE', 'communeCode', `no commune has code "${communeCode}"`);
    const organizationId = query.organizationId || null;
    if (organizationId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organizationId))
      throw new InvalidFieldException('INVALID_ID', 'organizationId', 'a UUID', 'bad_request');
    return { from, to, communeCode, ocopGroup, organizationId };
  }
}
