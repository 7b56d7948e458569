import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@app/database';
import { placeValues } from '../../admin-units/admin-units.js';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import type { Caller } from '../../accounts/caller.js';
import { OrganizationLinksRepository } from '../../accounts/organization-links.repository.js';
import { InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { normalizeGln } from '../../common/gs1.js';
import { searchKey } from '../../common/text.js';
import { optionalText, rejectNull, requiredText } from '../common/fields.js';
import type { Page } from '../common/listing.js';
import { Partner, PARTNER_PRIVATE_FIELDS, PartnerKind } from './partner.entity.js';
import { PartnerListQuery, PartnersRepository, PartnerValues } from './partners.repository.js';

export interface PartnerInput {
  kind: PartnerKind;
  name: string;
  phone?: string | null;
  citizenId?: string | null;
  taxCode?: string | null;
  commune?: string | null;
  province?: string | null;
  /** Official codes (GET /api/v1/admin-units/…): win over the texts, which are then set from them. */
  provinceCode?: string | null;
  communeCode?: string | null;
  address?: string | null;
  gln?: string | null;
  /** ISO 3166-1 alpha-2 country code; null means Vietnam. */
  country?: string | null;
  linkedOrganizationId?: string | null;
  notes?: string | null;
}

/** A partner as its own organization sees it (private fields included). */
export type PartnerView = Omit<Partner, 'nameSearch'>;

/**
 * Partners of a cooperative: member households, collectors, processors, buyers… Private fields
 * (phone, citizen id, tax code, notes) are returned to the organization's own users only; a programme
 * office reading through X-Organization-Id does not get them, and public pages use toPublicPartner().
 */
@Injectable()
export class PartnersService {
  constructor(
    private readonly repository: PartnersRepository,
    private readonly accounts: AccountsRepository,
    private readonly links: OrganizationLinksRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(caller: Caller, input: PartnerInput): Promise<PartnerView> {
    const values = await this.prepare(caller, input);
    const partner = await inTransaction(this.dataSource, async (manager) => {
      const partner = await this.repository.insert(caller.organizationId, values as PartnerValues, manager);
      await this.requestTrade(caller, values, manager);
      return partner;
    });
    return this.view(caller, partner);
  }

  /** Every check create() makes before writing, without writing (an import's dry run). */
  async check(caller: Caller, input: PartnerInput): Promise<void> {
    await this.prepare(caller, input);
  }

  async get(caller: Caller, id: string): Promise<PartnerView> {
    const partner = await this.repository.find(caller.organizationId, id);
    if (!partner) throw notFound('Partner', id);
    return this.view(caller, partner);
  }

  async update(caller: Caller, id: string, patch: Partial<PartnerInput>): Promise<PartnerView> {
    const values = await this.prepare(caller, patch);
    const partner = await inTransaction(this.dataSource, async (manager) => {
      const existing = await this.repository.findForUpdate(caller.organizationId, id, manager);
      if (!existing) throw notFound('Partner', id);
      // Asked again only when the partner names another organization than before (saving the form
      // after the other side declined is not a new request).
      const linkChanged = values.linkedOrganizationId !== undefined && values.linkedOrganizationId !== existing.linkedOrganizationId;
      const partner = await this.repository.update(caller.organizationId, existing, values, manager);
      if (linkChanged) await this.requestTrade(caller, values, manager);
      return partner;
    });
    return this.view(caller, partner);
  }

  async list(caller: Caller, query: PartnerListQuery): Promise<Page<PartnerView>> {
    const page = await this.repository.list(caller.organizationId, query);
    return { ...page, items: page.items.map((partner) => this.view(caller, partner)) };
  }

  /** Partners of the organization among `ids` (for other services checking references). */
  findMany(organizationId: string, ids: readonly string[]): Promise<Partner[]> {
    return this.repository.findMany(organizationId, ids);
  }

  /** Checks and normalises the given fields; fields not given stay undefined (unchanged by a PATCH). */
  private async prepare(caller: Caller, input: Partial<PartnerInput>): Promise<Partial<PartnerValues>> {
    rejectNull(input, ['kind', 'name']);
    const values: Partial<PartnerValues> = {};
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.name !== undefined) {
      values.name = requiredText(input.name, 'name');
      values.nameSearch = searchKey(values.name);
    }
    Object.assign(values, placeValues(input));
    for (const field of ['phone', 'citizenId', 'taxCode', 'address', 'notes'] as const) {
      const text = optionalText(input[field]);
      if (text !== undefined) values[field] = text;
    }
    if (input.gln !== undefined) values.gln = input.gln === null || input.gln.trim() === '' ? null : normalizeGln(input.gln, 'gln');
    if (input.country !== undefined) values.country = input.country === null || input.country.trim() === '' ? null : countryCode(input.country);
    if (input.linkedOrganizationId !== undefined) {
      values.linkedOrganizationId = input.linkedOrganizationId;
      if (input.linkedOrganizationId !== null) await this.checkLinkedOrganization(caller, input.linkedOrganizationId);
    }
    return values;
  }

  /**
   * A partner naming another organization asks it to accept this organization's shipments (a trade
   * link); shipments to the partner are refused until it does. Nothing is asked when a link is open.
   */
  private async requestTrade(caller: Caller, values: Partial<PartnerValues>, manager: EntityManager): Promise<void> {
    if (values.linkedOrganizationId) await this.links.requestTrade(caller.organizationId, values.linkedOrganizationId, caller.userId, manager);
  }

  private async checkLinkedOrganization(caller: Caller, organizationId: string): Promise<void> {
    if (organizationId === caller.organizationId) {
      throw new InvalidFieldException('LINKED_ORGANIZATION_SELF', 'linkedOrganizationId', 'a partner cannot be your own organization');
    }
    if (!(await this.accounts.findOrganization(organizationId))) {
      throw new InvalidFieldException('LINKED_ORGANIZATION_NOT_FOUND', 'linkedOrganizationId', `no organization ${organizationId} on this platform`);
    }
  }

  private view(caller: Caller, partner: Partner): PartnerView {
    const { nameSearch: _search, ...view } = partner;
    // A programme office reads the cooperative's registry, not its members' private details.
    if (caller.actingFromOrganizationId) for (const field of PARTNER_PRIVATE_FIELDS) delete (view as Partial<PartnerView>)[field];
    return view;
  }
}

/** An ISO 3166-1 alpha-2 code such as VN or US, upper-cased. */
function countryCode(input: string): string {
  const code = input.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw new InvalidFieldException('COUNTRY_INVALID', 'country', 'a country is an ISO 3166-1 alpha-2 code such as VN or US');
  return code;
}
