import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { placeValues } from '../admin-units/admin-units.js';
import { InvalidFieldException, notFound } from '../common/domain.exception.js';
import { normalizeGln } from '../common/gs1.js';
import { optionalText } from '../registry/common/fields.js';
import type { Caller } from './caller.js';
import { Organization } from './organization.entity.js';

/** What an organization's admins keep about it; `null` clears a field, an absent one is left as is. */
export interface OrganizationProfileInput {
  address?: string | null;
  commune?: string | null;
  province?: string | null;
  /** Official codes (GET /api/v1/admin-units/…): win over the texts, which are then set from them. */
  provinceCode?: string | null;
  communeCode?: string | null;
  phone?: string | null;
  gln?: string | null;
  gs1CompanyPrefix?: string | null;
}

/**
 * A GS1 company prefix: 6 to 12 digits (the lengths an EPC URN can carry), e.g. 893 followed by the
 * company number GS1 Vietnam issued.
 */
export function normalizeCompanyPrefix(input: string, field = 'gs1CompanyPrefix'): string {
  const digits = String(input).replace(/\s+/g, '');
  if (!/^\d+$/.test(digits)) throw new InvalidFieldException('GS1_COMPANY_PREFIX_FORMAT', field, 'a GS1 company prefix contains digits only');
  if (digits.length < 6 || digits.length > 12) {
    throw new InvalidFieldException('GS1_COMPANY_PREFIX_LENGTH', field, `a GS1 company prefix has 6 to 12 digits, got ${digits.length}`);
  }
  return digits;
}

/** The organization's own details: address and phone (FSMA location descriptions), GLN and GS1 company prefix (EPCIS). */
@Injectable()
export class OrganizationProfileService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async update(caller: Pick<Caller, 'organizationId'>, input: OrganizationProfileInput): Promise<Organization> {
    const values: Partial<Organization> = {};
    Object.assign(values, placeValues(input));
    for (const field of ['address', 'phone'] as const) {
      const text = optionalText(input[field]);
      if (text !== undefined) values[field] = text;
    }
    if (input.gln !== undefined) values.gln = input.gln === null || input.gln.trim() === '' ? null : normalizeGln(input.gln, 'gln');
    if (input.gs1CompanyPrefix !== undefined) {
      values.gs1CompanyPrefix = input.gs1CompanyPrefix === null || input.gs1CompanyPrefix.trim() === '' ? null : normalizeCompanyPrefix(input.gs1CompanyPrefix);
    }
    const repository = this.dataSource.getRepository(Organization);
    if (Object.keys(values).length) await repository.update({ id: caller.organizationId }, values);
    const organization = await repository.findOneBy({ id: caller.organizationId });
    if (!organization) throw notFound('Organization', caller.organizationId);
    return organization;
  }
}
