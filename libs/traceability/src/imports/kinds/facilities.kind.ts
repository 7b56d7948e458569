import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../../accounts/caller.js';
import { searchKey } from '../../common/text.js';
import { FACILITY_KINDS, type FacilityKind } from '../../registry/facilities/facility.entity.js';
import { FacilitiesService, type FacilityInput } from '../../registry/facilities/facilities.service.js';
import { choiceColumn, decimalColumn, textColumn } from '../columns.js';
import type { ImportKind, RowCells } from '../import-kind.js';
import { pointFrom } from './location.js';

const FACILITY_KIND_LABELS: Record<FacilityKind, { vi: string; en: string }> = {
  processing_plant: { vi: 'Xưởng chế biến', en: 'Processing plant' },
  packing_house: { vi: 'Cơ sở đóng gói', en: 'Packing house' },
  warehouse: { vi: 'Kho', en: 'Warehouse' },
};

/** A facility is found again by its official code, else kind + name. */
export function facilityKey(f: { kind: string; name: string; code?: string | null }): string {
  return f.code ? `code:${f.code.trim().toUpperCase()}` : `name:${f.kind}|${searchKey(f.name)}`;
}

/** Facilities (cơ sở): processing plants, packing houses with their code, warehouses. */
@Injectable()
export class FacilitiesImport implements ImportKind<FacilityInput> {
  readonly name = 'facilities' as const;
  readonly titleVi = 'Cơ sở';
  readonly titleEn = 'Facilities';
  readonly columns = [
    choiceColumn({ key: 'kind', vi: 'Loại cơ sở', en: 'Kind', required: true }, FACILITY_KINDS.map((value) => ({ value, ...FACILITY_KIND_LABELS[value] }))),
    textColumn({ key: 'name', vi: 'Tên cơ sở', en: 'Name', required: true, aliases: ['Tên'] }),
    textColumn({ key: 'code', vi: 'Mã số cơ sở', en: 'Code', hintVi: 'Mã số cơ sở đóng gói (nếu có)', hintEn: 'Packing-house code, if any' }),
    textColumn({ key: 'codeIssuer', vi: 'Cơ quan cấp mã', en: 'Code issuer' }),
    textColumn({ key: 'address', vi: 'Địa chỉ', en: 'Address' }),
    textColumn({ key: 'commune', vi: 'Xã', en: 'Commune' }),
    textColumn({ key: 'province', vi: 'Tỉnh', en: 'Province' }),
    decimalColumn({ key: 'latitude', vi: 'Vĩ độ', en: 'Latitude', hintVi: 'Ví dụ 21,3856', hintEn: 'e.g. 21.3856' }),
    decimalColumn({ key: 'longitude', vi: 'Kinh độ', en: 'Longitude', hintVi: 'Ví dụ 103,0159', hintEn: 'e.g. 103.0159' }),
  ];
  readonly examples: RowCells[] = [
    { kind: 'Xưởng chế biến', name: 'Xưởng xay xát HTX Thanh Xương', commune: 'Thanh Xương', province: 'Điện Biên', latitude: '21,3856', longitude: '103,0159' },
    { kind: 'Cơ sở đóng gói', name: 'Nhà đóng gói Mường Thanh', code: 'VN-DBPH-0012', codeIssuer: 'Cục BVTV', province: 'Điện Biên' },
  ];

  constructor(
    private readonly facilities: FacilitiesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  toInput(values: Record<string, unknown>): FacilityInput {
    const { latitude, longitude, ...rest } = values;
    const location = pointFrom(latitude, longitude);
    return (location ? { ...rest, location } : rest) as unknown as FacilityInput;
  }

  naturalKey(input: FacilityInput): string {
    return facilityKey({ kind: input.kind, name: String(input.name ?? ''), code: input.code });
  }

  async existingKeys(organizationId: string): Promise<Map<string, string>> {
    const rows: { id: string; kind: string; name: string; code: string | null }[] = await this.dataSource.query(`SELECT id, kind, name, code FROM facility WHERE organization_id = $1`, [organizationId]);
    return new Map(rows.map((r) => [facilityKey(r), r.id]));
  }

  check(caller: Caller, input: FacilityInput) {
    return this.facilities.check(caller, input);
  }

  create(caller: Caller, input: FacilityInput) {
    return this.facilities.create(caller, input);
  }

  update(caller: Caller, id: string, input: FacilityInput) {
    return this.facilities.update(caller, id, input);
  }
}
