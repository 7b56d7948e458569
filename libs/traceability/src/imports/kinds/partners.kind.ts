import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../../accounts/caller.js';
import { searchKey } from '../../common/text.js';
import { PARTNER_KINDS, type PartnerKind } from '../../registry/partners/partner.entity.js';
import { type PartnerInput, PartnersService } from '../../registry/partners/partners.service.js';
import { choiceColumn, digitsColumn, phoneColumn, textColumn } from '../columns.js';
import type { ImportKind, RowCells } from '../import-kind.js';

export const PARTNER_KIND_LABELS: Record<PartnerKind, { vi: string; en: string }> = {
  member_household: { vi: 'Hộ thành viên', en: 'Member household' },
  collector: { vi: 'Thương lái / thu gom', en: 'Collector' },
  processor: { vi: 'Cơ sở chế biến', en: 'Processor' },
  packer: { vi: 'Đóng gói', en: 'Packer' },
  distributor: { vi: 'Nhà phân phối', en: 'Distributor' },
  retailer: { vi: 'Bán lẻ', en: 'Retailer' },
  transporter: { vi: 'Vận chuyển', en: 'Transporter' },
  lab: { vi: 'Phòng kiểm nghiệm', en: 'Laboratory' },
};

/**
 * A partner is found again by its citizen id, else its tax code, else kind + name + phone: a
 * household list uploaded twice (or resumed after a crash) matches the households it already made.
 */
export function partnerKey(p: { kind: string; name: string; phone?: string | null; citizenId?: string | null; taxCode?: string | null }): string {
  if (p.citizenId) return `cccd:${p.citizenId}`;
  if (p.taxCode) return `mst:${p.taxCode}`;
  return `name:${p.kind}|${searchKey(p.name)}|${(p.phone ?? '').replace(/\D/g, '')}`;
}

/** Partners and member households (đối tác, hộ thành viên). */
@Injectable()
export class PartnersImport implements ImportKind<PartnerInput> {
  readonly name = 'partners' as const;
  readonly titleVi = 'Đối tác và hộ thành viên';
  readonly titleEn = 'Partners and member households';
  readonly columns = [
    choiceColumn({ key: 'kind', vi: 'Loại', en: 'Kind', required: true }, PARTNER_KINDS.map((value) => ({ value, ...PARTNER_KIND_LABELS[value] }))),
    textColumn({ key: 'name', vi: 'Tên hộ / đối tác', en: 'Name', required: true, aliases: ['Tên', 'Họ tên', 'Họ và tên', 'Tên hộ', 'Chủ hộ', 'Tên đối tác'] }),
    phoneColumn({ key: 'phone', vi: 'Số điện thoại', en: 'Phone', aliases: ['SĐT', 'Điện thoại', 'Di động'] }),
    digitsColumn({ key: 'citizenId', vi: 'Số CCCD', en: 'Citizen ID', aliases: ['CCCD', 'CMND', 'Số CMND', 'Căn cước'], hintVi: '12 chữ số (CMND cũ: 9)', hintEn: '12 digits (old ID: 9)' }, [9, 12]),
    digitsColumn({ key: 'taxCode', vi: 'Mã số thuế', en: 'Tax code' }, [10, 12]),
    textColumn({ key: 'commune', vi: 'Xã', en: 'Commune' }),
    textColumn({ key: 'province', vi: 'Tỉnh', en: 'Province' }),
    textColumn({ key: 'address', vi: 'Địa chỉ', en: 'Address' }),
    textColumn({ key: 'notes', vi: 'Ghi chú', en: 'Notes' }),
  ];
  readonly examples: RowCells[] = [
    { kind: 'Hộ thành viên', name: 'Hộ Lò Văn Panh', phone: '0912 345 678', citizenId: '011090001234', commune: 'Thanh Xương', province: 'Điện Biên', address: 'Bản Co Mỵ' },
    { kind: 'Thương lái / thu gom', name: 'Cơ sở thu mua Quàng Thị Mai', phone: '0203 3812 456', commune: 'Mường Thanh', province: 'Điện Biên' },
  ];

  constructor(
    private readonly partners: PartnersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  toInput(values: Record<string, unknown>): PartnerInput {
    return values as unknown as PartnerInput;
  }

  naturalKey(input: PartnerInput): string {
    return partnerKey({ ...input, name: String(input.name ?? '') });
  }

  async existingKeys(organizationId: string): Promise<Map<string, string>> {
    const rows: { id: string; kind: string; name: string; phone: string | null; citizen_id: string | null; tax_code: string | null }[] = await this.dataSource.query(
      `SELECT id, kind, name, phone, citizen_id, tax_code FROM partner WHERE organization_id = $1`,
      [organizationId],
    );
    return new Map(rows.map((r) => [partnerKey({ kind: r.kind, name: r.name, phone: r.phone, citizenId: r.citizen_id, taxCode: r.tax_code }), r.id]));
  }

  check(caller: Caller, input: PartnerInput) {
    return this.partners.check(caller, input);
  }

  create(caller: Caller, input: PartnerInput) {
    return this.partners.create(caller, input);
  }

  update(caller: Caller, id: string, input: PartnerInput) {
    return this.partners.update(caller, id, input);
  }
}
