import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addUser, signupOrganization, startTestApp, tokenOf, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT signed with the deployment's secret, with any header and claims. */
function sign(secret: string, header: object, claims: object, hash: 'sha256' | 'sha512' = 'sha256'): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac(hash, secret).update(body).digest('base64url')}`;
}
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('users and sessions: every change that should end a session ends it, at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (token: string) => request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${token}`);
  const login = (email: string, password: string) => request(t.server).post('/api/v1/auth/login').send({ email, password });
  const userId = async (org: TestOrganization, email: string) =>
    (await request(t.server).get('/api/v1/users').set(org.auth).expect(200)).body.items.find((u: { email: string }) => u.email === email).id as string;

  it('logs out: the token is refused from the answer on, other sessions of the user go on', async () => {
    const org = await signupOrganization(t.server);
    const other = (await login(org.email, org.password).expect(200)).body.accessToken;
    await me(org.token).expect(200);
    await me(org.token).expect(200); // cached by now
    await request(t.server).post('/api/v1/auth/logout').set(org.auth).expect(204);
    expect((await me(org.token).expect(401)).body.code).toBe('INVALID_TOKEN');
    await request(t.server).post('/api/v1/auth/logout').set(org.auth).expect(401);
    await me(other).expect(200);
    const [session] = await t.dataSource.query(`SELECT revoked_at, revoked_reason FROM user_session WHERE id = $1`, [claimsOf(org.token).sid]);
    expect(session).toMatchObject({ revoked_at: expect.any(Date), revoked_reason: 'logout' });
    // An API key is not a session.
    const key = (await request(t.server).post('/api/v1/api-keys').set({ Authorization: `Bearer ${other}` }).send({ name: 'ERP', role: 'viewer' }).expect(201)).body.key;
    expect((await request(t.server).post('/api/v1/auth/logout').set('Authorization', `Bearer ${key}`).expect(422)).body.code).toBe('NOT_A_SESSION');
  });

  it('ends a user’s sessions when an admin changes their role, and the new role applies at the next login', async () => {
    const org = await signupOrganization(t.server);
    const clerk = await addUser(t.server, org, 'recorder');
    await me(clerk.token).expect(200);
    const id = await userId(org, clerk.email);
    const changed = await request(t.server).patch(`/api/v1/users/${id}`).set(org.auth).send({ role: 'viewer' }).expect(200);
    expect(changed.body).toMatchObject({ id, role: 'viewer' });
    expect(changed.body.passwordHash).toBeUndefined();
    await me(clerk.token).expect(401);
    const again = (await login(clerk.email, 'another long password').expect(200)).body.accessToken;
    expect((await me(again).expect(200)).body.role).toBe('viewer');
    // A name change alone keeps the sessions.
    await request(t.server).patch(`/api/v1/users/${id}`).set(org.auth).send({ name: 'Lò Thị Hoa' }).expect(200);
    await me(again).expect(200);
  });

  it('deactivates and reactivates a user; a deactivated user cannot log in', async () => {
    const org = await signupOrganization(t.server);
    const clerk = await addUser(t.server, org, 'recorder');
    const id = await userId(org, clerk.email);
    const deactivated = await request(t.server).post(`/api/v1/users/${id}/deactivate`).set(org.auth).expect(200);
    expect(deactivated.body.deactivatedAt).toEqual(expect.any(String));
    await me(clerk.token).expect(401);
    expect((await login(clerk.email, 'another long password').expect(403)).body.code).toBe('ACCOUNT_DEACTIVATED');
    await request(t.server).post(`/api/v1/users/${id}/reactivate`).set(org.auth).expect(200);
    await login(clerk.email, 'another long password').expect(200);
  });

  it('removes a user: their tokens are refused, they cannot log in, and the email is free again', async () => {
    const org = await signupOrganization(t.server);
    const clerk = await addUser(t.server, org, 'viewer');
    const id = await userId(org, clerk.email);
    await request(t.server).delete(`/api/v1/users/${id}`).set(org.auth).expect(204);
    await me(clerk.token).expect(401);
    await login(clerk.email, 'another long password').expect(401);
    const users = (await request(t.server).get('/api/v1/users').set(org.auth).expect(200)).body.items;
    expect(users.map((u: { id: string }) => u.id)).not.toContain(id);
    await request(t.server).delete(`/api/v1/users/${id}`).set(org.auth).expect(404);
    await request(t.server).post('/api/v1/users').set(org.auth).send({ email: clerk.email, password: 'long enough pass', role: 'viewer' }).expect(201);
  });

  it('changes one’s own password with the current one; every old session ends', async () => {
    const org = await signupOrganization(t.server);
    const viewer = await addUser(t.server, org, 'viewer');
    const second = (await login(org.email, org.password).expect(200)).body.accessToken;
    const wrong = await request(t.server).post('/api/v1/me/password').set(org.auth).send({ currentPassword: 'not it', newPassword: 'a brand new password' }).expect(422);
    expect(wrong.body).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', details: { field: 'currentPassword' } });
    await me(org.token).expect(200);
    const short = await request(t.server).post('/api/v1/me/password').set(org.auth).send({ currentPassword: org.password, newPassword: 'short' }).expect(400);
    expect(short.body.details.fields.newPassword).toBeDefined();
    await request(t.server).post('/api/v1/me/password').set(org.auth).send({ currentPassword: org.password, newPassword: 'a brand new password' }).expect(204);
    await me(org.token).expect(401);
    await me(second).expect(401);
    await login(org.email, org.password).expect(401);
    await login(org.email, 'a brand new password').expect(200);
    // A viewer may change their own password too.
    await request(t.server).post('/api/v1/me/password').set(viewer.auth).send({ currentPassword: 'another long password', newPassword: 'viewer’s new password' }).expect(204);
  });

  it('lets an admin issue a one-time reset link; using it ends the user’s sessions', async () => {
    const org = await signupOrganization(t.server);
    const clerk = await addUser(t.server, org, 'recorder');
    const id = await userId(org, clerk.email);
    const issued = await request(t.server).post(`/api/v1/users/${id}/password-reset`).set(org.auth).expect(201);
    expect(issued.body.link).toMatch(/\/console\/#\/reset-password\?token=/);
    // Issuing changes nothing yet.
    await me(clerk.token).expect(200);
    await login(clerk.email, 'another long password').expect(200);
    const [stored] = await t.dataSource.query(`SELECT expires_at - created_at AS ttl, token_hash FROM password_reset WHERE user_id = $1`, [id]);
    expect(stored.ttl).toMatchObject({ minutes: 30 });
    expect(stored.token_hash).not.toBe(tokenOf(issued.body.link));

    await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(issued.body.link), password: 'set by the link' }).expect(204);
    await me(clerk.token).expect(401);
    await login(clerk.email, 'another long password').expect(401);
    await login(clerk.email, 'set by the link').expect(200);
    expect((await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(issued.body.link), password: 'once more please' }).expect(422)).body.code).toBe('RESET_TOKEN_USED');
    expect((await request(t.server).post('/api/v1/auth/reset-password').send({ token: 'x'.repeat(43), password: 'once more please' }).expect(422)).body).toMatchObject({
      code: 'RESET_TOKEN_INVALID',
      details: { field: 'token' },
    });
    // Only the latest link works.
    const first = (await request(t.server).post(`/api/v1/users/${id}/password-reset`).set(org.auth).expect(201)).body.link;
    const latest = (await request(t.server).post(`/api/v1/users/${id}/password-reset`).set(org.auth).expect(201)).body.link;
    await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(first), password: 'from the older link' }).expect(422);
    await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(latest), password: 'from the latest link' }).expect(204);
  });

  it('adds a user without a password: the answer carries a link for them to set one', async () => {
    const org = await signupOrganization(t.server);
    const email = `new-${randomUUID()}@test.nguon.vn`;
    const created = await request(t.server).post('/api/v1/users').set(org.auth).send({ email, role: 'recorder', name: 'Quàng Văn Sơn' }).expect(201);
    expect(created.body).toMatchObject({ email, role: 'recorder', passwordSetLink: expect.stringContaining('#/reset-password?token='), passwordSetLinkExpiresAt: expect.any(String) });
    await login(email, '!').expect(401);
    await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(created.body.passwordSetLink), password: 'my own password' }).expect(204);
    await login(email, 'my own password').expect(200);
  });

  it('keeps admins below owners: no acting on a higher role, giving one, or on oneself', async () => {
    const org = await signupOrganization(t.server);
    const admin = await addUser(t.server, org, 'admin');
    const clerk = await addUser(t.server, org, 'recorder');
    const clerkId = await userId(org, clerk.email);
    const adminId = await userId(org, admin.email);
    const refused = async (response: request.Test, code: string) => expect((await response.expect(403)).body.code).toBe(code);
    await refused(request(t.server).patch(`/api/v1/users/${org.userId}`).set(admin.auth).send({ role: 'viewer' }), 'ROLE_NOT_ALLOWED');
    await refused(request(t.server).post(`/api/v1/users/${org.userId}/deactivate`).set(admin.auth), 'ROLE_NOT_ALLOWED');
    await refused(request(t.server).delete(`/api/v1/users/${org.userId}`).set(admin.auth), 'ROLE_NOT_ALLOWED');
    await refused(request(t.server).post(`/api/v1/users/${org.userId}/password-reset`).set(admin.auth), 'ROLE_NOT_ALLOWED');
    await refused(request(t.server).patch(`/api/v1/users/${clerkId}`).set(admin.auth).send({ role: 'owner' }), 'ROLE_NOT_ALLOWED');
    await refused(request(t.server).patch(`/api/v1/users/${adminId}`).set(admin.auth).send({ role: 'viewer' }), 'USER_IS_YOURSELF');
    await refused(request(t.server).post(`/api/v1/users/${clerkId}/deactivate`).set(clerk.auth), 'ROLE_FORBIDDEN');
    const bad = await request(t.server).patch(`/api/v1/users/${clerkId}`).set(admin.auth).send({ role: 'boss' }).expect(400);
    expect(bad.body.details.fields.role).toBeDefined();
    // Another organization's users do not exist here.
    const stranger = await signupOrganization(t.server);
    expect((await request(t.server).patch(`/api/v1/users/${stranger.userId}`).set(org.auth).send({ role: 'viewer' }).expect(404)).body.code).toBe('USER_NOT_FOUND');
    await me(org.token).expect(200);
    await me(stranger.token).expect(200);
    // Allowed: the admin changes the clerk, the owner makes the admin an owner.
    await request(t.server).patch(`/api/v1/users/${clerkId}`).set(admin.auth).send({ role: 'viewer' }).expect(200);
    await request(t.server).patch(`/api/v1/users/${adminId}`).set(org.auth).send({ role: 'owner' }).expect(200);
  });

  it('never leaves an organization without an active owner, even when two owners demote each other at once', async () => {
    const org = await signupOrganization(t.server);
    const second = await addUser(t.server, org, 'admin');
    const secondId = await userId(org, second.email);
    await request(t.server).patch(`/api/v1/users/${secondId}`).set(org.auth).send({ role: 'owner' }).expect(200);
    const secondToken = (await login(second.email, 'another long password').expect(200)).body.accessToken;
    const [a, b] = await Promise.all([
      request(t.server).patch(`/api/v1/users/${secondId}`).set(org.auth).send({ role: 'admin' }),
      request(t.server).patch(`/api/v1/users/${org.userId}`).set('Authorization', `Bearer ${secondToken}`).send({ role: 'admin' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, expect.any(Number)]);
    expect([a, b].filter((r) => r.status === 200)).toHaveLength(1);
    const loser = [a, b].find((r) => r.status !== 200)!;
    // Refused as the last owner, or because the one that went first already made the other an admin.
    expect(['LAST_OWNER', 'INVALID_TOKEN', 'ROLE_NOT_ALLOWED']).toContain(loser.body.code);
    const owners = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE organization_id = $1 AND role = 'owner'`, [org.organizationId]);
    expect(owners[0].n).toBe(1);
  });

  it('accepts only HS256 tokens that expire and name a live session', async () => {
    const org = await signupOrganization(t.server);
    const secret = t.config.jwtSecret;
    const claims = claimsOf(org.token);
    expect(claims).toMatchObject({ sid: expect.any(String), exp: expect.any(Number), iss: 'nguon' });
    // The same claims, signed here: accepted (so the refusals below are about what they change).
    await me(sign(secret, { alg: 'HS256', typ: 'JWT' }, claims)).expect(200);
    const { exp: _exp, ...withoutExpiry } = claims;
    await me(sign(secret, { alg: 'HS256', typ: 'JWT' }, withoutExpiry)).expect(401);
    const { sid: _sid, ...withoutSession } = claims;
    await me(sign(secret, { alg: 'HS256', typ: 'JWT' }, withoutSession)).expect(401);
    await me(sign(secret, { alg: 'HS256', typ: 'JWT' }, { ...claims, sid: randomUUID() })).expect(401);
    await me(sign(secret, { alg: 'HS512', typ: 'JWT' }, claims, 'sha512')).expect(401);
    await me(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`).expect(401);
    await me(sign(secret, { alg: 'HS256', typ: 'JWT' }, { ...claims, exp: Math.floor(Date.now() / 1000) - 10 })).expect(401);
  });
});
