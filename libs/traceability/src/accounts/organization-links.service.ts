import { Injectable } from '@nestjs/common';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { noteIdempotentResult } from '../idempotency/idempotent-write.js';
import { AccountsRepository } from './accounts.repository.js';
import type { Caller } from './caller.js';
import {
  LinkExistsError,
  LinkKind,
  LinkStatus,
  OrganizationLinkRow,
  OrganizationLinksRepository,
  OrganizationLinkWithParties,
  OrganizationSummary,
} from './organization-links.repository.js';
import type { Organization } from './organization.entity.js';

/** A link as one of its two organizations sees it. */
export interface OrganizationLinkView extends OrganizationLinkWithParties {
  /** The organization on the other side. */
  other: OrganizationSummary;
  /** Pending, and asked by the other side: this organization may accept or decline it. */
  awaitingOurAnswer: boolean;
}

/**
 * Links between organizations, each asked by one side and accepted by the other; either side ends
 * one at once. Oversight: a confirmed programme office reads (never writes) a cooperative of its
 * province, invited by the office or asked for by the cooperative. Trade: an organization ships to
 * another only once that one has accepted (a partner naming another organization asks for it).
 */
@Injectable()
export class OrganizationLinksService {
  constructor(
    private readonly links: OrganizationLinksRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  async list(caller: Caller, filter: { kind?: LinkKind; status?: LinkStatus }): Promise<OrganizationLinkView[]> {
    const rows = await this.links.list(caller.organizationId, filter);
    return rows.map((row) => this.view(caller, row));
  }

  candidates(caller: Caller): Promise<OrganizationSummary[]> {
    return this.links.candidates(caller.organizationId);
  }

  /** Asks the other organization for a link (an office invites; a cooperative asks to be overseen; a sender asks to ship). */
  async request(caller: Caller, kind: LinkKind, organizationId: string): Promise<OrganizationLinkView> {
    if (organizationId === caller.organizationId) throw new InvalidFieldException('LINK_SELF', 'organizationId', 'an organization cannot link to itself');
    const [me, other] = await Promise.all([this.accounts.findOrganization(caller.organizationId), this.accounts.findOrganization(organizationId)]);
    if (!me) throw notFound('Organization', caller.organizationId);
    if (!other) throw new InvalidFieldException('LINK_ORGANIZATION_NOT_FOUND', 'organizationId', `no organization ${organizationId} on this platform`, 'not_found');
    let from = me;
    let to = other;
    if (kind === 'oversight') {
      if (me.kind === 'programme_office') {
        assertConfirmedOffice(me);
        if (other.kind === 'programme_office') throw new InvalidFieldException('LINK_NOT_OVERSEEABLE', 'organizationId', 'a programme office oversees cooperatives, enterprises and household businesses, not other offices');
      } else {
        if (other.kind !== 'programme_office' || !other.officeConfirmedAt) throw new InvalidFieldException('LINK_NOT_AN_OFFICE', 'organizationId', 'oversight can be asked of a confirmed programme office only');
        [from, to] = [other, me];
      }
      if (!from.province || from.province !== to.province) {
        throw new InvalidFieldException('LINK_OUTSIDE_PROVINCE', 'organizationId', `a programme office oversees organizations of its own province (${from.province ?? 'none'}) only`);
      }
    }
    try {
      const row = await this.links.insert(caller.organizationId, { kind, fromOrganizationId: from.id, toOrganizationId: to.id, requestedByUserId: caller.userId });
      noteIdempotentResult({ id: row.id });
      return this.view(caller, { ...row, from: summaryOf(from), to: summaryOf(to) });
    } catch (error) {
      if (!(error instanceof LinkExistsError)) throw error;
      const open = await this.links.findOpen(kind, from.id, to.id);
      throw new DomainException('LINK_EXISTS', `organizationId: a ${kind} link with this organization is already ${open?.status ?? 'open'}`, 'conflict', {
        field: 'organizationId',
        linkId: open?.id,
        status: open?.status,
      });
    }
  }

  accept(caller: Caller, id: string): Promise<OrganizationLinkView> {
    return this.answer(caller, id, 'active');
  }

  decline(caller: Caller, id: string): Promise<OrganizationLinkView> {
    return this.answer(caller, id, 'declined');
  }

  /** Either side ends a pending or active link; it takes effect with the next request. */
  async end(caller: Caller, id: string): Promise<OrganizationLinkView> {
    await this.links.transaction(async (db) => {
      const link = await this.findOwn(caller, id, db);
      if (link.status !== 'pending' && link.status !== 'active') {
        throw new DomainException('LINK_NOT_OPEN', `id: this link is already ${link.status}`, 'conflict', { field: 'id', status: link.status });
      }
      await this.links.end(caller.organizationId, id, caller.userId, db);
    });
    return this.get(caller, id);
  }

  private async answer(caller: Caller, id: string, status: 'active' | 'declined'): Promise<OrganizationLinkView> {
    await this.links.transaction(async (db) => {
      const link = await this.findOwn(caller, id, db);
      if (link.status !== 'pending') {
        throw new DomainException('LINK_NOT_PENDING', `id: this link is ${link.status}, not waiting for an answer`, 'conflict', { field: 'id', status: link.status });
      }
      if (link.requestedByOrganizationId === caller.organizationId) {
        throw new DomainException('LINK_ANSWER_NOT_YOURS', 'id: the organization that was asked answers; you may end your own request', 'forbidden', { field: 'id' });
      }
      if (status === 'active' && link.kind === 'oversight' && link.fromOrganizationId === caller.organizationId) {
        assertConfirmedOffice(await this.accounts.findOrganization(caller.organizationId));
      }
      await this.links.answer(caller.organizationId, id, status, caller.userId, db);
    });
    return this.get(caller, id);
  }

  private async get(caller: Caller, id: string): Promise<OrganizationLinkView> {
    const [row] = await this.links.list(caller.organizationId, { id });
    if (!row) throw notFound('Link', id);
    return this.view(caller, row);
  }

  private async findOwn(caller: Caller, id: string, db: Parameters<OrganizationLinksRepository['findForUpdate']>[2]): Promise<OrganizationLinkRow> {
    const link = await this.links.findForUpdate(caller.organizationId, id, db);
    if (!link) throw notFound('Link', id);
    return link;
  }

  private view(caller: Caller, row: OrganizationLinkWithParties): OrganizationLinkView {
    const other = row.fromOrganizationId === caller.organizationId ? row.to : row.from;
    return { ...row, other, awaitingOurAnswer: row.status === 'pending' && row.requestedByOrganizationId !== caller.organizationId };
  }
}

function assertConfirmedOffice(office: Organization | null): void {
  if (!office?.officeConfirmedAt) {
    throw new DomainException('PROGRAMME_OFFICE_NOT_CONFIRMED', 'This programme office has not been confirmed by the platform operator yet; it cannot oversee anyone', 'forbidden');
  }
}

const summaryOf = (o: Organization): OrganizationSummary => ({ id: o.id, name: o.name, kind: o.kind, province: o.province, commune: o.commune });
