import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '@app/database';
import { placeValues } from '../../admin-units/admin-units.js';
import type { Caller } from '../../accounts/caller.js';
import { DomainException, InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { GeoJsonPoint, validateGeoJson } from '../../common/geojson.js';
import { normalizeGln } from '../../common/gs1.js';
import { searchKey } from '../../common/text.js';
import { optionalText, rejectNull, requiredText } from '../common/fields.js';
import type { Page } from '../common/listing.js';
import { Facility, FacilityCodeStatus, FacilityKind } from './facility.entity.js';
import { FacilitiesRepository, FacilityListQuery, FacilityValues } from './facilities.repository.js';

export interface FacilityInput {
  kind: FacilityKind;
  name: string;
  /** Official code, e.g. a packing house's mã số cơ sở đóng gói. */
  code?: string | null;
  codeIssuer?: string | null;
  codeStatus?: FacilityCodeStatus | null;
  address?: string | null;
  commune?: string | null;
  province?: string | null;
  /** Official codes (GET /api/v1/admin-units/…): win over the texts, which are then set from them. */
  provinceCode?: string | null;
  communeCode?: string | null;
  gln?: string | null;
  /** GeoJSON Point (or a Feature holding one), WGS 84. */
  location?: unknown;
}

export type FacilityView = Omit<Facility, 'nameSearch'>;

/** Processing plants, packing houses (with their official code and its status) and warehouses. */
@Injectable()
export class FacilitiesService {
  constructor(
    private readonly repository: FacilitiesRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(caller: Caller, input: FacilityInput): Promise<FacilityView> {
    const values = this.prepare(input);
    const merged = { code: null, codeIssuer: null, codeStatus: null, ...values };
    this.checkCode(merged);
    if (merged.code !== null) merged.codeStatus ??= 'active';
    return this.view(await this.repository.insert(caller.organizationId, merged as FacilityValues));
  }

  /** Every check create() makes before writing, without writing (an import's dry run). */
  async check(_caller: Caller, input: FacilityInput): Promise<void> {
    this.checkCode({ code: null, codeIssuer: null, codeStatus: null, ...this.prepare(input) });
  }

  async get(caller: Caller, id: string): Promise<FacilityView> {
    const facility = await this.repository.find(caller.organizationId, id);
    if (!facility) throw notFound('Facility', id);
    return this.view(facility);
  }

  async update(caller: Caller, id: string, patch: Partial<FacilityInput>): Promise<FacilityView> {
    const values = this.prepare(patch);
    const facility = await inTransaction(this.dataSource, async (manager) => {
      const existing = await this.repository.findForUpdate(caller.organizationId, id, manager);
      if (!existing) throw notFound('Facility', id);
      const merged = { code: existing.code, codeIssuer: existing.codeIssuer, codeStatus: existing.codeStatus, ...values };
      if (values.code === null) {
        // Removing the code removes its issuer and status too (unless the same request sets them).
        this.checkCode({ code: null, codeIssuer: values.codeIssuer, codeStatus: values.codeStatus });
        Object.assign(values, { codeIssuer: null, codeStatus: null });
      } else {
        this.checkCode(merged);
      }
      if (merged.code !== null && merged.codeStatus === null) values.codeStatus = 'active';
      return this.repository.update(caller.organizationId, existing, values, manager);
    });
    return this.view(facility);
  }

  async list(caller: Caller, query: FacilityListQuery): Promise<Page<FacilityView>> {
    const page = await this.repository.list(caller.organizationId, query);
    return { ...page, items: page.items.map((facility) => this.view(facility)) };
  }

  /** A facility of the organization, or null (for other services checking references). */
  find(organizationId: string, id: string): Promise<Facility | null> {
    return this.repository.find(organizationId, id);
  }

  private prepare(input: Partial<FacilityInput>): Partial<FacilityValues> {
    rejectNull(input, ['kind', 'name']);
    const values: Partial<FacilityValues> = {};
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.name !== undefined) {
      values.name = requiredText(input.name, 'name');
      values.nameSearch = searchKey(values.name);
    }
    Object.assign(values, placeValues(input));
    for (const field of ['code', 'codeIssuer', 'address'] as const) {
      const text = optionalText(input[field]);
      if (text !== undefined) values[field] = text;
    }
    if (input.codeStatus !== undefined) values.codeStatus = input.codeStatus;
    if (input.gln !== undefined) values.gln = input.gln === null || input.gln.trim() === '' ? null : normalizeGln(input.gln, 'gln');
    if (input.location !== undefined) values.location = input.location === null ? null : this.point(input.location);
    return values;
  }

  /** A code's issuer and status only mean something with a code. */
  private checkCode(values: { code?: string | null; codeIssuer?: string | null; codeStatus?: FacilityCodeStatus | null }): void {
    if (values.code) return;
    const orphan = values.codeIssuer ? 'codeIssuer' : values.codeStatus ? 'codeStatus' : null;
    if (orphan) throw new InvalidFieldException('FACILITY_CODE_REQUIRED', 'code', `${orphan} is given but the facility has no code`);
  }

  /** A facility is a place: its location is a GeoJSON Point. */
  private point(location: unknown): GeoJsonPoint {
    const geometry = validateGeoJson(location, 'location');
    if (geometry.type !== 'Point') {
      throw new DomainException('GEOJSON_INVALID', `location: a facility's location is a GeoJSON Point, got ${geometry.type}`, 'validation', {
        field: 'location',
        errors: [`type must be Point, got ${geometry.type}`],
      });
    }
    return geometry;
  }

  private view(facility: Facility): FacilityView {
    const { nameSearch: _search, ...view } = facility;
    return view;
  }
}
