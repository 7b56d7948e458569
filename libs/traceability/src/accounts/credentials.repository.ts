import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Db } from '@app/database';
import { returned } from './accounts.repository.js';
import type { ThrottleState } from './login-throttle.js';

export type ResetPurpose = 'reset' | 'first_password';

/** A password-reset link as stored: the token's hash, never the token. */
export interface PasswordResetRow {
  id: string;
  userId: string;
  organizationId: string;
  purpose: ResetPurpose;
  expired: boolean;
  usedAt: Date | null;
}

/**
 * What is read before anyone is authenticated: failed logins per email, and password-reset links by
 * their hash. Neither is scoped by an organization (the caller has none yet).
 */
@Injectable()
export class CredentialsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findThrottle(email: string, db: Db = this.dataSource): Promise<ThrottleState | null> {
    const [row] = await db.query(
      `SELECT failures, last_failure_at AS "lastFailureAt", locked_until AS "lockedUntil" FROM login_throttle WHERE email = $1`,
      [email],
    );
    return row ?? null;
  }

  /** The email's row, locked (created if missing) so that concurrent failures count one by one. */
  async lockThrottle(email: string, db: Db): Promise<ThrottleState> {
    await db.query(`INSERT INTO login_throttle (email, failures, last_failure_at) VALUES ($1, 0, 'epoch') ON CONFLICT (email) DO NOTHING`, [email]);
    const [row] = await db.query(
      `SELECT failures, last_failure_at AS "lastFailureAt", locked_until AS "lockedUntil" FROM login_throttle WHERE email = $1 FOR UPDATE`,
      [email],
    );
    return row;
  }

  async saveThrottle(email: string, state: ThrottleState, db: Db): Promise<void> {
    await db.query(`UPDATE login_throttle SET failures = $2, last_failure_at = $3, locked_until = $4 WHERE email = $1`, [email, state.failures, state.lastFailureAt, state.lockedUntil]);
    // Rows of emails nobody has tried for a day (most typed by someone guessing): a few at a time.
    await db.query(
      `DELETE FROM login_throttle WHERE email IN (SELECT email FROM login_throttle WHERE last_failure_at < now() - interval '1 day' LIMIT 100)`,
      [],
    );
  }

  async clearThrottle(email: string, db: Db = this.dataSource): Promise<void> {
    await db.query(`DELETE FROM login_throttle WHERE email = $1`, [email]);
  }

  /** Stores a new link (valid `ttlSeconds` by the database's clock) and retires the user's earlier unused ones. */
  async insertReset(
    organizationId: string,
    reset: { userId: string; tokenHash: string; purpose: ResetPurpose; createdBy: string | null; ttlSeconds: number },
    db: Db,
  ): Promise<Date> {
    await db.query(
      `UPDATE password_reset r SET used_at = now() FROM app_user u
       WHERE u.id = r.user_id AND u.organization_id = $1 AND r.user_id = $2 AND r.used_at IS NULL`,
      [organizationId, reset.userId],
    );
    await db.query(
      `DELETE FROM password_reset r USING app_user u WHERE u.id = r.user_id AND u.organization_id = $1 AND r.user_id = $2 AND r.expires_at < now() - interval '7 days'`,
      [organizationId, reset.userId],
    );
    const [row] = await db.query(
      `INSERT INTO password_reset (user_id, token_hash, purpose, created_by, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       RETURNING expires_at AS "expiresAt"`,
      [reset.userId, reset.tokenHash, reset.purpose, reset.createdBy, reset.ttlSeconds],
    );
    return row.expiresAt;
  }

  /** When the user's latest link was made (to send at most one mail a minute). */
  async latestResetAt(organizationId: string, userId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT max(r.created_at) AS at FROM password_reset r JOIN app_user u ON u.id = r.user_id WHERE u.organization_id = $1 AND r.user_id = $2`,
      [organizationId, userId],
    );
    return row?.at ?? null;
  }

  /** The link with this hash, locked: of two requests using it at once, one finds it used. */
  async findResetForUpdate(tokenHash: string, db: Db): Promise<PasswordResetRow | null> {
    const [row] = await db.query(
      `SELECT r.id, r.user_id AS "userId", u.organization_id AS "organizationId", r.purpose, r.expires_at <= now() AS expired, r.used_at AS "usedAt"
       FROM password_reset r JOIN app_user u ON u.id = r.user_id AND u.removed_at IS NULL
       WHERE r.token_hash = $1 FOR UPDATE OF r`,
      [tokenHash],
    );
    return row ?? null;
  }

  async markResetUsed(id: string, db: Db): Promise<void> {
    returned(await db.query(`UPDATE password_reset SET used_at = now() WHERE id = $1`, [id]));
  }
}
