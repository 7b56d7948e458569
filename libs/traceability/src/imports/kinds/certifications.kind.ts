import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../../accounts/caller.js';
import { InvalidFieldException } from '../../common/domain.exception.js';
import { searchKey } from '../../common/text.js';
import { CERTIFICATION_KINDS, ISSUING_LEVELS } from '../../registry/certifications/certification.entity.js';
import { type CertificationInput, CertificationsService } from '../../registry/certifications/certifications.service.js';
import { choiceColumn, dateColumn, integerColumn, textColumn } from '../columns.js';
import type { ImportContext, ImportKind, RowCells } from '../import-kind.js';
import { facilityKey } from './facilities.kind.js';
import { growingAreaKey } from './growing-areas.kind.js';
import { productKey } from './products.kind.js';

const SUBJECTS = 'subjects';
const KIND_LABELS: Record<string, { vi: string; en: string }> = {
  ocop: { vi: 'OCOP', en: 'OCOP' },
  vietgap: { vi: 'VietGAP', en: 'VietGAP' },
  globalgap: { vi: 'GlobalGAP', en: 'GlobalGAP' },
  organic: { vi: 'Hữu cơ', en: 'Organic' },
  haccp: { vi: 'HACCP', en: 'HACCP' },
  other: { vi: 'Khác', en: 'Other' },
};
const LEVEL_LABELS: Record<string, { vi: string; en: string }> = {
  central: { vi: 'Trung ương', en: 'Central' },
  provincial: { vi: 'Tỉnh', en: 'Provincial' },
  district: { vi: 'Huyện', en: 'District' },
};

/** A certification is found again by its kind, number and what it is about. */
export function certificationKey(c: { kind: string; number: string; scopeType: string; scopeId: string }): string {
  return `${c.kind}|${searchKey(c.number)}|${c.scopeType}|${c.scopeId}`;
}

/**
 * Certifications (chứng nhận) of a product (by GTIN or Vietnamese name), a growing area (by code),
 * a facility (by code or name) or the organization itself.
 */
@Injectable()
export class CertificationsImport implements ImportKind<CertificationInput> {
  readonly name = 'certifications' as const;
  readonly titleVi = 'Chứng nhận';
  readonly titleEn = 'Certifications';
  readonly columns = [
    choiceColumn({ key: 'kind', vi: 'Loại chứng nhận', en: 'Kind', required: true }, CERTIFICATION_KINDS.map((value) => ({ value, ...KIND_LABELS[value] }))),
    integerColumn({ key: 'level', vi: 'Hạng sao OCOP', en: 'OCOP stars', hintVi: '3, 4 hoặc 5 (chỉ với OCOP)', hintEn: '3, 4 or 5 (OCOP only)' }),
    choiceColumn({ key: 'issuingLevel', vi: 'Cấp công nhận', en: 'Issuing level' }, ISSUING_LEVELS.map((value) => ({ value, ...LEVEL_LABELS[value] }))),
    textColumn({ key: 'number', vi: 'Số chứng nhận / quyết định', en: 'Number', required: true, aliases: ['Số quyết định', 'Số chứng nhận'] }),
    textColumn({ key: 'issuer', vi: 'Cơ quan cấp', en: 'Issuer', required: true }),
    dateColumn({ key: 'issuedAt', vi: 'Ngày cấp', en: 'Issued on', required: true }),
    dateColumn({ key: 'expiresAt', vi: 'Ngày hết hạn', en: 'Expires on' }),
    choiceColumn({ key: 'scopeType', vi: 'Phạm vi', en: 'Scope', required: true }, [
      { value: 'product', vi: 'Sản phẩm', en: 'Product' },
      { value: 'growing_area', vi: 'Vùng trồng', en: 'Growing area' },
      { value: 'facility', vi: 'Cơ sở', en: 'Facility' },
      { value: 'organization', vi: 'Tổ chức', en: 'Organization' },
    ]),
    textColumn({ key: 'scopeId', vi: 'Đối tượng', en: 'Subject', hintVi: 'Tên hoặc GTIN sản phẩm, mã vùng trồng, mã hoặc tên cơ sở; để trống cho tổ chức', hintEn: 'Product name or GTIN, growing-area code, facility code or name; empty for the organization' }),
    textColumn({ key: 'documentUrl', vi: 'Đường dẫn văn bản', en: 'Document URL' }),
  ];
  readonly examples: RowCells[] = [
    { kind: 'OCOP', level: 4, issuingLevel: 'Tỉnh', number: '1234/QĐ-UBND', issuer: 'UBND tỉnh Điện Biên', issuedAt: '15/03/2025', scopeType: 'Sản phẩm', scopeId: 'Gạo Séng Cù Điện Biên' },
    { kind: 'VietGAP', number: 'VG-0123', issuer: 'Trung tâm chứng nhận VietGAP', issuedAt: '01/06/2025', expiresAt: '01/06/2027', scopeType: 'Vùng trồng', scopeId: 'VN-DBRO-0101' },
  ];

