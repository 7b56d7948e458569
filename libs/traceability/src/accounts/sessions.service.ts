import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Db } from '@app/database';
import { AccountsRepository } from './accounts.repository.js';
import { AuthChanges, type AuthChange } from './auth-changes.js';
import type { Caller } from './caller.js';
import { RecentCallers } from './recent-callers.js';
import type { Role } from './user.entity.js';

export interface TokenClaims {
  sub: string;
  org: string;
  role: Role;
  /** The session: logging out (and any other revocation) ends it. */
  sid: string;
  exp: number;
}

/** How long a resolved token is trusted without looking the user or key up again (see RecentCallers). */
export const CALLER_CACHE_MS = 5_000;
export const API_KEY_PREFIX = 'ngn_';

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A revocation sent in a transaction; after the commit, `heard()` waits for it to reach this process. */
export type Announcement = { heard(): Promise<void> };

/**
 * Sessions behind bearer tokens. Every token names a stored session, so that logging out, a new
 * password, a role change, a deactivated or removed user end it. Resolved callers are cached a few
 * seconds per process, but only while revocations are heard (AuthChanges): a revoked session, user
 * or API key is refused by every process from the moment the revocation commits.
 */
@Injectable()
export class SessionsService {
  private readonly recentCallers = new RecentCallers(CALLER_CACHE_MS);

  constructor(
    private readonly repository: AccountsRepository,
    private readonly jwt: JwtService,
    private readonly changes: AuthChanges,
  ) {
    changes.onChange((change) => this.forget(change));
  }

  /** Starts a session for the user and signs its token (HS256, with `exp` and the session id). */
  async issue(user: { id: string; organizationId: string; role: Role }, db?: Db): Promise<{ accessToken: string; sessionId: string; expiresAt: Date }> {
    const sessionId = randomUUID();
    const accessToken = await this.jwt.signAsync({ sub: user.id, org: user.organizationId, role: user.role, sid: sessionId });
    const expiresAt = new Date((this.jwt.decode<TokenClaims>(accessToken).exp ?? 0) * 1000);
    await this.repository.insertSession(user.organizationId, { id: sessionId, userId: user.id, expiresAt }, db);
    return { accessToken, sessionId, expiresAt };
  }

  /** Resolves a bearer token (JWT or API key) to a caller; null when it is not valid. */
  async authenticate(token: string): Promise<Caller | null> {
    // The cache is trusted only while revocations are being heard; otherwise every request looks up.
    const trusted = this.changes.listening;
    if (trusted) {
      const recent = this.recentCallers.get(token);
      if (recent) return recent;
    } else {
      void this.changes.listen();
    }
    const epoch = this.recentCallers.epoch;
    if (token.startsWith(API_KEY_PREFIX)) {
      const key = await this.repository.useApiKey(sha256(token));
      if (!key) return null;
      const caller: Caller = { organizationId: key.organizationId, role: key.role, userId: null, apiKeyId: key.id, sessionId: null };
      if (trusted) this.recentCallers.set(token, caller, Infinity, epoch);
      return caller;
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    // No expiry or no session (tokens from before sessions were stored): not accepted.
    if (typeof claims.exp !== 'number' || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return null;
    if (!isUuid(claims.sid) || !isUuid(claims.sub)) return null;
    const found = await this.repository.findSessionCaller(claims.sid, claims.sub);
    if (!found) return null;
    const caller: Caller = { organizationId: found.organizationId, role: found.role, userId: found.userId, apiKeyId: null, sessionId: claims.sid };
    if (trusted) this.recentCallers.set(token, caller, claims.exp * 1000, epoch);
    return caller;
  }

  /** Inside the caller's transaction: ends one session and tells every process. */
  async revokeSession(organizationId: string, sessionId: string, reason: string, db: Db): Promise<Announcement> {
    await this.repository.revokeSession(organizationId, sessionId, reason, db);
    return this.changes.announce(db, { sessions: [sessionId] });
  }

  /** Inside the caller's transaction: ends every session of the user and tells every process. */
  async revokeUserSessions(organizationId: string, userId: string, reason: string, db: Db): Promise<Announcement> {
    await this.repository.revokeUserSessions(organizationId, userId, reason, db);
    return this.changes.announce(db, { users: [userId] });
  }

  /** Inside the caller's transaction: tells every process that the key is revoked. */
  announceApiKeyRevoked(apiKeyId: string, db: Db): Promise<Announcement> {
    return this.changes.announce(db, { apiKeys: [apiKeyId] });
  }

  private forget(change: AuthChange): void {
    if (change.all) return this.recentCallers.clear();
    const sessions = new Set(change.sessions ?? []);
    const users = new Set(change.users ?? []);
    const keys = new Set(change.apiKeys ?? []);
    this.recentCallers.forget(
      (caller) => (!!caller.sessionId && sessions.has(caller.sessionId)) || (!!caller.userId && users.has(caller.userId)) || (!!caller.apiKeyId && keys.has(caller.apiKeyId)),
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => UUID.test(value);
