import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createLotTestSetup, signupOrganization, startTestApp, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/** Input that used to answer 500: now a 400 with a code naming the problem, and nothing written. */
describe('client errors are 400s, never 500s', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Rows of every table: a refusal changes none. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables: { name: string }[] = await t.dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const [row] = await t.dataSource.query(`SELECT ${tables.map((table) => `(SELECT count(*) FROM "${table.name}")::int AS "${table.name}"`).join(', ')}`);
    return row;
  }

  const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const raw = (method: 'post' | 'get', path: string, org: TestOrganization | null, body?: string) => {
    const call = request(t.server)[method](path).set('content-type', 'application/json');
    if (org) call.set(org.auth);
    return body === undefined ? call : call.send(body);
  };

  it('refuses JSON nested 2,000 levels deep with 400 JSON_TOO_DEEP on every kind of write, login included', async () => {
    const org = await signupOrganization(t.server);
    const before = await rowCounts();
    for (const [path, who] of [
      ['/api/v1/auth/login', null],
      ['/api/v1/auth/signup', null],
      ['/api/v1/lots/harvest', org],
      ['/api/v1/lots/transform', org],
      ['/api/v1/partners', org],
      ['/api/v1/label-jobs', org],
    ] as const) {
      const response = await raw('post', path, who, deep(2_000));
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 400, code: 'JSON_TOO_DEEP' });
      expect(response.body.message).toMatch(/64/);
    }
    // Up to 64 levels the body is read, and judged on its content.
    const shallow = await raw('post', '/api/v1/partners', org, deep(64));
    expect({ status: shallow.status, code: shallow.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a NUL character in any text with 400 TEXT_INVALID_CHARACTER naming the field', async () => {
    const org = await signupOrganization(t.server);
    const s = await createLotTestSetup(t.dataSource, org.organizationId);
    const before = await rowCounts();
    const cases: [string, unknown, string][] = [
      ['/api/v1/partners', { kind: 'collector', name: 'Thu gom\u0000' }, 'name'],
      ['/api/v1/partners', { kind: 'collector', name: 'Thu gom', notes: 'ghi chú \u0000' }, 'notes'],
      [
        '/api/v1/lots/transform',
        { inputs: [{ lotId: s.areaId, quantity: '1', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '1', unit: 'kg', lotCode: 'A\u0000' }], occurredAt: '2026-10-01', process: 'xay' },
        'outputs[0].lotCode',
      ],
      ['/api/v1/growing-areas', { code: 'VN-1', name: 'Ruộng', crop: 'tea', areaHa: '1', province: 'Điện Biên', location: { type: 'Point\u0000', coordinates: [103, 21] } }, 'location.type'],
      ['/api/v1/auth/login', { email: 'a@b.vn\u0000', password: 'whatever password' }, 'email'],
      ['/api/v1/auth/signup', { organizationName: 'HTX\u0000', email: 'nul@test.nguon.vn', password: 'correct horse battery' }, 'organizationName'],
    ];
    for (const [path, body, field] of cases) {
      const response = await request(t.server).post(path).set(org.auth).send(body as object);
      expect({ path, status: response.status, code: response.body.code, field: response.body.details?.field }).toEqual({ path, status: 400, code: 'TEXT_INVALID_CHARACTER', field });
      expect(response.body.message).toContain(field);
    }
    const query = await request(t.server).get('/api/v1/partners?q=dien%00bien').set(org.auth);
    expect({ status: query.status, code: query.body.code, field: query.body.details?.field }).toEqual({ status: 400, code: 'TEXT_INVALID_CHARACTER', field: 'q' });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a malformed X-Organization-Id with 400 INVALID_ORGANIZATION_ID on reads and writes', async () => {
    const org = await signupOrganization(t.server);
    for (const value of ['not-a-uuid', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g']) {
      const read = await request(t.server).get('/api/v1/lots').set(org.auth).set('X-Organization-Id', value);
      expect({ status: read.status, code: read.body.code, field: read.body.details?.field }).toEqual({ status: 400, code: 'INVALID_ORGANIZATION_ID', field: 'X-Organization-Id' });
      const write = await request(t.server).post('/api/v1/partners').set(org.auth).set('X-Organization-Id', value).send({ kind: 'collector', name: 'Thu gom' });
      expect(write.status).toBe(400);
    }
    // A well-formed id the caller may not act as is still a 404, and its own id is itself.
    expect((await request(t.server).get('/api/v1/lots').set(org.auth).set('X-Organization-Id', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await request(t.server).get('/api/v1/lots').set(org.auth).set('X-Organization-Id', org.organizationId.toUpperCase())).status).toBe(200);
  });
});
