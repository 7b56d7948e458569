import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../../accounts/caller.js';
import { searchKey } from '../../common/text.js';
import { UNITS } from '../../common/units.js';
import { NET_CONTENT_UNITS, OCOP_GROUPS } from '../../registry/products/product.entity.js';
import { type ProductInput, ProductsService } from '../../registry/products/products.service.js';
import { choiceColumn, decimalColumn, integerColumn, listOf, textColumn } from '../columns.js';
import type { ImportKind, RowCells } from '../import-kind.js';

export const UNIT_LABELS: Record<string, { vi: string; en: string }> = {
  kg: { vi: 'kg', en: 'kg' },
  t: { vi: 'tấn', en: 'tonne' },
  g: { vi: 'gam', en: 'gram' },
  l: { vi: 'lít', en: 'litre' },
  ml: { vi: 'ml', en: 'ml' },
  pcs: { vi: 'cái / quả', en: 'pieces' },
  pack: { vi: 'gói / hộp', en: 'pack' },
};

/** A product is found again by its GTIN, else its Vietnamese name. */
export function productKey(p: { nameVi: string; gtin?: string | null }): string {
  const gtin = (p.gtin ?? '').replace(/\D/g, '');
  return gtin ? `gtin:${gtin.padStart(14, '0')}` : `name:${searchKey(p.nameVi)}`;
}

/** Products (sản phẩm). */
@Injectable()
export class ProductsImport implements ImportKind<ProductInput> {
  readonly name = 'products' as const;
  readonly titleVi = 'Sản phẩm';
  readonly titleEn = 'Products';
  readonly columns = [
    textColumn({ key: 'nameVi', vi: 'Tên tiếng Việt', en: 'Vietnamese name', required: true, aliases: ['Tên sản phẩm', 'Tên'] }),
    textColumn({ key: 'nameEn', vi: 'Tên tiếng Anh', en: 'English name' }),
    choiceColumn({ key: 'ocopGroup', vi: 'Nhóm OCOP', en: 'OCOP group' }, OCOP_GROUPS.map((g) => ({ value: g.group, vi: g.vi, en: g.en }))),
    textColumn({ key: 'gtin', vi: 'GTIN (mã vạch)', en: 'GTIN' }),
    choiceColumn({ key: 'unit', vi: 'Đơn vị', en: 'Unit', required: true }, UNITS.map((value) => ({ value, ...UNIT_LABELS[value] }))),
    decimalColumn({ key: 'netContent', vi: 'Khối lượng tịnh', en: 'Net content' }),
    choiceColumn({ key: 'netContentUnit', vi: 'Đơn vị khối lượng tịnh', en: 'Net content unit' }, NET_CONTENT_UNITS.map((value) => ({ value, ...UNIT_LABELS[value] }))),
    integerColumn({ key: 'shelfLifeDays', vi: 'Hạn sử dụng (ngày)', en: 'Shelf life (days)' }),
    textColumn({ key: 'brand', vi: 'Nhãn hiệu', en: 'Brand' }),
    textColumn({ key: 'description', vi: 'Mô tả', en: 'Description' }),
    textColumn({ key: 'standards', vi: 'Tiêu chuẩn (cách nhau bởi ;)', en: 'Standards (separated by ;)' }),
  ];
  readonly examples: RowCells[] = [
    { nameVi: 'Gạo Séng Cù Điện Biên', nameEn: 'Dien Bien Seng Cu rice', ocopGroup: 1, unit: 'gói / hộp', netContent: '5', netContentUnit: 'kg', shelfLifeDays: 365, standards: 'VietGAP' },
    { nameVi: 'Chè Shan tuyết Tủa Chùa', ocopGroup: 2, unit: 'kg', shelfLifeDays: 540 },
  ];

  constructor(
    private readonly products: ProductsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  toInput(values: Record<string, unknown>): ProductInput {
    const input = { ...values } as Record<string, unknown>;
    if (typeof input.standards === 'string') input.standards = listOf(input.standards);
    return input as unknown as ProductInput;
  }

  naturalKey(input: ProductInput): string {
    return productKey({ nameVi: String(input.nameVi ?? ''), gtin: input.gtin });
  }

  async existingKeys(organizationId: string): Promise<Map<string, string>> {
    const rows: { id: string; name_vi: string; gtin: string | null }[] = await this.dataSource.query(`SELECT id, name_vi, gtin FROM product WHERE organization_id = $1`, [organizationId]);
    return new Map(rows.map((r) => [productKey({ nameVi: r.name_vi, gtin: r.gtin }), r.id]));
  }

  check(caller: Caller, input: ProductInput) {
    return this.products.check(caller, input);
  }

  create(caller: Caller, input: ProductInput) {
    return this.products.create(caller, input);
  }

  update(caller: Caller, id: string, input: ProductInput) {
    return this.products.update(caller, id, input);
  }
}
