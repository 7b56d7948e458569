import { Injectable } from '@nestjs/common';
import type { Caller } from '../accounts/caller.js';
import { communeByCodeOf } from '../admin-units/admin-units.js';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { todayInVietnam } from '../registry/common/fields.js';
import { ProgrammeRepository } from './programme.repository.js';
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
  constructor(private readonly repository: ProgrammeRepository) {}

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

  /** Every figure of the dashboard, with when it was computed (they are computed live). */
  async dashboard(caller: Caller, query: ProgrammeQuery) {
    return this.figures(await this.scope(caller, query));
  }

  /** The dashboard's figures over a scope. */
  async figures(scope: ProgrammeScope) {
    const [cooperatives, ocop, coverage, growingAreas, monthly, recalls, signals] = await Promise.all([
      this.repository.cooperatives(scope),
      this.repository.ocop(scope),
      this.repository.coverage(scope),
      this.repository.growingAreas(scope),
      this.repository.monthly(scope),
      this.repository.recalls(scope),
      this.repository.signals(scope),
    ]);
    const covered = coverage.filter((row) => row.shortfall === null).length;
    return {
      office: { id: scope.office.id, name: scope.office.name, province: scope.office.province, provinceCode: scope.office.provinceCode },
      period: { from: scope.filters.from, to: scope.filters.to, asOf: scope.asOf },
      filters: { communeCode: scope.filters.communeCode ?? null, ocopGroup: scope.filters.ocopGroup ?? null, organizationId: scope.filters.organizationId ?? null },
      computedAt: new Date(),
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
      signals,
    };
  }

  async coverage(caller: Caller, query: ProgrammeQuery) {
    return { items: await this.repository.coverage(await this.scope(caller, query)) };
  }

  async certificates(caller: Caller, query: ProgrammeQuery & { state?: string }) {
    const state = query.state ?? 'valid';
    if (!['valid', 'expiring90', 'expiring30', 'expired'].includes(state)) throw new InvalidFieldException('VALIDATION_FAILED', 'state', 'one of valid, expiring90, expiring30, expired', 'bad_request');
    return { items: await this.repository.certificates(await this.scope(caller, query), state as 'valid') };
  }

  async cooperatives(caller: Caller, query: ProgrammeQuery) {
    return { items: await this.repository.cooperativeRows(await this.scope(caller, query)) };
  }

  async cooperative(caller: Caller, organizationId: string, query: ProgrammeQuery) {
    const scope = await this.scope(caller, { ...query, organizationId });
    const [row] = await this.repository.cooperativeRows(scope);
    return row;
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
