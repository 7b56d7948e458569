import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { InvalidFieldException } from '../common/domain.exception.js';
import type { Db } from '@app/database';
import { AccountsRepository } from './accounts.repository.js';
import { CredentialsRepository, type ResetPurpose } from './credentials.repository.js';
import { MAILER, type Mailer } from './mailer.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsService, sha256 } from './sessions.service.js';

/** How long the link that sets a new user's first password works (sent by an admin or an operator). */
export const FIRST_PASSWORD_LINK_TTL_HOURS = 72;
/** At most one reset mail per account in this time, whoever asks. */
const MAIL_INTERVAL_MS = 60_000;

export interface PasswordLink {
  link: string;
  expiresAt: Date;
}

/**
 * One-time password links: a random token in the link, only its SHA-256 stored, used once, expiring
 * (PASSWORD_RESET_TTL_MINUTES for resets). Setting a password through one revokes every session of
 * the user and lifts a login lock. Links are issued by an admin, by a platform operator, or mailed on
 * request ("forgot password") when SMTP is configured.
 */
@Injectable()
export class PasswordResetsService {
  private readonly logger = new Logger('PasswordResets');

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly credentials: CredentialsRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores a new link for the user (earlier unused ones stop working) and returns it. */
  async issue(organizationId: string, userId: string, purpose: ResetPurpose, createdBy: string | null, db?: Db, ttlMs = this.ttlMs(purpose)): Promise<PasswordLink> {
    const token = randomBytes(32).toString('base64url');
    const write = (tx: Db) => this.credentials.insertReset(organizationId, { userId, tokenHash: sha256(token), purpose, createdBy, ttlSeconds: Math.round(ttlMs / 1000) }, tx);
    const expiresAt = db ? await write(db) : await this.credentials.transaction(write);
    return { link: `${this.config.publicBaseUrl}/console/#/reset-password?token=${token}`, expiresAt };
  }

  /**
   * "Forgot password": mails a link when the email belongs to an active user. Returns at once and
   * the same way whatever the email, so the answer (and its timing) tells nobody which emails exist.
   */
  requestByEmail(email: string): void {
    if (!this.mailer.configured) {
      this.logger.warn('a password reset was requested, but mail is not configured (SMTP_URL): no mail sent');
      return;
    }
    setImmediate(() => {
      this.mailLink(email.trim().toLowerCase()).catch((error: Error) => this.logger.error(`password-reset mail failed: ${error.message}`));
    });
  }

  /** Sets the password through a link: once, before it expires; every session of the user ends. */
  async complete(token: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    const announcement = await this.credentials.transaction(async (db) => {
      const reset = await this.credentials.findResetForUpdate(sha256(token), db);
      if (!reset) throw new InvalidFieldException('RESET_TOKEN_INVALID', 'token', 'this link is not valid; ask for a new one');
      if (reset.usedAt) throw new InvalidFieldException('RESET_TOKEN_USED', 'token', 'this link has already been used; ask for a new one');
      if (reset.expired) throw new InvalidFieldException('RESET_TOKEN_EXPIRED', 'token', 'this link has expired; ask for a new one');
      await this.credentials.markResetUsed(reset.id, db);
      const user = await this.accounts.findUserForUpdate(reset.organizationId, reset.userId, db);
      if (!user) throw new InvalidFieldException('RESET_TOKEN_INVALID', 'token', 'this link is not valid; ask for a new one');
      await this.accounts.setPasswordHash(reset.organizationId, reset.userId, passwordHash, db);
      await this.credentials.clearThrottle(user.email.toLowerCase(), db);
      return this.sessions.revokeUserSessions(reset.organizationId, reset.userId, 'password reset', db);
    });
    await announcement.heard();
  }

  private async mailLink(email: string): Promise<void> {
    const user = await this.accounts.findUserByEmailWithHash(email);
    if (!user || user.deactivatedAt) return;
    const latest = await this.credentials.latestResetAt(user.organizationId, user.id);
    if (latest && Date.now() - latest.getTime() < MAIL_INTERVAL_MS) return;
    const { link } = await this.issue(user.organizationId, user.id, 'reset', null);
    const minutes = this.config.passwordResetTtlMinutes;
    await this.mailer.send({
      to: user.email,
      subject: 'Đặt lại mật khẩu Nguồn / Reset your Nguồn password',
      text: [
        'Xin chào,',
        '',
        `Ai đó (có thể là bạn) đã yêu cầu đặt lại mật khẩu tài khoản Nguồn ${user.email}. Mở liên kết sau để đặt mật khẩu mới (dùng được một lần, trong ${minutes} phút):`,
        '',
        link,
        '',
        'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không đổi.',
        '',
        '---',
        '',
        `Someone (perhaps you) asked to reset the password of the Nguồn account ${user.email}. Open this link to set a new one (it works once, for ${minutes} minutes):`,
        '',
        link,
        '',
        'If you did not ask, ignore this mail: your password stays as it is.',
      ].join('\n'),
    });
  }

  private ttlMs(purpose: ResetPurpose): number {
    return purpose === 'first_password' ? FIRST_PASSWORD_LINK_TTL_HOURS * 3_600_000 : this.config.passwordResetTtlMinutes * 60_000;
  }
}

