import { Injectable } from '@nestjs/common';
import { isUniqueViolation, type Db } from '@app/database';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { AccountsRepository } from './accounts.repository.js';
import { publicUser } from './accounts.service.js';
import type { Caller } from './caller.js';
import { CredentialsRepository } from './credentials.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetsService, type PasswordLink } from './password-resets.service.js';
import { SessionsService, type Announcement } from './sessions.service.js';
import { Role, roleAtLeast, User, USER_EMAIL_UNIQUE } from './user.entity.js';

/** A password hash no password matches: the user sets theirs through a link. */
const NO_PASSWORD = '!';

/** A user an admin adds: without a password, the answer carries a one-time link to set one. */
export interface NewUserInput {
  email: string;
  password?: string;
  role: Role;
  name?: string;
}

/** What an admin may change of a user. */
export interface UserPatch {
  role?: Role;
  name?: string | null;
}

/**
 * An organization's users, managed by its admins: nobody acts on a user above their own role or
 * gives a role above it, the last active owner stays, and a role change, a deactivation or a removal
 * ends the user's sessions on every API process before the answer.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly credentials: CredentialsRepository,
    private readonly sessions: SessionsService,
    private readonly resets: PasswordResetsService,
    private readonly hasher: PasswordHasher,
  ) {}

  list(caller: Caller): Promise<User[]> {
    return this.repository.listUsers(caller.organizationId);
  }

  /** With a password, or without one: then the answer carries a link for the user to set theirs. */
  async create(caller: Caller, input: NewUserInput): Promise<User & { passwordSetLink?: string; passwordSetLinkExpiresAt?: Date }> {
    if (input.role === 'owner' || !roleAtLeast(caller.role, input.role)) {
      throw new DomainException('ROLE_NOT_ALLOWED', `role: you cannot create a user with role ${input.role}`, 'forbidden', { field: 'role' });
    }
    const email = input.email.trim().toLowerCase();
    if (await this.repository.emailExists(email)) {
      throw new DomainException('EMAIL_TAKEN', 'email: an account with this email already exists', 'conflict', { field: 'email' });
    }
    const passwordHash = input.password ? await this.hasher.hash(input.password) : NO_PASSWORD;
    try {
      return await this.repository.transaction(async (manager) => {
        const user = await manager.save(manager.create(User, { organizationId: caller.organizationId, email, name: input.name ?? null, passwordHash, role: input.role }));
        if (input.password) return publicUser(user);
        const { link, expiresAt } = await this.resets.issue(caller.organizationId, user.id, 'first_password', caller.userId, manager);
        return { ...publicUser(user), passwordSetLink: link, passwordSetLinkExpiresAt: expiresAt };
      });
    } catch (error) {
      // Two creations racing for one email: the unique index decides, and the loser's transaction wrote nothing.
      if (isUniqueViolation(error, USER_EMAIL_UNIQUE)) {
        throw new DomainException('EMAIL_TAKEN', 'email: an account with this email already exists', 'conflict', { field: 'email' });
      }
      throw error;
    }
  }

  /** Changes a user's role and/or name; a new role ends their sessions. */
  async update(caller: Caller, id: string, patch: UserPatch): Promise<User> {
    return this.change(caller, id, async (target, db, actor) => {
      if (patch.role !== undefined && patch.role !== target.role) {
        this.assertMayManage(actor, target, patch.role);
        if (target.role === 'owner') await this.assertNotLastOwner(actor.organizationId, target.id, db);
        const user = await this.repository.updateUser(actor.organizationId, id, { role: patch.role, name: patch.name }, db);
        return { user, announcement: await this.sessions.revokeUserSessions(actor.organizationId, id, `role changed to ${patch.role}`, db) };
      }
      if (!roleAtLeast(actor.role, target.role)) this.assertMayManage(actor, target);
      return { user: await this.repository.updateUser(actor.organizationId, id, { name: patch.name }, db) };
    });
  }

  /** The user can no longer log in; their sessions end. */
  deactivate(caller: Caller, id: string): Promise<User> {
    return this.change(caller, id, async (target, db, actor) => {
      this.assertMayManage(actor, target);
      if (target.deactivatedAt) return { user: target };
      if (target.role === 'owner') await this.assertNotLastOwner(actor.organizationId, target.id, db);
      const user = await this.repository.updateUser(actor.organizationId, id, { deactivatedAt: new Date() }, db);
      return { user, announcement: await this.sessions.revokeUserSessions(actor.organizationId, id, 'deactivated', db) };
    });
  }

  reactivate(caller: Caller, id: string): Promise<User> {
    return this.change(caller, id, async (target, db, actor) => {
      this.assertMayManage(actor, target);
      return { user: target.deactivatedAt ? await this.repository.updateUser(actor.organizationId, id, { deactivatedAt: null }, db) : target };
    });
  }

  /** Removes the user (the row stays for the history that names them, without email or password). */
  async remove(caller: Caller, id: string): Promise<void> {
    await this.change(caller, id, async (target, db, actor) => {
      this.assertMayManage(actor, target);
      if (target.role === 'owner') await this.assertNotLastOwner(actor.organizationId, target.id, db);
      await this.repository.removeUser(actor.organizationId, id, db);
      return { user: target, announcement: await this.sessions.revokeUserSessions(actor.organizationId, id, 'removed', db) };
    });
  }

  /** A link for the user to set a new password (the admin passes it on); nothing changes until it is used. */
  async issuePasswordReset(caller: Caller, id: string): Promise<PasswordLink> {
    const target = await this.repository.findUser(caller.organizationId, id);
    if (!target) throw notFound('User', id);
    if (target.id !== caller.userId) this.assertMayManage(caller, target);
    return this.resets.issue(caller.organizationId, id, 'reset', caller.userId);
  }

  /** The caller's own password, with the current one; every session of theirs ends (this one too). */
  async changeOwnPassword(caller: Caller, currentPassword: string, newPassword: string): Promise<void> {
    if (!caller.userId || !caller.sessionId || caller.actingFromOrganizationId) {
      throw new DomainException('NOT_A_SESSION', 'Only a logged-in user changes their own password', 'validation');
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.change(caller, caller.userId, async (user, db) => {
      if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
        throw new InvalidFieldException('CURRENT_PASSWORD_WRONG', 'currentPassword', 'the current password is not right');
      }
      await this.repository.setPasswordHash(caller.organizationId, user.id, passwordHash, db);
      await this.credentials.clearThrottle(user.email.toLowerCase(), db);
      return { user, announcement: await this.sessions.revokeUserSessions(caller.organizationId, user.id, 'password changed', db) };
    });
  }

  /**
   * Applies a change to one user, the organization's user changes taking turns; the caller's own
   * role is read again inside (a change committed just before may have lowered it). Commits, then
   * waits until every process has heard of the revocation, if any.
   */
  private async change(
    caller: Caller,
    id: string,
    work: (target: User & { passwordHash: string }, db: Db, actor: Caller) => Promise<{ user: User; announcement?: Announcement }>,
  ): Promise<User> {
    const { user, announcement } = await this.repository.transaction(async (db) => {
      await this.repository.lockUsersOf(caller.organizationId, db);
      let actor = caller;
      if (caller.userId) {
        const me = await this.repository.findUser(caller.organizationId, caller.userId, db);
        if (!me || me.deactivatedAt) throw new DomainException('INVALID_TOKEN', 'Authorization: your account was changed meanwhile; log in again', 'unauthorized');
        actor = { ...caller, role: me.role };
      }
      if (id !== caller.userId && !roleAtLeast(actor.role, 'admin')) {
        throw new DomainException('ROLE_FORBIDDEN', `Your role (${actor.role}) cannot do this; it needs admin or above`, 'forbidden');
      }
      const target = await this.repository.findUserForUpdate(caller.organizationId, id, db);
      if (!target) throw notFound('User', id);
      return work(target, db, actor);
    });
    await announcement?.heard();
    return publicUser(user);
  }

  private assertMayManage(caller: Caller, target: User, newRole?: Role): void {
    if (target.id === caller.userId) {
      throw new DomainException('USER_IS_YOURSELF', 'id: you cannot change your own role or account; another admin or owner can', 'forbidden', { field: 'id' });
    }
    if (!roleAtLeast(caller.role, target.role)) {
      throw new DomainException('ROLE_NOT_ALLOWED', `id: this user is ${target.role}, above your role (${caller.role})`, 'forbidden', { field: 'id' });
    }
    if (newRole && !roleAtLeast(caller.role, newRole)) {
      throw new DomainException('ROLE_NOT_ALLOWED', `role: you cannot give the role ${newRole}`, 'forbidden', { field: 'role' });
    }
  }

  private async assertNotLastOwner(organizationId: string, userId: string, db: Db): Promise<void> {
    const owners = await this.repository.lockActiveOwners(organizationId, db);
    if (!owners.some((id) => id !== userId)) {
      throw new DomainException('LAST_OWNER', 'id: this is the organization’s last active owner; make another user owner first', 'conflict', { field: 'id' });
    }
  }
}
