import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addUser, signupOrganization, startTestApp, testConfig, tokenOf, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/** Short locks so that a test waits seconds, not minutes: locked after 3 failures, for 2 s, then 4 s at most. */
const LOCKOUT = { LOGIN_LOCKOUT_THRESHOLD: '3', LOGIN_LOCKOUT_BASE_SECONDS: '2', LOGIN_LOCKOUT_MAX_SECONDS: '4' };

describe('login lockout per account', () => {
  let t: TestApp;
  let other: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp, testConfig(LOCKOUT));
    // Another API process (its own app): the count of failures is shared through PostgreSQL.
    other = await startTestApp(createApiApp, testConfig(LOCKOUT));
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  const login = (app: TestApp, email: string, password: string) => request(app.server).post('/api/v1/auth/login').send({ email, password });
  const until = async (at: number) => {
    while (Date.now() < at) await new Promise((resolve) => setTimeout(resolve, Math.min(250, at - Date.now())));
  };

  it('locks an account after repeated failures, refuses even the right password while locked, and lets it in afterwards', async () => {
    const org = await signupOrganization(t.server);
    expect((await login(t, org.email, 'wrong 1').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await login(other, org.email, 'wrong 2').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    const locked = await login(t, org.email, 'wrong 3').expect(429);
    const lockedAt = Date.now();
    expect(locked.body).toMatchObject({ statusCode: 429, code: 'LOGIN_LOCKED', details: { retryAfterSeconds: expect.any(Number) } });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    // The right password, on either process, is refused while the lock lasts.
    expect((await login(other, org.email, org.password).expect(429)).body.code).toBe('LOGIN_LOCKED');
    expect((await login(t, org.email, org.password).expect(429)).headers['retry-after']).toEqual(expect.any(String));

    await until(lockedAt + retryAfter * 1000 + 200);
    await login(t, org.email, org.password).expect(200);
    // Success starts the count again.
    await login(t, org.email, 'wrong again').expect(401);
    await login(t, org.email, 'wrong again').expect(401);
  });

  it('lengthens each further lock but never beyond the maximum', async () => {
    const org = await signupOrganization(t.server);
    for (const password of ['a', 'b']) await login(t, org.email, password).expect(401);
    let response = await login(t, org.email, 'c').expect(429);
    const locks = [Number(response.headers['retry-after'])];
    for (let i = 0; i < 2; i++) {
      await until(Date.now() + locks[locks.length - 1] * 1000 + 200);
      response = await login(t, org.email, `wrong ${i}`).expect(429);
      locks.push(Number(response.headers['retry-after']));
    }
    // 2 s, then 4 s, then still 4 s (the maximum).
    expect(locks[0]).toBeLessThanOrEqual(2);
    expect(locks[1]).toBeGreaterThan(2);
    expect(locks[1]).toBeLessThanOrEqual(4);
    expect(locks[2]).toBeGreaterThan(2);
    expect(locks[2]).toBeLessThanOrEqual(4);
  });

  it('treats an unknown email exactly like a known one (a lock tells nobody which emails exist)', async () => {
    const email = `nobody-${Date.now()}@nowhere.vn`;
    await login(t, email, 'a').expect(401);
    await login(t, email, 'b').expect(401);
    const locked = await login(t, email, 'c').expect(429);
    expect(locked.body.code).toBe('LOGIN_LOCKED');
  });

  it('lifts the lock when the password is reset through a link', async () => {
    const org = await signupOrganization(t.server);
    const clerk = await addUser(t.server, org, 'recorder');
    for (const password of ['a', 'b', 'c']) await login(t, clerk.email, password);
    await login(t, clerk.email, 'another long password').expect(429);
    const users = (await request(t.server).get('/api/v1/users').set(org.auth).expect(200)).body.items;
    const id = users.find((u: { email: string }) => u.email === clerk.email).id;
    const link = (await request(t.server).post(`/api/v1/users/${id}/password-reset`).set(org.auth).expect(201)).body.link;
    await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(link), password: 'a fresh start' }).expect(204);
    await login(t, clerk.email, 'a fresh start').expect(200);
  });
});

describe('client addresses and proxies (TRUST_PROXY)', () => {
  /** An auth route that neither locks accounts nor writes: only the per-address limit answers. */
  const forgot = (app: TestApp, forwardedFor?: string) => {
    const call = request(app.server).post('/api/v1/auth/forgot-password').send({ email: 'someone@example.vn' });
    return forwardedFor ? call.set('X-Forwarded-For', forwardedFor) : call;
  };

  it('ignores X-Forwarded-For by default: rotating it does not escape the per-address limit', async () => {
    const t = await startTestApp(createApiApp, testConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '3', PUBLIC_RATE_LIMIT_PER_MINUTE: '2' }));
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) statuses.push((await forgot(t, `203.0.113.${i}`)).status);
      expect(statuses).toEqual([202, 202, 202, 429, 429]);
      // The public pages' own limit likewise.
      const pages: number[] = [];
      for (let i = 1; i <= 4; i++) pages.push((await request(t.server).get('/l/NOSUCHLOT').set('X-Forwarded-For', `198.51.100.${i}`)).status);
      expect(pages.slice(2)).toEqual([429, 429]);
    } finally {
      await t.close();
    }
  });

  it('counts the forwarded address when the proxy it comes through is trusted', async () => {
    const t = await startTestApp(createApiApp, testConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1' }));
    try {
      const rotating: number[] = [];
      for (let i = 1; i <= 6; i++) rotating.push((await forgot(t, `203.0.113.${i}`)).status);
      expect(rotating).toEqual(Array(6).fill(202));
      const same: number[] = [];
      for (let i = 1; i <= 5; i++) same.push((await forgot(t, '198.51.100.7')).status);
      expect(same).toEqual([202, 202, 202, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
