import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { placeValues } from '../admin-units/admin-units.js';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { AccountsRepository } from './accounts.repository.js';
import { OrganizationLinksRepository } from './organization-links.repository.js';
import { Organization } from './organization.entity.js';
import { PasswordResetsService, type PasswordLink } from './password-resets.service.js';
import { User } from './user.entity.js';

export interface ProgrammeOfficeSummary {
  id: string;
  name: string;
  province: string | null;
  confirmedAt: Date | null;
  createdAt: Date;
  users: number;
  activeLinks: number;
  pendingLinks: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (value: string) => value.normalize('NFC').trim();

/**
 * What a platform operator does from the command line (`npm run admin`): programme offices exist
 * because the operator created or confirmed them, never because someone signed up as one.
 */
@Injectable()
export class ProgrammeOfficesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly links: OrganizationLinksRepository,
    private readonly resets: PasswordResetsService,
  ) {}

  /** A confirmed office and its first user (owner), who sets a password through the returned link. */
  async create(input: { name: string; province: string; email: string; userName?: string; linkValidHours?: number }): Promise<{ organization: Organization; user: User } & PasswordLink> {
    const name = text(input.name ?? '');
    const province = text(input.province ?? '');
    const email = (input.email ?? '').trim().toLowerCase();
    if (name.length < 2 || name.length > 200) throw new InvalidFieldException('VALIDATION_FAILED', 'name', 'give the office’s name (2 to 200 characters)', 'bad_request');
    if (!province || province.length > 100) throw new InvalidFieldException('VALIDATION_FAILED', 'province', 'give the province the office oversees', 'bad_request');
    if (!EMAIL.test(email) || email.length > 254) throw new InvalidFieldException('VALIDATION_FAILED', 'email', 'give the email of the office’s first user', 'bad_request');
    if (await this.accounts.emailExists(email)) throw new DomainException('EMAIL_TAKEN', 'email: an account with this email already exists', 'conflict', { field: 'email' });
    const ttlMs = input.linkValidHours ? input.linkValidHours * 3_600_000 : undefined;
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager.save(manager.create(Organization, { name, kind: 'programme_office', ...placeValues({ province }), officeConfirmedAt: new Date() }));
      const user = await manager.save(
        manager.create(User, { organizationId: organization.id, email, name: input.userName ? text(input.userName) : null, passwordHash: '!', role: 'owner' }),
      );
      const link = await this.resets.issue(organization.id, user.id, 'first_password', null, manager, ttlMs);
      const { passwordHash: _hidden, ...publicUser } = user;
      return { organization, user: publicUser as User, ...link };
    });
  }

  list(): Promise<ProgrammeOfficeSummary[]> {
    return this.dataSource.query(
      `SELECT o.id, o.name, o.province, o.office_confirmed_at AS "confirmedAt", o.created_at AS "createdAt",
         (SELECT count(*)::int FROM app_user u WHERE u.organization_id = o.id AND u.removed_at IS NULL) AS users,
         (SELECT count(*)::int FROM organization_link l WHERE l.kind = 'oversight' AND l.from_organization_id = o.id AND l.status = 'active') AS "activeLinks",
         (SELECT count(*)::int FROM organization_link l WHERE l.kind = 'oversight' AND l.from_organization_id = o.id AND l.status = 'pending') AS "pendingLinks"
       FROM organization o WHERE o.kind = 'programme_office' ORDER BY o.province, o.name, o.id`,
    );
  }

  /** Confirms an office that signed itself up before offices were created by operators. */
  async confirm(id: string): Promise<Organization> {
    const office = await this.findOffice(id);
    if (!office.officeConfirmedAt) await this.dataSource.query(`UPDATE organization SET office_confirmed_at = now(), updated_at = now() WHERE id = $1`, [id]);
    return (await this.accounts.findOrganization(id))!;
  }

  /** The office stops being confirmed and every oversight link it had ends at once. */
  async revoke(id: string): Promise<{ organization: Organization; endedLinks: number }> {
    await this.findOffice(id);
    const endedLinks = await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE organization SET office_confirmed_at = NULL, updated_at = now() WHERE id = $1`, [id]);
      return this.links.endAllOversight(id, manager);
    });
    return { organization: (await this.accounts.findOrganization(id))!, endedLinks };
  }

  /** A password link for any user (someone locked out, an office's lost first link). */
  async passwordLink(emailInput: string, linkValidHours?: number): Promise<{ user: User } & PasswordLink> {
    const user = await this.accounts.findUserByEmailWithHash(emailInput.trim().toLowerCase());
    if (!user) throw notFound('User', emailInput);
    const { passwordHash: _hidden, ...publicUser } = user;
    const purpose = user.passwordHash.startsWith('$argon2') ? 'reset' : 'first_password';
    return { user: publicUser as User, ...(await this.resets.issue(user.organizationId, user.id, purpose, null, undefined, linkValidHours ? linkValidHours * 3_600_000 : undefined)) };
  }

  private async findOffice(id: string): Promise<Organization> {
    const office = /^[0-9a-f-]{36}$/i.test(id) ? await this.accounts.findOrganization(id) : null;
    if (!office || office.kind !== 'programme_office') throw notFound('Programme office', id);
    return office;
  }
}
