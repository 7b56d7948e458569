import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { addUser, decodeQuotedPrintable, signupOrganization, startTestApp, testConfig, tokenOf, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

interface Mail {
  to: string[];
  raw: string;
}

describe('forgot password: a one-time link by mail', () => {
  const mails: Mail[] = [];
  const arrivals: (() => void)[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  const base = 'https://truyxuat.example.vn';

  beforeAll(async () => {
    // A local SMTP sink: every message it is handed is kept here.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          arrivals.splice(0).forEach((arrived) => arrived());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await startTestApp(createApiApp, testConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Nguồn <no-reply@truyxuat.example.vn>', PUBLIC_BASE_URL: base }));
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  /** Resolves with the first mail to `email`, waiting for it if need be. */
  async function mailTo(email: string, timeoutMs = 30_000): Promise<Mail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = mails.find((mail) => mail.to.includes(email));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${email}; got mail to ${mails.map((m) => m.to.join(',')).join(' | ') || 'nobody'}`);
      await new Promise<void>((resolve) => {
        arrivals.push(resolve);
        setTimeout(resolve, 500);
      });
    }
  }
  const linkIn = (mail: Mail) => {
    const text = decodeQuotedPrintable(mail.raw.slice(mail.raw.indexOf('\r\n\r\n')));
    const links = text.match(/https:\/\/truyxuat\.example\.vn\/console\/#\/reset-password\?token=[\w-]+/g) ?? [];
    expect(new Set(links).size).toBe(1);
    return { link: links[0]!, text };
  };
  const forgot = (email: string) => request(t.server).post('/api/v1/auth/forgot-password').send({ email });

  it('mails a link to a known email only, answering everyone the same; the link sets a password once', async () => {
    const org = await signupOrganization(t.server);
    const unknown = await forgot(`nobody-${Date.now()}@nowhere.vn`).expect(202);
    const known = await forgot(org.email.toUpperCase()).expect(202);
    expect(unknown.body).toEqual({ status: 'accepted' });
    expect(known.body).toEqual(unknown.body);

    const mail = await mailTo(org.email);
    expect(mail.raw).toMatch(/^From: .*no-reply@truyxuat\.example\.vn/m);
    const { link, text } = linkIn(mail);
    // Vietnamese first, English after; it says how long the link works.
    expect(text).toContain('đặt mật khẩu mới');
    expect(text).toContain('30 phút');
    expect(text).toContain('for 30 minutes');
    // The old password and session still work until the link is used.
    await request(t.server).get('/api/v1/me').set(org.auth).expect(200);

    await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(link), password: 'mật khẩu mới từ thư' }).expect(204);
    await request(t.server).get('/api/v1/me').set(org.auth).expect(401);
    await request(t.server).post('/api/v1/auth/login').send({ email: org.email, password: org.password }).expect(401);
    await request(t.server).post('/api/v1/auth/login').send({ email: org.email, password: 'mật khẩu mới từ thư' }).expect(200);
    const again = await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(link), password: 'a third password' }).expect(422);
    expect(again.body).toMatchObject({ code: 'RESET_TOKEN_USED', details: { field: 'token' } });
    // Only mail to the accounts that exist was sent.
    expect(mails.flatMap((m) => m.to).every((to) => to === org.email)).toBe(true);
  });

  it('refuses a link after it expires', async () => {
    const org = await signupOrganization(t.server);
    const clerk = await addUser(t.server, org, 'recorder');
    await forgot(clerk.email).expect(202);
    const { link } = linkIn(await mailTo(clerk.email));
    const [stored] = await t.dataSource.query(
      `SELECT r.id, extract(epoch FROM r.expires_at - r.created_at)::int AS seconds FROM password_reset r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1`,
      [clerk.email],
    );
    expect(stored.seconds).toBe(30 * 60);
    // Thirty minutes later (moved back rather than waited for):
    await t.dataSource.query(`UPDATE password_reset SET created_at = created_at - interval '30 minutes', expires_at = expires_at - interval '30 minutes' WHERE id = $1`, [stored.id]);
    const expired = await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(link), password: 'too late for this' }).expect(422);
    expect(expired.body).toMatchObject({ code: 'RESET_TOKEN_EXPIRED', details: { field: 'token' } });
    await request(t.server).post('/api/v1/auth/login').send({ email: clerk.email, password: 'another long password' }).expect(200);
  });
});

describe('forgot password without SMTP', () => {
  it('still answers 202 and logs that mail is not configured', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const t = await startTestApp(createApiApp);
    try {
      const org = await signupOrganization(t.server);
      const response = await request(t.server).post('/api/v1/auth/forgot-password').send({ email: org.email }).expect(202);
      expect(response.body).toEqual({ status: 'accepted' });
      expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringContaining('mail is not configured'));
      expect(await t.dataSource.query(`SELECT 1 FROM password_reset r JOIN app_user u ON u.id = r.user_id WHERE u.id = $1`, [org.userId])).toEqual([]);
    } finally {
      warn.mockRestore();
      await t.close();
    }
  });
});
