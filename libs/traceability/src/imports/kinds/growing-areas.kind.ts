import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../../accounts/caller.js';
import { InvalidFieldException } from '../../common/domain.exception.js';
import { searchKey } from '../../common/text.js';
import { CROPS } from '../../registry/growing-areas/crop-yields.js';
import { type GrowingAreaInput, GrowingAreasService } from '../../registry/growing-areas/growing-areas.service.js';
import { choiceColumn, dateColumn, decimalColumn, listOf, textColumn } from '../columns.js';
import type { ImportContext, ImportKind, RowCells } from '../import-kind.js';
import { pointFrom } from './location.js';

/** A growing area is found again by its official code and issuer (the code identifies one field). */
export function growingAreaKey(a: { code: string; issuer?: string | null }): string {
  return `${(a.issuer ?? '').normalize('NFC').trim().replace(/\s+/g, ' ')}|${a.code.normalize('NFC').trim()}`;
}

const OWNERS = 'owners';

/** Growing areas (vùng trồng) with their owner households, named by phone, citizen id or name. */
@Injectable()
export class GrowingAreasImport implements ImportKind<GrowingAreaInput> {
  readonly name = 'growing-areas' as const;
  readonly titleVi = 'Vùng trồng';
  readonly titleEn = 'Growing areas';
  readonly columns = [
    textColumn({ key: 'code', vi: 'Mã số vùng trồng', en: 'Growing-area code', required: true, aliases: ['Mã vùng trồng', 'Mã số', 'Mã'] }),
    textColumn({ key: 'issuer', vi: 'Cơ quan cấp mã', en: 'Code issuer' }),
    textColumn({ key: 'name', vi: 'Tên vùng trồng', en: 'Name', required: true, aliases: ['Tên'] }),
    choiceColumn({ key: 'crop', vi: 'Cây trồng', en: 'Crop', required: true }, Object.entries(CROPS).map(([value, c]) => ({ value, vi: c.vi, en: c.en }))),
    textColumn({ key: 'variety', vi: 'Giống', en: 'Variety' }),
    decimalColumn({ key: 'areaHa', vi: 'Diện tích (ha)', en: 'Area (ha)', required: true }),
    textColumn({ key: 'province', vi: 'Tỉnh', en: 'Province', required: true }),
    textColumn({ key: 'commune', vi: 'Xã', en: 'Commune' }),
    textColumn({ key: OWNERS, vi: 'Chủ hộ', en: 'Owner households', hintVi: 'SĐT, số CCCD hoặc tên hộ đã có trong danh sách đối tác; nhiều hộ cách nhau bởi ;', hintEn: 'Phone, citizen ID or name of a registered partner; several separated by ;' }),
    decimalColumn({ key: 'latitude', vi: 'Vĩ độ', en: 'Latitude', hintVi: 'Ví dụ 21,3856', hintEn: 'e.g. 21.3856' }),
    decimalColumn({ key: 'longitude', vi: 'Kinh độ', en: 'Longitude', hintVi: 'Ví dụ 103,0159', hintEn: 'e.g. 103.0159' }),
    dateColumn({ key: 'issuedAt', vi: 'Ngày cấp mã', en: 'Code issued on' }),
    textColumn({ key: 'standard', vi: 'Tiêu chuẩn', en: 'Standard' }),
    choiceColumn({ key: 'status', vi: 'Trạng thái', en: 'Status' }, [
      { value: 'draft', vi: 'Nháp', en: 'Draft' },
      { value: 'active', vi: 'Đang hoạt động', en: 'Active' },
    ]),
  ];
  readonly examples: RowCells[] = [
    { code: 'VN-DBRO-0101', issuer: 'Chi cục BVTV Điện Biên', name: 'Cánh đồng Co Mỵ', crop: 'Lúa nếp', variety: 'Séng Cù', areaHa: '2,5', province: 'Điện Biên', commune: 'Thanh Xương', owners: '0912 345 678', latitude: '21,3856', longitude: '103,0159', issuedAt: '15/03/2026', status: 'Đang hoạt động' },
    { code: 'VN-DBRO-0102', name: 'Đồi chè Tủa Chùa', crop: 'tea', areaHa: '12', province: 'Điện Biên', status: 'Nháp' },
  ];

  constructor(
    private readonly areas: GrowingAreasService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Every way a clerk names a partner (phone digits, citizen id, name) → the partners it names. */
  async prepare(caller: Caller): Promise<Map<string, unknown>> {
    const rows: { id: string; name: string; phone: string | null; citizen_id: string | null }[] = await this.dataSource.query(
      `SELECT id, name, phone, citizen_id FROM partner WHERE organization_id = $1`,
      [caller.organizationId],
    );
    const names = new Map<string, string[]>();
    const add = (word: string | null, id: string) => {
      if (!word) return;
      const ids = names.get(word) ?? [];
      if (!ids.includes(id)) ids.push(id);
      names.set(word, ids);
    };
    for (const r of rows) {
      add(r.phone ? `tel:${phoneDigits(r.phone)}` : null, r.id);
      add(r.citizen_id ? `tel:${r.citizen_id}` : null, r.id);
      add(`name:${searchKey(r.name)}`, r.id);
    }
    return new Map([[OWNERS, names]]);
  }

  toInput(values: Record<string, unknown>, context: ImportContext): GrowingAreaInput {
    const { latitude, longitude, owners, ...rest } = values;
    const input: Record<string, unknown> = { ...rest };
    const location = pointFrom(latitude, longitude);
    if (location) input.location = location;
    if (owners !== undefined) input.ownerPartnerIds = this.owners(String(owners), context.lookups.get(OWNERS) as Map<string, string[]>);
    return input as unknown as GrowingAreaInput;
  }

  private owners(cell: string, names: Map<string, string[]>): string[] {
    return listOf(cell).map((owner) => {
      const digits = phoneDigits(owner);
      const ids = (/^\+?[\d\s.()-]+$/.test(owner) ? names.get(`tel:${digits}`) : undefined) ?? names.get(`name:${searchKey(owner)}`) ?? [];
      if (ids.length === 0) throw new InvalidFieldException('OWNER_NOT_FOUND', OWNERS, `no partner with the phone, citizen id or name "${owner}"; import the households first`);
      if (ids.length > 1) throw new InvalidFieldException('OWNER_AMBIGUOUS', OWNERS, `${ids.length} partners are named "${owner}"; give the phone or citizen id instead`);
      return ids[0];
    });
  }

  naturalKey(input: GrowingAreaInput): string {
    return growingAreaKey({ code: String(input.code ?? ''), issuer: input.issuer });
  }

  async existingKeys(organizationId: string): Promise<Map<string, string>> {
    const rows: { id: string; code: string; issuer: string }[] = await this.dataSource.query(`SELECT id, code, issuer FROM growing_area WHERE organization_id = $1`, [organizationId]);
    return new Map(rows.map((r) => [growingAreaKey(r), r.id]));
  }

  check(caller: Caller, input: GrowingAreaInput) {
    return this.areas.check(caller, input);
  }

  create(caller: Caller, input: GrowingAreaInput) {
    return this.areas.create(caller, input);
  }

  update(caller: Caller, id: string, input: GrowingAreaInput) {
    const { status: _status, statusReason: _reason, ...patch } = input;
    return this.areas.update(caller, id, patch);
  }
}

/** Digits of a phone with Vietnam's +84 written as the national 0. */
function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}
