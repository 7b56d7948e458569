import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addUser, signupOrganization, startTestApp, testConfig, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

describe('accounts and tenancy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);

  it('signs up, logs in and makes an authorised request', async () => {
    const email = `Chu.Nhiem.${Date.now()}@HTX.vn`;
    const signup = await request(t.server)
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'HTX Séng Cù', email, password: 'mật khẩu dài đủ', province: 'Điện Biên' })
      .expect(201);
    expect(signup.body.accessToken).toEqual(expect.any(String));
    expect(signup.body.organization).toMatchObject({ name: 'HTX Séng Cù', kind: 'cooperative' });
    expect(signup.body.user).toMatchObject({ email: email.toLowerCase(), role: 'owner' });
    expect(signup.body.user.passwordHash).toBeUndefined();

    const stored = await t.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [signup.body.user.id]);
    expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);

    const login = await request(t.server).post('/api/v1/auth/login').send({ email, password: 'mật khẩu dài đủ' }).expect(200);
    const me = await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body.organization.id).toBe(signup.body.organization.id);
    expect(me.body.role).toBe('owner');
  });

  it('normalises NFD input to NFC', async () => {
    const nfd = 'HTX Điện Biên'.normalize('NFD');
    const org = await signupOrganization(t.server, { organizationName: nfd });
    const stored = await t.dataSource.query(`SELECT name FROM organization WHERE id = $1`, [org.organizationId]);
    expect(stored[0].name).toBe('HTX Điện Biên'.normalize('NFC'));
    expect(stored[0].name).not.toBe(nfd);
  });

  it('answers a wrong password with 401 and a code', async () => {
    const org = await signupOrganization(t.server);
    const response = await request(t.server).post('/api/v1/auth/login').send({ email: org.email, password: 'wrong password' }).expect(401);
    expect(response.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: expect.any(String) });
    const unknown = await request(t.server).post('/api/v1/auth/login').send({ email: 'nobody@nowhere.vn', password: 'whatever' }).expect(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a duplicate email with 409, whatever its case, and writes nothing', async () => {
    const org = await signupOrganization(t.server);
    const name = `Another ${randomUUID()}`;
    const response = await request(t.server)
      .post('/api/v1/auth/signup')
      .send({ organizationName: name, email: org.email.toUpperCase(), password: 'long enough pass' })
      .expect(409);
    expect(response.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN', details: { field: 'email' } });
    expect(await count(`SELECT count(*) AS n FROM organization WHERE name = $1`, [name])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM app_user WHERE lower(email) = lower($1)`, [org.email])).toBe(1);
  });

  it('refuses racing sign-ups for one email: exactly one wins', async () => {
    const email = `race-${randomUUID()}@test.vn`;
    const name = `Race ${randomUUID()}`;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => request(t.server).post('/api/v1/auth/signup').send({ organizationName: name, email, password: 'long enough pass' })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await count(`SELECT count(*) AS n FROM organization WHERE name = $1`, [name])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM app_user WHERE email = $1`, [email])).toBe(1);
  });

  it('refuses racing user creations for one email: exactly one wins, the others 409 with a code', async () => {
    const org = await signupOrganization(t.server);
    const email = `racing-user-${randomUUID()}@test.vn`;
    // Without a password each creation also issues a first-password link: a loser must leave no link behind.
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request(t.server).post('/api/v1/users').set(org.auth).set('Idempotency-Key', `racing-user-${i}`).send({ email: i % 2 ? email.toUpperCase() : email, role: 'recorder', name: `Racer ${i}`, ...(i % 3 ? {} : { password: 'long enough pass' }) }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const lost of responses.filter((r) => r.status === 409)) {
      expect(lost.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN', details: { field: 'email' } });
    }
    const users = await t.dataSource.query(`SELECT id FROM app_user WHERE lower(email) = lower($1)`, [email]);
    expect(users).toHaveLength(1);
    const winner = responses.find((r) => r.status === 201)!;
    expect(users[0].id).toBe(winner.body.id);
    expect(await count(`SELECT count(*) AS n FROM password_reset WHERE user_id = $1`, [winner.body.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM app_user WHERE organization_id = $1`, [org.organizationId])).toBe(2);
  });

  it.each([
    [{ email: 'not-an-email', password: 'long enough pass', organizationName: 'X HTX' }, 'email'],
    [{ email: 'a@b.vn', password: 'short', organizationName: 'X HTX' }, 'password'],
    [{ email: 'a@b.vn', password: 'long enough pass' }, 'organizationName'],
    [{ email: 'a@b.vn', password: 'long enough pass', organizationName: 'X HTX', organizationKind: 'bank' }, 'organizationKind'],
    [{ email: 'a@b.vn', password: 'long enough pass', organizationName: 'X HTX', isAdmin: true }, 'isAdmin'],
  ])('answers malformed sign-up %j with 400 naming %s and writes nothing', async (body, field) => {
    // This request's own name and email, so that what it could have written is found by them alone.
    const marker = randomUUID();
    const own: Record<string, unknown> = { ...body, email: body.email.includes('@') ? body.email.replace('@', `+${marker}@`) : `${body.email}-${marker}` };
    if ('organizationName' in body) own.organizationName = `${body.organizationName} ${marker}`;
    const response = await request(t.server).post('/api/v1/auth/signup').send(own).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.message).toContain(field);
    expect(Object.keys(response.body.details.fields)).toContain(field);
    expect(await count(`SELECT count(*) AS n FROM organization WHERE name LIKE '%' || $1`, [marker])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM app_user WHERE email LIKE '%' || $1 || '%'`, [marker])).toBe(0);
  });

  it('answers malformed JSON and oversized bodies with a coded error', async () => {
    const bad = await request(t.server).post('/api/v1/auth/login').set('content-type', 'application/json').send('{"email":').expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: expect.any(String), message: expect.any(String) });
    const big = await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: 'a@b.vn', password: 'x'.repeat(t.config.bodyLimitBytes + 10) })
      .expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps tenants apart: another organization’s resources answer 404', async () => {
    const a = await signupOrganization(t.server);
    const b = await signupOrganization(t.server);
    const key = await request(t.server).post('/api/v1/api-keys').set(a.auth).send({ name: 'ERP', role: 'viewer' }).expect(201);
    const revoke = await request(t.server).delete(`/api/v1/api-keys/${key.body.apiKey.id}`).set(b.auth).expect(404);
    expect(revoke.body.code).toBe('API_KEY_NOT_FOUND');
    const listed = await request(t.server).get('/api/v1/api-keys').set(b.auth).expect(200);
    expect(listed.body.items).toEqual([]);
    const users = await request(t.server).get('/api/v1/users').set(b.auth).expect(200);
    expect(users.body.items.map((u: { email: string }) => u.email)).toEqual([b.email]);
    // A cooperative cannot act as another organization.
    await request(t.server).get('/api/v1/me').set(b.auth).set('X-Organization-Id', a.organizationId).expect(404);
  });

  it('issues API keys that work once shown, are stored hashed and can be revoked', async () => {
    const org = await signupOrganization(t.server);
    const created = await request(t.server).post('/api/v1/api-keys').set(org.auth).send({ name: 'Kế toán', role: 'recorder' }).expect(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^ngn_/);
    const stored = await t.dataSource.query(`SELECT key_hash FROM api_key WHERE id = $1`, [created.body.apiKey.id]);
    expect(stored[0].key_hash).not.toContain(key);
    const listed = await request(t.server).get('/api/v1/api-keys').set(org.auth).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const me = await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${key}`).expect(200);
    expect(me.body).toMatchObject({ role: 'recorder', organization: { id: org.organizationId } });
    await request(t.server).get('/api/v1/me').set('X-Api-Key', key).expect(200);

    await request(t.server).delete(`/api/v1/api-keys/${created.body.apiKey.id}`).set(org.auth).expect(200);
    const refused = await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${key}`).expect(401);
    expect(refused.body.code).toBe('INVALID_TOKEN');
  });

  it('refuses a key revoked through another API process at once, though this one had it cached', async () => {
    // A second app in this process: its own caller cache and its own notification connection.
    const other = await startTestApp(createApiApp);
    try {
      const org = await signupOrganization(t.server);
      const created = await request(t.server).post('/api/v1/api-keys').set(org.auth).send({ name: 'ERP', role: 'recorder' }).expect(201);
      const auth = { Authorization: `Bearer ${created.body.key}` };
      await request(t.server).get('/api/v1/me').set(auth).expect(200);
      await request(t.server).get('/api/v1/me').set(auth).expect(200); // now cached here
      await request(other.server).delete(`/api/v1/api-keys/${created.body.apiKey.id}`).set(org.auth).expect(200);
      const refused = await request(t.server).get('/api/v1/me').set(auth).expect(401);
      expect(refused.body.code).toBe('INVALID_TOKEN');
    } finally {
      await other.close();
    }
  });

  it('lets viewers read but not write, and only admins manage keys', async () => {
    const org = await signupOrganization(t.server);
    const viewer = await addUser(t.server, org, 'viewer');
    const recorder = await addUser(t.server, org, 'recorder');
    await request(t.server).get('/api/v1/me').set(viewer.auth).expect(200);
    const write = await request(t.server).post('/api/v1/api-keys').set(viewer.auth).send({ name: 'x', role: 'viewer' }).expect(403);
    expect(write.body.code).toBe('ROLE_FORBIDDEN');
    await request(t.server).get('/api/v1/api-keys').set(recorder.auth).expect(403);
    const escalate = await request(t.server).post('/api/v1/users').set(org.auth).send({ email: 'x@y.vn', password: 'long enough pass', role: 'owner' }).expect(400);
    expect(escalate.body.details.fields.role).toBeDefined();
  });

  it('refuses requests without or with a forged token', async () => {
    expect((await request(t.server).get('/api/v1/me').expect(401)).body.code).toBe('AUTH_REQUIRED');
    const forged = await request(t.server).get('/api/v1/me').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc').expect(401);
    expect(forged.body.code).toBe('INVALID_TOKEN');
  });

  it('replays a write repeated with the same Idempotency-Key', async () => {
    const org = await signupOrganization(t.server);
    const send = () => request(t.server).post('/api/v1/api-keys').set(org.auth).set('Idempotency-Key', 'retry-key-0001').send({ name: 'Một lần', role: 'viewer' });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.apiKey.id).toBe(first.body.apiKey.id);
    const third = await send().expect(201);
    expect(third.headers['idempotent-replayed']).toBe('true');
    expect(await count(`SELECT count(*) AS n FROM api_key WHERE organization_id = $1`, [org.organizationId])).toBe(1);
    const reused = await request(t.server).post('/api/v1/api-keys').set(org.auth).set('Idempotency-Key', 'retry-key-0001').send({ name: 'Khác', role: 'viewer' }).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('serves health, OpenAPI, request ids and security headers', async () => {
    await request(t.server).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(t.server).get('/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', queue: 'ok' } });
    expect(ready.headers['x-request-id']).toEqual(expect.any(String));
    expect(ready.headers['x-content-type-options']).toBe('nosniff');
    const docs = await request(t.server).get('/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/signup', '/api/v1/auth/login', '/health/ready']));
    await request(t.server).get('/docs').expect((r) => expect([200, 301, 302]).toContain(r.status));
    expect((await request(t.server).get('/api/v1/nothing-here').expect(404)).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});

describe('configuration switches', () => {
  it('refuses sign-up when disabled', async () => {
    const t = await startTestApp(createApiApp, testConfig({ SIGNUP_ENABLED: 'false' }));
    try {
      const response = await request(t.server).post('/api/v1/auth/signup').send({ organizationName: 'HTX', email: 'x@y.vn', password: 'long enough pass' }).expect(403);
      expect(response.body.code).toBe('SIGNUP_DISABLED');
    } finally {
      await t.close();
    }
  });

  it('rate-limits the auth endpoints', async () => {
    const t = await startTestApp(createApiApp, testConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '3' }));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await request(t.server).post('/api/v1/auth/login').send({ email: 'x@y.vn', password: 'p' })).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const limited = await request(t.server).post('/api/v1/auth/login').send({ email: 'x@y.vn', password: 'p' });
      expect(limited.body.code).toBe('RATE_LIMITED');
      await request(t.server).get('/health/live').expect(200);
    } finally {
      await t.close();
    }
  });
});
