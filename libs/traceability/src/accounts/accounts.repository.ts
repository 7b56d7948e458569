import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { readRows, type Db } from '@app/database';
import { ApiKey } from './api-key.entity.js';
import { Organization } from './organization.entity.js';
import type { Role } from './user.entity.js';
import { User } from './user.entity.js';

/** The columns of Organization, in the entity's order, as it answers them. */
const ORGANIZATION_BY_ID = `SELECT id, name, kind, province, province_code AS "provinceCode", commune_code AS "communeCode", commune, address, phone,
  tax_code AS "taxCode", gln, gs1_company_prefix AS "gs1CompanyPrefix", office_confirmed_at AS "officeConfirmedAt", created_at AS "createdAt", updated_at AS "updatedAt"
  FROM organization WHERE id = $1`;

/** TypeORM answers UPDATE and DELETE … RETURNING with [rows, count]; everything else with rows. */
export function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]);
}

/** What a session token resolves to: the user as they are now. */
export interface SessionCaller {
  userId: string;
  organizationId: string;
  role: Role;
}

const USER_COLUMNS = `id, organization_id AS "organizationId", email, name, role, deactivated_at AS "deactivatedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;
/** Users who still exist (removed ones stay as rows for the history that names them). */
const PRESENT = 'removed_at IS NULL';

@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findUserByEmailWithHash(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere('u.removedAt IS NULL')
      .getOne();
  }

  emailExists(email: string): Promise<boolean> {
    return this.dataSource.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getExists();
  }

  async findUser(organizationId: string, userId: string, db: Db = this.dataSource): Promise<User | null> {
    const [user] = await db.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE organization_id = $1 AND id = $2 AND ${PRESENT}`, [organizationId, userId]);
    return user ?? null;
  }

  /**
   * Changes to an organization's users take turns (two owners demoting each other at once: one of
   * them stays owner), without locking rows that other work references.
   */
  async lockUsersOf(organizationId: string, db: Db): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('nguon.users:' || $1, 0))`, [organizationId]);
  }

  /** The user with their password hash, locked for a change. */
  async findUserForUpdate(organizationId: string, userId: string, db: Db): Promise<(User & { passwordHash: string }) | null> {
    const [user] = await db.query(
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM app_user WHERE organization_id = $1 AND id = $2 AND ${PRESENT} FOR UPDATE`,
      [organizationId, userId],
    );
    return user ?? null;
  }

  listUsers(organizationId: string): Promise<User[]> {
    return this.dataSource.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE organization_id = $1 AND ${PRESENT} ORDER BY created_at, id`, [organizationId]);
  }

  /** The organization's active owners, locked: the last one is never demoted, deactivated or removed. */
  async lockActiveOwners(organizationId: string, db: Db): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `SELECT id FROM app_user WHERE organization_id = $1 AND role = 'owner' AND deactivated_at IS NULL AND ${PRESENT} ORDER BY id FOR UPDATE`,
      [organizationId],
    );
    return rows.map((row) => row.id);
  }

  async updateUser(organizationId: string, userId: string, values: { role?: Role; name?: string | null; deactivatedAt?: Date | null }, db: Db): Promise<User> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [organizationId, userId];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (values.role !== undefined) set('role', values.role);
    if (values.name !== undefined) set('name', values.name);
    if (values.deactivatedAt !== undefined) set('deactivated_at', values.deactivatedAt);
    const [user] = returned<User>(await db.query(`UPDATE app_user SET ${sets.join(', ')} WHERE organization_id = $1 AND id = $2 RETURNING ${USER_COLUMNS}`, params));
    return user;
  }

  async setPasswordHash(organizationId: string, userId: string, passwordHash: string, db: Db): Promise<void> {
    await db.query(`UPDATE app_user SET password_hash = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`, [organizationId, userId, passwordHash]);
  }

  /** Keeps the row (events name who recorded them) without its email or password; the email is free again. */
  async removeUser(organizationId: string, userId: string, db: Db): Promise<void> {
    await db.query(
      `UPDATE app_user SET removed_at = now(), deactivated_at = coalesce(deactivated_at, now()), email = 'removed-' || id || '@users.invalid',
         password_hash = '!', updated_at = now() WHERE organization_id = $1 AND id = $2`,
      [organizationId, userId],
    );
  }

  /** The caller a live session stands for: one indexed read, on the connection short reads share. */
  async findSessionCaller(sessionId: string, userId: string): Promise<SessionCaller | null> {
    const [row] = await readRows<SessionCaller>(
      this.dataSource,
      `SELECT u.id AS "userId", u.organization_id AS "organizationId", u.role
       FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
         AND u.deactivated_at IS NULL AND u.removed_at IS NULL`,
      [sessionId, userId],
      'nguon_session_caller',
    );
    return row ?? null;
  }

  async insertSession(organizationId: string, session: { id: string; userId: string; expiresAt: Date }, db: Db = this.dataSource): Promise<void> {
    await db.query(`INSERT INTO user_session (id, user_id, organization_id, expires_at) VALUES ($1, $2, $3, $4)`, [session.id, session.userId, organizationId, session.expiresAt]);
    // Expired sessions of this user are no use to anyone.
    await db.query(`DELETE FROM user_session WHERE organization_id = $1 AND user_id = $2 AND expires_at < now() - interval '1 day'`, [organizationId, session.userId]);
  }

  async revokeSession(organizationId: string, sessionId: string, reason: string, db: Db): Promise<boolean> {
    const rows = returned(await db.query(`UPDATE user_session SET revoked_at = now(), revoked_reason = $3 WHERE organization_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id`, [organizationId, sessionId, reason]));
    return rows.length > 0;
  }

  async revokeUserSessions(organizationId: string, userId: string, reason: string, db: Db): Promise<number> {
    const rows = returned(await db.query(`UPDATE user_session SET revoked_at = now(), revoked_reason = $3 WHERE organization_id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`, [organizationId, userId, reason]));
    return rows.length;
  }

  /** An organization by id: a short read on the shared connection (GET /me reads it at every call). */
  async findOrganization(organizationId: string): Promise<Organization | null> {
    const [row] = await readRows<Organization>(this.dataSource, ORGANIZATION_BY_ID, [organizationId], 'nguon_organization_by_id');
    return row ?? null;
  }

  /** Active (not revoked) key by its hash, noting when it was used: one statement. */
  async useApiKey(keyHash: string): Promise<Pick<ApiKey, 'id' | 'organizationId' | 'role'> | null> {
    const [key] = returned<Pick<ApiKey, 'id' | 'organizationId' | 'role'>>(
      await this.dataSource.query(
        `UPDATE api_key SET last_used_at = now() WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id, organization_id AS "organizationId", role`,
        [keyHash],
      ),
    );
    return key ?? null;
  }

  listApiKeys(organizationId: string): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ where: { organizationId }, order: { createdAt: 'DESC' } });
  }

  insertApiKey(organizationId: string, key: Partial<ApiKey>): Promise<ApiKey> {
    const repository = this.dataSource.getRepository(ApiKey);
    return repository.save(repository.create({ ...key, organizationId }));
  }

  async revokeApiKey(organizationId: string, id: string, db: Db): Promise<ApiKey | null> {
    const [key] = returned<ApiKey>(
      await db.query(
        `UPDATE api_key SET revoked_at = now() WHERE organization_id = $1 AND id = $2 AND revoked_at IS NULL
         RETURNING id, organization_id AS "organizationId", name, prefix, role, created_by AS "createdBy", created_at AS "createdAt",
                   last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`,
        [organizationId, id],
      ),
    );
    return key ?? null;
  }
}
