import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import { DomainException, NotFoundException } from '../common/domain.exception.js';
import { AccountsRepository } from './accounts.repository.js';
import { ApiKey } from './api-key.entity.js';
import type { Caller } from './caller.js';
import { CredentialsRepository } from './credentials.repository.js';
import { afterFailure, secondsLocked } from './login-throttle.js';
import { OrganizationLinksRepository } from './organization-links.repository.js';
import { Organization, OrganizationKind, SIGNUP_ORGANIZATION_KINDS } from './organization.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { API_KEY_PREFIX, SessionsService, sha256 } from './sessions.service.js';
import { Role, User, roleAtLeast } from './user.entity.js';

export interface SignupInput {
  organizationName: string;
  email: string;
  password: string;
  name?: string;
  organizationKind?: OrganizationKind;
  province?: string;
  commune?: string;
  address?: string;
}


/** Organizations, sign-up, log-in and log-out, oversight reads, API keys. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly credentials: CredentialsRepository,
    private readonly links: OrganizationLinksRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signup(input: SignupInput): Promise<{ accessToken: string; organization: Organization; user: User }> {
    if (!this.config.signupEnabled) {
      throw new DomainException('SIGNUP_DISABLED', 'Sign-up is disabled on this deployment', 'forbidden');
    }
    const kind = input.organizationKind ?? 'cooperative';
    if (!(SIGNUP_ORGANIZATION_KINDS as readonly string[]).includes(kind)) {
      // Oversight is granted, never claimed: a platform operator creates programme offices.
      throw new DomainException('ORGANIZATION_KIND_NOT_ALLOWED', `organizationKind: ${kind} cannot be signed up; a platform operator creates programme offices`, 'forbidden', {
        field: 'organizationKind',
      });
    }
    const email = input.email.trim().toLowerCase();
    if (await this.repository.emailExists(email)) {
      throw new DomainException('EMAIL_TAKEN', 'email: an account with this email already exists', 'conflict', { field: 'email' });
    }
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.repository.transaction(async (manager) => {
        const organization = await manager.save(
          manager.create(Organization, { name: input.organizationName, kind, province: input.province ?? null, commune: input.commune ?? null, address: input.address ?? null }),
        );
        const user = await manager.save(manager.create(User, { organizationId: organization.id, email, name: input.name ?? null, passwordHash, role: 'owner' }));
        const { accessToken } = await this.sessions.issue(user, manager);
        return { accessToken, organization, user: publicUser(user) };
      });
    } catch (error) {
      // Two sign-ups racing for one email: the unique index decides.
      if (isUniqueViolation(error)) {
        throw new DomainException('EMAIL_TAKEN', 'email: an account with this email already exists', 'conflict', { field: 'email' });
      }
      throw error;
    }
  }

  /**
   * Checks the password, unless the email is locked by repeated failures (counted per email in
   * PostgreSQL, so on every API process; the lock is bounded and a password reset lifts it).
   */
  async login(emailInput: string, password: string): Promise<{ accessToken: string; user: User }> {
    const email = emailInput.trim().toLowerCase();
    const locked = secondsLocked(await this.credentials.findThrottle(email), new Date());
    if (locked > 0) throw loginLocked(locked);
    const user = await this.repository.findUserByEmailWithHash(email);
    // Verify against a hash even for unknown emails so timing does not reveal which emails exist.
    const usable = user?.passwordHash.startsWith('$argon2');
    const ok = await this.hasher.verify(usable ? user!.passwordHash : DUMMY_HASH, password);
    if (!user || !usable || !ok) {
      const state = await this.credentials.transaction(async (db) => {
        const next = afterFailure(await this.credentials.lockThrottle(email, db), new Date(), this.lockoutPolicy());
        await this.credentials.saveThrottle(email, next, db);
        return next;
      });
      const seconds = secondsLocked(state, new Date());
      if (seconds > 0) throw loginLocked(seconds);
      throw new DomainException('INVALID_CREDENTIALS', 'Wrong email or password', 'unauthorized');
    }
    await this.credentials.clearThrottle(email);
    if (user.deactivatedAt) throw new DomainException('ACCOUNT_DEACTIVATED', 'This account has been deactivated; ask an administrator of your organization', 'forbidden');
    const { accessToken } = await this.sessions.issue(user);
    return { accessToken, user: publicUser(user) };
  }

  /** Ends the caller's own session, on every API process, before answering. */
  async logout(caller: Caller): Promise<void> {
    if (!caller.sessionId || caller.actingFromOrganizationId) {
      throw new DomainException('NOT_A_SESSION', 'Only a logged-in user’s token can be logged out; revoke an API key instead', 'validation');
    }
    const announcement = await this.repository.transaction((db) => this.sessions.revokeSession(caller.organizationId, caller.sessionId!, 'logout', db));
    await announcement.heard();
  }

  authenticate(token: string): Promise<Caller | null> {
    return this.sessions.authenticate(token);
  }

  /**
   * A confirmed programme office reads (never writes) a cooperative that accepted its oversight.
   * Anything else, a link not yet accepted or already ended included, answers 404 as if it did not exist.
   */
  async actAs(caller: Caller, organizationId: string): Promise<Caller> {
    if (organizationId === caller.organizationId) return caller;
    if (!UUID.test(organizationId) || !(await this.links.oversees(caller.organizationId, organizationId))) {
      throw new NotFoundException('Organization', organizationId);
    }
    return { ...caller, organizationId, role: 'viewer', actingFromOrganizationId: caller.organizationId };
  }

  async getOrganization(caller: Caller): Promise<Organization> {
    const organization = await this.repository.findOrganization(caller.organizationId);
    if (!organization) throw new NotFoundException('Organization', caller.organizationId);
    return organization;
  }

  /** For a confirmed programme office: the organizations whose oversight link is active. */
  listOverseenOrganizations(caller: Caller): Promise<Organization[]> {
    if (caller.actingFromOrganizationId) return Promise.resolve([]);
    return this.links.overseenOrganizations(caller.organizationId);
  }

  /** Creates an API key; the secret is returned once and only its hash is stored. */
  async createApiKey(caller: Caller, name: string, role: ApiKey['role']): Promise<{ apiKey: ApiKey; key: string }> {
    if (!roleAtLeast(caller.role, role)) {
      throw new DomainException('ROLE_NOT_ALLOWED', `role: you cannot create a key with role ${role}`, 'forbidden', { field: 'role' });
    }
    const key = `${API_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
    const apiKey = await this.repository.insertApiKey(caller.organizationId, { name, role, prefix: key.slice(0, 10), keyHash: sha256(key), createdBy: caller.userId });
    delete (apiKey as Partial<ApiKey>).keyHash;
    return { apiKey, key };
  }

  listApiKeys(caller: Caller): Promise<ApiKey[]> {
    return this.repository.listApiKeys(caller.organizationId);
  }

  /** Revokes the key on every API process before answering. */
  async revokeApiKey(caller: Caller, id: string): Promise<ApiKey> {
    const { key, announcement } = await this.repository.transaction(async (db) => {
      const key = await this.repository.revokeApiKey(caller.organizationId, id, db);
      if (!key) throw new NotFoundException('API key', id);
      return { key, announcement: await this.sessions.announceApiKeyRevoked(key.id, db) };
    });
    await announcement.heard();
    return key;
  }

  private lockoutPolicy() {
    return { threshold: this.config.loginLockoutThreshold, baseSeconds: this.config.loginLockoutBaseSeconds, maxSeconds: this.config.loginLockoutMaxSeconds };
  }
}

export function publicUser(user: User): User {
  const { passwordHash: _hidden, removedAt: _removed, ...rest } = user as User & { passwordHash?: string };
  return rest as User;
}

function loginLocked(seconds: number): DomainException {
  return new DomainException('LOGIN_LOCKED', `Too many failed logins for this email; try again in ${seconds} s or reset the password`, 'too_many_requests', {
    retryAfterSeconds: seconds,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// argon2id hash of a random string, so a login for an unknown email costs the same as a real one.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$WJ9dQb0S1JxQJ3n5Hn6uYk5y4QZb3m7mP6fQ3oU8o1k';
