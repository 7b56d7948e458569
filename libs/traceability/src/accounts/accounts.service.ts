import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainException, NotFoundException } from '../common/domain.exception.js';
import { AccountsRepository } from './accounts.repository.js';
import { ApiKey } from './api-key.entity.js';
import type { Caller } from './caller.js';
import { Organization, OrganizationKind } from './organization.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { RecentCallers } from './recent-callers.js';
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

export interface TokenClaims {
  sub: string;
  org: string;
  role: Role;
  exp?: number;
}

/** How long a resolved token is trusted without looking the user or key up again (see RecentCallers). */
export const CALLER_CACHE_MS = 5_000;

const API_KEY_PREFIX = 'ngn_';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AccountsService {
  private readonly recentCallers = new RecentCallers(CALLER_CACHE_MS);

  constructor(
    private readonly repository: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signup(input: SignupInput): Promise<{ accessToken: string; organization: Organization; user: User }> {
    if (!this.config.signupEnabled) {
      throw new DomainException('SIGNUP_DISABLED', 'Sign-up is disabled on this deployment', 'forbidden');
    }
    const email = input.email.trim().toLowerCase();
    if (await this.repository.emailExists(email)) {
      throw new DomainException('EMAIL_TAKEN', 'email: an account with this email already exists', 'conflict', { field: 'email' });
    }
    const passwordHash = await this.hasher.hash(input.password);
    try {
      const { organization, user } = await this.repository.transaction(async (manager) => {
        const organization = await manager.save(
          manager.create(Organization, {
            name: input.organizationName,
            kind: input.organizationKind ?? 'cooperative',
            province: input.province ?? null,
            commune: input.commune ?? null,
            address: input.address ?? null,
          }),
        );
        const user = await manager.save(
          manager.create(User, { organizationId: organization.id, email, name: input.name ?? null, passwordHash, role: 'owner' }),
        );
        return { organization, user };
      });
      return { accessToken: await this.issueToken(user), organization, user: this.publicUser(user) };
    } catch (error) {
      // Two sign-ups racing for one email: the unique index decides.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw new DomainException('EMAIL_TAKEN', 'email: an account with this email already exists', 'conflict', { field: 'email' });
      }
      throw error;
    }
  }

  async login(email: string, password: string): Promise<{ accessToken: string; user: User }> {
    const user = await this.repository.findUserByEmailWithHash(email.trim());
    // Verify against a hash even for unknown emails so timing does not reveal which emails exist.
    const ok = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok) throw new DomainException('INVALID_CREDENTIALS', 'Wrong email or password', 'unauthorized');
    return { accessToken: await this.issueToken(user), user: this.publicUser(user) };
  }

  async createUser(caller: Caller, input: { email: string; password: string; role: Role; name?: string }): Promise<User> {
    if (input.role === 'owner' || !roleAtLeast(caller.role, input.role)) {
      throw new DomainException('ROLE_NOT_ALLOWED', `role: you cannot create a user with role ${input.role}`, 'forbidden', { field: 'role' });
    }
    const email = input.email.trim().toLowerCase();
    if (await this.repository.emailExists(email)) {
      throw new DomainException('EMAIL_TAKEN', 'email: an account with this email already exists', 'conflict', { field: 'email' });
    }
    const passwordHash = await this.hasher.hash(input.password);
    const user = await this.repository.transaction((manager) =>
      manager.save(manager.create(User, { organizationId: caller.organizationId, email, name: input.name ?? null, passwordHash, role: input.role })),
    );
    return this.publicUser(user);
  }

  listUsers(caller: Caller): Promise<User[]> {
    return this.repository.listUsers(caller.organizationId);
  }

  /** Resolves a bearer token (JWT or API key) to a caller; null when it is not valid. */
  async authenticate(token: string): Promise<Caller | null> {
    const recent = this.recentCallers.get(token);
    if (recent) return recent;
    if (token.startsWith(API_KEY_PREFIX)) {
      const key = await this.repository.useApiKey(sha256(token));
      if (!key) return null;
      const caller: Caller = { organizationId: key.organizationId, role: key.role, userId: null, apiKeyId: key.id };
      this.recentCallers.set(token, caller);
      return caller;
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    // The user may have been removed or changed role since the token was issued.
    const user = await this.repository.findUser(claims.org, claims.sub);
    if (!user) return null;
    const caller: Caller = { organizationId: user.organizationId, role: user.role, userId: user.id, apiKeyId: null };
    this.recentCallers.set(token, caller, claims.exp ? claims.exp * 1000 : undefined);
    return caller;
  }

  /**
   * A programme office reads (never writes) the organizations in its province. Anything else,
   * including an organization elsewhere, answers 404 as if it did not exist.
   */
  async actAs(caller: Caller, organizationId: string): Promise<Caller> {
    if (organizationId === caller.organizationId) return caller;
    const [office, target] = await Promise.all([
      this.repository.findOrganization(caller.organizationId),
      this.repository.findOrganization(organizationId),
    ]);
    if (!office || office.kind !== 'programme_office' || !office.province || !target || target.province !== office.province) {
      throw new NotFoundException('Organization', organizationId);
    }
    return { ...caller, organizationId, role: 'viewer', actingFromOrganizationId: caller.organizationId };
  }

  async getOrganization(caller: Caller): Promise<Organization> {
    const organization = await this.repository.findOrganization(caller.organizationId);
    if (!organization) throw new NotFoundException('Organization', caller.organizationId);
    return organization;
  }

  async listOverseenOrganizations(caller: Caller): Promise<Organization[]> {
    const office = await this.getOrganization(caller);
    if (office.kind !== 'programme_office' || !office.province) return [];
    return this.repository.listOrganizationsInProvince(office.province);
  }

  /** Creates an API key; the secret is returned once and only its hash is stored. */
  async createApiKey(caller: Caller, name: string, role: ApiKey['role']): Promise<{ apiKey: ApiKey; key: string }> {
    if (!roleAtLeast(caller.role, role)) {
      throw new DomainException('ROLE_NOT_ALLOWED', `role: you cannot create a key with role ${role}`, 'forbidden', { field: 'role' });
    }
    const key = `${API_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
    const apiKey = await this.repository.insertApiKey(caller.organizationId, {
      name,
      role,
      prefix: key.slice(0, 10),
      keyHash: sha256(key),
      createdBy: caller.userId,
    });
    delete (apiKey as Partial<ApiKey>).keyHash;
    return { apiKey, key };
  }

  listApiKeys(caller: Caller): Promise<ApiKey[]> {
    return this.repository.listApiKeys(caller.organizationId);
  }

  async revokeApiKey(caller: Caller, id: string): Promise<ApiKey> {
    const key = await this.repository.revokeApiKey(caller.organizationId, id);
    if (!key) throw new NotFoundException('API key', id);
    this.recentCallers.clear();
    delete (key as Partial<ApiKey>).keyHash;
    return key;
  }

  private issueToken(user: User): Promise<string> {
    const claims: TokenClaims = { sub: user.id, org: user.organizationId, role: user.role };
    return this.jwt.signAsync(claims);
  }

  private publicUser(user: User): User {
    const { passwordHash: _hidden, ...rest } = user;
    return rest as User;
  }
}

// argon2id hash of a random string, so a login for an unknown email costs the same as a real one.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$WJ9dQb0S1JxQJ3n5Hn6uYk5y4QZb3m7mP6fQ3oU8o1k';