  constructor(
    private readonly certifications: CertificationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Natural keys of the organization's products, growing areas and facilities → their ids. */
  async prepare(caller: Caller): Promise<Map<string, unknown>> {
    const org = caller.organizationId;
    const subjects = new Map<string, string>();
    for (const p of await this.dataSource.query(`SELECT id, name_vi, gtin FROM product WHERE organization_id = $1`, [org])) {
      subjects.set(`product:${productKey({ nameVi: p.name_vi, gtin: p.gtin })}`, p.id);
      subjects.set(`product:${productKey({ nameVi: p.name_vi })}`, p.id);
    }
    for (const a of await this.dataSource.query(`SELECT id, code, issuer FROM growing_area WHERE organization_id = $1`, [org])) {
      subjects.set(`growing_area:${growingAreaKey(a)}`, a.id);
      subjects.set(`growing_area:${growingAreaKey({ code: a.code })}`, a.id);
    }
    for (const f of await this.dataSource.query(`SELECT id, kind, name, code FROM facility WHERE organization_id = $1`, [org])) {
      subjects.set(`facility:${f.code ? `code:${f.code.trim().toUpperCase()}` : ''}`, f.id);
      subjects.set(`facility:name:${searchKey(f.name)}`, f.id);
    }
    return new Map([[SUBJECTS, subjects]]);
  }

  toInput(values: Record<string, unknown>, context: ImportContext): CertificationInput {
    const input = { ...values } as Record<string, unknown>;
    const subjects = context.lookups.get(SUBJECTS) as Map<string, string>;
    const named = typeof input.scopeId === 'string' ? input.scopeId : '';
    if (input.scopeType === 'organization') input.scopeId = context.caller.organizationId;
    else if (typeof input.scopeType === 'string' && ['product', 'growing_area', 'facility'].includes(input.scopeType)) {
      const keys =
        input.scopeType === 'product'
          ? [productKey({ nameVi: named, gtin: /^\d{8,14}$/.test(named) ? named : null }), productKey({ nameVi: named })]
          : input.scopeType === 'growing_area'
            ? [growingAreaKey({ code: named })]
            : [facilityKey({ kind: '', name: named, code: named }), `name:${searchKey(named)}`];
      const id = keys.map((key) => subjects.get(`${input.scopeType}:${key}`)).find(Boolean);
      if (!id) throw new InvalidFieldException('SCOPE_NOT_FOUND', 'scopeId', `no ${String(input.scopeType).replace('_', ' ')} named "${named}"; import it first`);
      input.scopeId = id;
    }
    return input as unknown as CertificationInput;
  }

  naturalKey(input: CertificationInput): string {
    return certificationKey({ kind: input.kind, number: String(input.number ?? ''), scopeType: input.scopeType, scopeId: input.scopeId });
  }

  async existingKeys(organizationId: string): Promise<Map<string, string>> {
    const rows: { id: string; kind: string; number: string; scope_type: string; scope_id: string }[] = await this.dataSource.query(
      `SELECT id, kind, number, scope_type, scope_id FROM certification WHERE organization_id = $1`,
      [organizationId],
    );
    return new Map(rows.map((r) => [certificationKey({ kind: r.kind, number: r.number, scopeType: r.scope_type, scopeId: r.scope_id }), r.id]));
  }

  check(caller: Caller, input: CertificationInput) {
    return this.certifications.check(caller, input);
  }

  create(caller: Caller, input: CertificationInput) {
    return this.certifications.create(caller, input);
  }

  update(caller: Caller, id: string, input: CertificationInput) {
    return this.certifications.update(caller, id, input);
  }
}
