import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../../accounts/caller.js';
import { InvalidFieldException } from '../../common/domain.exception.js';
import { searchKey } from '../../common/text.js';
import { INPUT_KINDS } from '../../registry/growing-areas/input-application.entity.js';
import { type InputApplicationInput, InputApplicationsService } from '../../registry/growing-areas/input-applications.service.js';
import { choiceColumn, dateColumn, decimalColumn, integerColumn, textColumn } from '../columns.js';
import type { ImportContext, ImportKind, RowCells } from '../import-kind.js';
import { growingAreaKey } from './growing-areas.kind.js';

const AREAS = 'areas';

/** A row of the field log: the area it was applied to (by its id, resolved from its code) and the application. */
export type InputApplicationRow = InputApplicationInput & { growingAreaId: string };

/** An application is found again by its area, date, kind and product. */
export function inputApplicationKey(a: { growingAreaId: string; appliedAt: string; kind: string; productName: string }): string {
  return `${a.growingAreaId}|${String(a.appliedAt).slice(0, 10)}|${a.kind}|${searchKey(a.productName)}`;
}

/**
 * Input applications (nhật ký canh tác) of growing areas named by their code. Applications are
 * corrected by voiding, never edited: "update existing" leaves them alone.
 */
@Injectable()
export class InputApplicationsImport implements ImportKind<InputApplicationRow> {
  readonly name = 'input-applications' as const;
  readonly titleVi = 'Nhật ký canh tác';
  readonly titleEn = 'Input applications';
  readonly columns = [
    textColumn({ key: 'growingArea', vi: 'Mã số vùng trồng', en: 'Growing-area code', required: true, aliases: ['Mã vùng trồng', 'Vùng trồng'] }),
    dateColumn({ key: 'appliedAt', vi: 'Ngày sử dụng', en: 'Applied on', required: true, aliases: ['Ngày phun', 'Ngày bón'] }),
    choiceColumn({ key: 'kind', vi: 'Loại', en: 'Kind', required: true }, [
      { value: INPUT_KINDS[0], vi: 'Phân bón', en: 'Fertiliser' },
      { value: INPUT_KINDS[1], vi: 'Thuốc BVTV', en: 'Pesticide' },
      { value: INPUT_KINDS[2], vi: 'Khác', en: 'Other' },
    ]),
    textColumn({ key: 'productName', vi: 'Tên thuốc / phân bón', en: 'Product', required: true }),
    textColumn({ key: 'activeIngredient', vi: 'Hoạt chất', en: 'Active ingredient' }),
    decimalColumn({ key: 'dose', vi: 'Liều lượng', en: 'Dose' }),
    textColumn({ key: 'doseUnit', vi: 'Đơn vị liều', en: 'Dose unit', hintVi: 'Ví dụ kg/ha, ml/bình 16 l', hintEn: 'e.g. kg/ha, ml/16 l' }),
    integerColumn({ key: 'phiDays', vi: 'Thời gian cách ly (ngày)', en: 'Pre-harvest interval (days)', required: true }),
  ];
  readonly examples: RowCells[] = [
    { growingArea: 'VN-DBRO-0101', appliedAt: '10/03/2026', kind: 'Thuốc BVTV', productName: 'Anvil 5SC', activeIngredient: 'Hexaconazole', dose: '1', doseUnit: 'l/ha', phiDays: 7 },
    { growingArea: 'VN-DBRO-0101', appliedAt: '01/02/2026', kind: 'Phân bón', productName: 'NPK 16-16-8', dose: '300', doseUnit: 'kg/ha', phiDays: 0 },
  ];

  constructor(
    private readonly inputs: InputApplicationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async prepare(caller: Caller): Promise<Map<string, unknown>> {
    const areas = new Map<string, string>();
    for (const a of await this.dataSource.query(`SELECT id, code, issuer FROM growing_area WHERE organization_id = $1`, [caller.organizationId])) {
      areas.set(growingAreaKey({ code: a.code }), a.id);
      areas.set(growingAreaKey(a), a.id);
    }
    return new Map([[AREAS, areas]]);
  }

  toInput(values: Record<string, unknown>, context: ImportContext): InputApplicationRow {
    const { growingArea, ...rest } = values;
    const code = String(growingArea ?? '');
    const growingAreaId = (context.lookups.get(AREAS) as Map<string, string>).get(growingAreaKey({ code }));
    if (!growingAreaId) throw new InvalidFieldException('GROWING_AREA_NOT_FOUND', 'growingArea', `no growing area with the code "${code}"; import it first`);
    return { ...rest, growingAreaId } as unknown as InputApplicationRow;
  }

  naturalKey(input: InputApplicationRow): string {
    return inputApplicationKey({ growingAreaId: input.growingAreaId, appliedAt: String(input.appliedAt ?? ''), kind: input.kind, productName: String(input.productName ?? '') });
  }

  async existingKeys(organizationId: string): Promise<Map<string, string>> {
    const rows: { id: string; growing_area_id: string; applied_at: string; kind: string; product_name: string }[] = await this.dataSource.query(
      `SELECT id, growing_area_id, applied_at::text AS applied_at, kind, product_name FROM input_application WHERE organization_id = $1`,
      [organizationId],
    );
    return new Map(rows.map((r) => [inputApplicationKey({ growingAreaId: r.growing_area_id, appliedAt: r.applied_at, kind: r.kind, productName: r.product_name }), r.id]));
  }

  check(caller: Caller, { growingAreaId, ...input }: InputApplicationRow) {
    return this.inputs.check(caller, growingAreaId, input);
  }

  create(caller: Caller, { growingAreaId, ...input }: InputApplicationRow) {
    return this.inputs.create(caller, growingAreaId, input);
  }
}
