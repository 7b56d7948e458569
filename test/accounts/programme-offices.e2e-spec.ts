import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addUser, createPartner, createProgrammeOffice, grantOversight, signupOrganization, startTestApp, tokenOf, type TestApp, type TestOrganization } from '@app/testing';
import { ProgrammeOfficesService } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

const run = promisify(execFile);

/** The built CLI (`npm run admin -- …`) against the test database; resolves with its exit code and output. */
async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['dist/apps/cli/src/main.js', 'admin', ...args], {
      env: { ...process.env, PUBLIC_BASE_URL: 'https://truyxuat.example.vn', LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('programme offices: created by the platform, oversight granted by each cooperative', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const province = () => `Tỉnh ${randomUUID().slice(0, 8)}`;
  const asOffice = (office: TestOrganization, organizationId: string) => request(t.server).get('/api/v1/partners').set(office.auth).set('X-Organization-Id', organizationId);
  const overseen = async (office: TestOrganization) => (await request(t.server).get('/api/v1/organizations').set(office.auth).expect(200)).body.items.map((o: { id: string }) => o.id);

  it('refuses to sign anyone up as a programme office, and writes nothing', async () => {
    const email = `office-${randomUUID()}@test.nguon.vn`;
    const before = await count(`SELECT count(*) AS n FROM organization`, []);
    const response = await request(t.server)
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'Văn phòng Điều phối NTM tỉnh Điện Biên', email, password: 'long enough pass', organizationKind: 'programme_office', province: 'Điện Biên' })
      .expect(403);
    expect(response.body).toMatchObject({ statusCode: 403, code: 'ORGANIZATION_KIND_NOT_ALLOWED', details: { field: 'organizationKind' } });
    expect(await count(`SELECT count(*) AS n FROM organization`, [])).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM app_user WHERE lower(email) = $1`, [email])).toBe(0);
    // The kinds anyone may sign up as still work.
    for (const organizationKind of ['cooperative', 'enterprise', 'household_business']) {
      const created = await request(t.server)
        .post('/api/v1/auth/signup')
        .send({ organizationName: `Tổ chức ${organizationKind}`, email: `${organizationKind}-${randomUUID()}@test.nguon.vn`, password: 'long enough pass', organizationKind })
        .expect(201);
      expect(created.body.organization.kind).toBe(organizationKind);
    }
  });

  it('lets an operator create an office with the CLI, whose first user sets a password through a one-time link', async () => {
    const email = `vp-ntm-${randomUUID()}@dienbien.gov.vn`;
    const where = province();
    const created = await admin('create-programme-office', '--name', 'Văn phòng Điều phối NTM', '--province', where, '--email', email, '--json');
    expect(created).toMatchObject({ code: 0 });
    const output = JSON.parse(created.stdout);
    expect(output.organization).toMatchObject({ kind: 'programme_office', province: where, name: 'Văn phòng Điều phối NTM', officeConfirmedAt: expect.any(String) });
    expect(output.user).toMatchObject({ email, role: 'owner' });
    expect(output.link).toMatch(/^https:\/\/truyxuat\.example\.vn\/console\/#\/reset-password\?token=[\w-]{40,}$/);
    // No password was given: nobody can log in until the link is used, and only its hash is stored.
    expect((await request(t.server).post('/api/v1/auth/login').send({ email, password: '!' }).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    const stored = await t.dataSource.query(`SELECT token_hash FROM password_reset WHERE user_id = $1`, [output.user.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(tokenOf(output.link));

    await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(output.link), password: 'mật khẩu văn phòng' }).expect(204);
    const login = await request(t.server).post('/api/v1/auth/login').send({ email, password: 'mật khẩu văn phòng' }).expect(200);
    const me = await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ organization: { id: output.organization.id, kind: 'programme_office' }, role: 'owner' });
    // The link works once.
    expect((await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(output.link), password: 'another password' }).expect(422)).body.code).toBe('RESET_TOKEN_USED');

    const listed = await admin('list-programme-offices', '--json');
    expect(JSON.parse(listed.stdout)).toContainEqual(expect.objectContaining({ id: output.organization.id, province: where, users: 1, activeLinks: 0, pendingLinks: 0 }));
    // Mistakes are named, and change nothing.
    const again = await admin('create-programme-office', '--name', 'Trùng', '--province', where, '--email', email);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('EMAIL_TAKEN');
    expect(await admin('create-programme-office', '--name', 'Thiếu tỉnh', '--email', `x-${randomUUID()}@test.vn`)).toMatchObject({ code: 64, stderr: expect.stringContaining('--province') });
    expect((await admin('no-such-command')).code).toBe(64);
    expect((await admin('confirm-programme-office', '--id', randomUUID())).stderr).toContain('PROGRAMME_OFFICE_NOT_FOUND');
  });

  it('shows a cooperative to an office only after the office invites it and the cooperative accepts; read-only', async () => {
    const where = province();
    const office = await createProgrammeOffice(t, { province: where });
    const coop = await signupOrganization(t.server, { province: where });
    await createPartner(t.server, coop, { name: 'Hộ Lò Văn Panh' });

    // Same province, but nothing agreed yet: it does not exist for the office.
    expect((await asOffice(office, coop.organizationId).expect(404)).body.code).toBe('ORGANIZATION_NOT_FOUND');
    expect(await overseen(office)).toEqual([]);
    const candidates = await request(t.server).get('/api/v1/organization-links/candidates').set(office.auth).expect(200);
    expect(candidates.body.items.map((o: { id: string }) => o.id)).toEqual([coop.organizationId]);

    const invited = await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: coop.organizationId }).expect(201);
    expect(invited.body).toMatchObject({ kind: 'oversight', status: 'pending', fromOrganizationId: office.organizationId, toOrganizationId: coop.organizationId, awaitingOurAnswer: false });
    await asOffice(office, coop.organizationId).expect(404);
    const again = await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: coop.organizationId }).expect(409);
    expect(again.body).toMatchObject({ code: 'LINK_EXISTS', details: { linkId: invited.body.id, status: 'pending' } });
    // The office cannot answer its own invitation; the cooperative's viewers cannot either.
    expect((await request(t.server).post(`/api/v1/organization-links/${invited.body.id}/accept`).set(office.auth).expect(403)).body.code).toBe('LINK_ANSWER_NOT_YOURS');
    const viewer = await addUser(t.server, coop, 'viewer');
    expect((await request(t.server).post(`/api/v1/organization-links/${invited.body.id}/accept`).set(viewer.auth).expect(403)).body.code).toBe('ROLE_FORBIDDEN');

    const mine = await request(t.server).get('/api/v1/organization-links?kind=oversight').set(coop.auth).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: invited.body.id, awaitingOurAnswer: true, other: expect.objectContaining({ id: office.organizationId, kind: 'programme_office' }) })]);
    const accepted = await request(t.server).post(`/api/v1/organization-links/${invited.body.id}/accept`).set(coop.auth).expect(200);
    expect(accepted.body).toMatchObject({ status: 'active', respondedAt: expect.any(String) });

    expect(await overseen(office)).toEqual([coop.organizationId]);
    const read = await asOffice(office, coop.organizationId).expect(200);
    expect(read.body.items.map((p: { name: string }) => p.name)).toEqual(['Hộ Lò Văn Panh']);
    expect(JSON.stringify(read.body)).not.toContain('0912 345 678'); // members' phones stay private
    const me = await request(t.server).get('/api/v1/me').set(office.auth).set('X-Organization-Id', coop.organizationId).expect(200);
    expect(me.body).toMatchObject({ organization: { id: coop.organizationId }, role: 'viewer', actingFromOrganizationId: office.organizationId });
    // Never a write, whatever the office's own role.
    const write = await request(t.server).post('/api/v1/partners').set(office.auth).set('X-Organization-Id', coop.organizationId).send({ kind: 'member_household', name: 'Hộ giả' }).expect(403);
    expect(write.body.code).toBe('ROLE_FORBIDDEN');
    expect(await count(`SELECT count(*) AS n FROM partner WHERE organization_id = $1`, [coop.organizationId])).toBe(1);

    // The cooperative ends it: the very next request is refused.
    await request(t.server).post(`/api/v1/organization-links/${invited.body.id}/end`).set(coop.auth).expect(200);
    await asOffice(office, coop.organizationId).expect(404);
    expect(await overseen(office)).toEqual([]);
    expect((await request(t.server).post(`/api/v1/organization-links/${invited.body.id}/end`).set(office.auth).expect(409)).body.code).toBe('LINK_NOT_OPEN');
  });

  it('lets a cooperative ask its province’s office, and either side end the link at once', async () => {
    const where = province();
    const office = await createProgrammeOffice(t, { province: where });
    const coop = await signupOrganization(t.server, { province: where });
    const candidates = await request(t.server).get('/api/v1/organization-links/candidates').set(coop.auth).expect(200);
    expect(candidates.body.items).toEqual([expect.objectContaining({ id: office.organizationId, kind: 'programme_office' })]);
    const asked = await request(t.server).post('/api/v1/organization-links').set(coop.auth).send({ kind: 'oversight', organizationId: office.organizationId }).expect(201);
    expect(asked.body).toMatchObject({ fromOrganizationId: office.organizationId, toOrganizationId: coop.organizationId, requestedByOrganizationId: coop.organizationId });
    await asOffice(office, coop.organizationId).expect(404);
    await request(t.server).post(`/api/v1/organization-links/${asked.body.id}/accept`).set(office.auth).expect(200);
    await asOffice(office, coop.organizationId).expect(200);
    // The office ends it.
    await request(t.server).post(`/api/v1/organization-links/${asked.body.id}/end`).set(office.auth).expect(200);
    await asOffice(office, coop.organizationId).expect(404);

    // A declined invitation grants nothing either.
    const invited = await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: coop.organizationId }).expect(201);
    await request(t.server).post(`/api/v1/organization-links/${invited.body.id}/decline`).set(coop.auth).expect(200);
    await asOffice(office, coop.organizationId).expect(404);
    expect((await request(t.server).post(`/api/v1/organization-links/${invited.body.id}/accept`).set(coop.auth).expect(409)).body.code).toBe('LINK_NOT_PENDING');
  });

  it('keeps oversight within the office’s province, between an office and the organizations it may oversee', async () => {
    const where = province();
    const office = await createProgrammeOffice(t, { province: where });
    const elsewhere = await signupOrganization(t.server, { province: 'Lai Châu' });
    const before = await count(`SELECT count(*) AS n FROM organization_link WHERE from_organization_id = $1`, [office.organizationId]);
    const invite = await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: elsewhere.organizationId }).expect(422);
    expect(invite.body).toMatchObject({ code: 'LINK_OUTSIDE_PROVINCE', details: { field: 'organizationId' } });
    const ask = await request(t.server).post('/api/v1/organization-links').set(elsewhere.auth).send({ kind: 'oversight', organizationId: office.organizationId }).expect(422);
    expect(ask.body.code).toBe('LINK_OUTSIDE_PROVINCE');
    const otherOffice = await createProgrammeOffice(t, { province: where });
    expect((await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: otherOffice.organizationId }).expect(422)).body.code).toBe('LINK_NOT_OVERSEEABLE');
    const coop = await signupOrganization(t.server, { province: where });
    const neighbour = await signupOrganization(t.server, { province: where });
    expect((await request(t.server).post('/api/v1/organization-links').set(coop.auth).send({ kind: 'oversight', organizationId: neighbour.organizationId }).expect(422)).body.code).toBe('LINK_NOT_AN_OFFICE');
    expect((await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: office.organizationId }).expect(422)).body.code).toBe('LINK_SELF');
    expect((await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: randomUUID() }).expect(404)).body.code).toBe('LINK_ORGANIZATION_NOT_FOUND');
    expect((await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'friendship', organizationId: coop.organizationId }).expect(400)).body.details.fields.kind).toBeDefined();
    expect(await count(`SELECT count(*) AS n FROM organization_link WHERE from_organization_id = $1`, [office.organizationId])).toBe(before);
    // Someone else's link answers 404, as if it did not exist.
    const link = await grantOversight(t.server, office, coop);
    expect((await request(t.server).post(`/api/v1/organization-links/${link}/end`).set(neighbour.auth).expect(404)).body.code).toBe('LINK_NOT_FOUND');
  });

  it('lets an operator withdraw an office’s confirmation: its links end at once, and an unconfirmed office oversees nobody', async () => {
    const where = province();
    const office = await createProgrammeOffice(t, { province: where });
    const coop = await signupOrganization(t.server, { province: where });
    await grantOversight(t.server, office, coop);
    await asOffice(office, coop.organizationId).expect(200);

    const revoked = await admin('revoke-programme-office', '--id', office.organizationId, '--json');
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ endedLinks: 1, organization: { officeConfirmedAt: null } });
    await asOffice(office, coop.organizationId).expect(404);
    const invite = await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: coop.organizationId }).expect(403);
    expect(invite.body.code).toBe('PROGRAMME_OFFICE_NOT_CONFIRMED');
    // A cooperative cannot ask an unconfirmed office either.
    expect((await request(t.server).post('/api/v1/organization-links').set(coop.auth).send({ kind: 'oversight', organizationId: office.organizationId }).expect(422)).body.code).toBe('LINK_NOT_AN_OFFICE');

    // Confirmed again: the old links stay ended; oversight is asked for afresh.
    await t.app.get(ProgrammeOfficesService).confirm(office.organizationId);
    await asOffice(office, coop.organizationId).expect(404);
    await grantOversight(t.server, office, coop);
    await asOffice(office, coop.organizationId).expect(200);
  });
});
