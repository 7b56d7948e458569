import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import pg from 'pg';
import request from 'supertest';
import {
  createCertification,
  createFacility,
  createGrowingArea,
  createInputApplication,
  createLotTestSetup,
  createPartner,
  createProduct,
  createTestPartner,
  signupOrganization,
  tokenOf,
  startTestApp,
  type LotTestSetup,
  type TestApp,
  type TestOrganization,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { PUBLIC_ROUTE } from '../../apps/api/src/common/auth.decorators.js';
import { REPLAY_WITH, type ReplaySpec } from '../../apps/api/src/common/replay.decorator.js';

type Json = Record<string, any>;

/**
 * Idempotency-Keys that survive a crash: the key is recorded in the transaction of its write (same
 * PostgreSQL transaction id), a retry after a crash between the commit and the storing of the answer
 * gets the answer rebuilt from what the write made, claims die with their connection, and a
 * duplicate waits without holding a pooled connection.
 */
describe('Idempotency-Key: crash-safe retries (docs/rules.md#retries-are-safe)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    // The crash this suite simulates: the answer of a write with a key starting "lost-answer-" is never
    // stored (as when the process dies between the commit and that UPDATE); the key's row stays as
    // the write's transaction inserted it.
    await t.dataSource.query(`CREATE FUNCTION test_lose_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER test_lose_answer BEFORE UPDATE ON idempotency_key FOR EACH ROW WHEN (OLD.key LIKE 'lost-answer-%') EXECUTE FUNCTION test_lose_answer()`,
    );
  });
  afterAll(async () => {
    await t.dataSource.query(`DROP TRIGGER IF EXISTS test_lose_answer ON idempotency_key`);
    await t.dataSource.query(`DROP FUNCTION IF EXISTS test_lose_answer()`);
    await t.close();
  });

  const one = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0];

  /** Everything a write could add for the organization. */
  async function footprint(org: TestOrganization) {
    return one(
      `SELECT (SELECT count(*) FROM lot WHERE organization_id = $1) AS lots, (SELECT count(*) FROM event WHERE organization_id = $1) AS events,
              (SELECT count(*) FROM shipment WHERE organization_id = $1) AS shipments, (SELECT count(*) FROM partner WHERE organization_id = $1) AS partners,
              (SELECT count(*) FROM facility WHERE organization_id = $1) AS facilities, (SELECT count(*) FROM product WHERE organization_id = $1) AS products,
              (SELECT count(*) FROM certification WHERE organization_id = $1) AS certifications, (SELECT count(*) FROM growing_area WHERE organization_id = $1) AS areas,
              (SELECT count(*) FROM growing_area_status_change WHERE organization_id = $1) AS status_changes,
              (SELECT count(*) FROM input_application WHERE organization_id = $1) AS inputs, (SELECT count(*) FROM label_job WHERE organization_id = $1) AS label_jobs,
              (SELECT count(*) FROM app_user WHERE organization_id = $1) AS users, (SELECT count(*) FROM api_key WHERE organization_id = $1) AS api_keys,
              (SELECT count(*) FROM crop_yield_limit WHERE organization_id = $1) AS crop_limits,
              (SELECT coalesce(sum(consumed), 0)::text FROM lot WHERE organization_id = $1) AS consumed`,
      [org.organizationId],
    );
  }

  interface World {
    org: TestOrganization;
    s: LotTestSetup;
    lot: Json;
  }

  async function world(): Promise<World> {
    const org = await signupOrganization(t.server);
    const s = await createLotTestSetup(t.dataSource, org.organizationId);
    const lot = (
      await request(t.server)
        .post('/api/v1/lots/harvest')
        .set(org.auth)
        .send({ growingAreaId: s.areaId, productId: s.paddyId, quantity: '500', unit: 'kg', harvestedAt: '2026-10-01T07:00:00+07:00', partnerId: s.householdId })
        .expect(201)
    ).body;
    return { org, s, lot };
  }

  type Send = (key: string) => request.Test;
  /** The row the write made or changed, whose transaction id the key's row must share. */
  type Written = (body: Json) => { table: string; where: string; params: unknown[] };
  const byId = (table: string, id: (body: Json) => string): Written => (body) => ({ table, where: 'id = $1', params: [id(body)] });

  /**
   * The write commits with its key; the process then "dies" before storing the answer; the retry
   * gets the same status and answer, marked replayed, and writes nothing.
   */
  async function expectAnswerRebuiltAfterCrash(org: TestOrganization, send: Send, written: Written, compare: (again: Json, first: Json) => void = (a, f) => expect(a).toEqual(f)) {
    const key = `lost-answer-${randomUUID()}`;
    const first = await send(key);
    expect(first.status).toBeLessThan(300);
    const row = await one(`SELECT xmin::text AS xmin, status_code AS "statusCode", response_body IS NULL AS lost FROM idempotency_key WHERE organization_id = $1 AND key = $2`, [
      org.organizationId,
      key,
    ]);
    expect(row).toMatchObject({ statusCode: first.status, lost: true });
    const target = written(first.body);
    const made = await one(`SELECT xmin::text AS xmin FROM ${target.table} WHERE ${target.where}`, target.params);
    // Recorded by the very transaction that wrote the row.
    expect(made.xmin).toBe(row.xmin);

    const before = await footprint(org);
    for (let retry = 0; retry < 2; retry++) {
      const again = await send(key);
      expect(again.status).toBe(first.status);
      expect(again.headers['idempotent-replayed']).toBe('true');
      compare(again.body, first.body);
    }
    expect(await footprint(org)).toEqual(before);
  }

  const post = (org: TestOrganization, path: string, body: Json): Send => (key) => request(t.server).post(path).set(org.auth).set('Idempotency-Key', key).send(body);
  const patch = (org: TestOrganization, path: string, body: Json): Send => (key) => request(t.server).patch(path).set(org.auth).set('Idempotency-Key', key).send(body);
  const eventOf = (body: Json) => (body.event?.id ?? body.createdEventId) as string;

  it('every write route says how the answer of a committed write is rebuilt', () => {
    const missing: string[] = [];
    let writes = 0;
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as unknown as { prototype: Record<string, unknown> };
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name] as object;
          const method = typeof handler === 'function' ? Reflect.getMetadata(METHOD_METADATA, handler) : undefined;
          if (![RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE].includes(method)) continue;
          if (Reflect.getMetadata(PUBLIC_ROUTE, handler) || Reflect.getMetadata(PUBLIC_ROUTE, controller)) continue;
          writes++;
          const spec = Reflect.getMetadata(REPLAY_WITH, handler) as ReplaySpec | undefined;
          if (!spec || typeof controller.prototype[spec.method] !== 'function') missing.push(`${(wrapper.metatype as { name: string }).name}.${name}`);
        }
      }
    }
    expect(writes).toBeGreaterThanOrEqual(25);
    expect(missing).toEqual([]);
  });

  describe('the answer of a write committed just before a crash is rebuilt, and nothing is written twice', () => {
    it('harvest', async () => {
      const { org, s } = await world();
      const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '12.5', unit: 'kg', harvestedAt: '2026-10-02', partnerId: s.householdId };
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/lots/harvest', body), byId('event', eventOf));
    });

    it('transform', async () => {
      const { org, s, lot } = await world();
      const body = { inputs: [{ lotId: lot.id, quantity: '100', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '70', unit: 'kg' }], occurredAt: '2026-10-03T08:00:00+07:00', process: 'xay xát' };
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/lots/transform', body), byId('event', eventOf));
    });

    it('split', async () => {
      const { org, lot } = await world();
      const body = { parts: [{ quantity: '10', unit: 'kg' }, { quantity: '20', unit: 'kg' }] };
      await expectAnswerRebuiltAfterCrash(org, post(org, `/api/v1/lots/${lot.id}/split`, body), byId('event', eventOf));
    });

    it('ship', async () => {
      const { org, s, lot } = await world();
      const body = { partnerId: s.distributorId, quantity: '25', unit: 'kg', shippedAt: '2026-10-04T09:00:00+07:00', documents: [{ type: 'invoice', number: 'HĐ-001' }] };
      await expectAnswerRebuiltAfterCrash(org, post(org, `/api/v1/lots/${lot.id}/ship`, body), byId('event', eventOf));
    });

    it('receive', async () => {
      const { org, lot } = await world();
      const receiver = await signupOrganization(t.server);
      const linked = await createTestPartner(t.dataSource, org.organizationId, { kind: 'distributor', name: 'Đối tác trên nền tảng', linkedOrganizationId: receiver.organizationId, tradeLinkAccepted: true });
      const shipped = await request(t.server)
        .post(`/api/v1/lots/${lot.id}/ship`)
        .set(org.auth)
        .send({ partnerId: linked, quantity: '40', unit: 'kg', shippedAt: '2026-10-04T09:00:00+07:00' })
        .expect(201);
      const body = { receivedAt: '2026-10-05T09:00:00+07:00' };
      await expectAnswerRebuiltAfterCrash(receiver, post(receiver, `/api/v1/shipments/${shipped.body.shipment.id}/receive`, body), byId('event', eventOf));
    });

    it('inspect', async () => {
      const { org, lot } = await world();
      const body = { result: 'conformant', inspectedAt: '2026-10-03T10:00:00+07:00', documents: [{ type: 'lab_report', number: 'KN-42' }] };
      await expectAnswerRebuiltAfterCrash(org, post(org, `/api/v1/lots/${lot.id}/inspect`, body), byId('event', eventOf));
    });

    it('void', async () => {
      const { org, s, lot } = await world();
      const shipped = await request(t.server)
        .post(`/api/v1/lots/${lot.id}/ship`)
        .set(org.auth)
        .send({ partnerId: s.distributorId, quantity: '5', unit: 'kg', shippedAt: '2026-10-04T09:00:00+07:00' })
        .expect(201);
      await expectAnswerRebuiltAfterCrash(org, post(org, `/api/v1/events/${shipped.body.event.id}/void`, { reason: 'Nhập nhầm' }), byId('event', eventOf));
    });

    it('recall', async () => {
      const { org, lot } = await world();
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/recalls', { lotId: lot.id, reason: 'Dư lượng thuốc' }), byId('event', eventOf));
    });

    it('label job', async () => {
      const { org, lot } = await world();
      const body = { lotId: lot.id, templateId: 'a4-3x8-70x37', count: 24, serialized: true };
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/label-jobs', body), byId('label_job', (b) => b.id));
    });

    it('partners, facilities, products and certifications: create and update', async () => {
      const { org } = await world();
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/partners', { kind: 'collector', name: 'Thu gom Mường Ảng' }), byId('partner', (b) => b.id));
      const partner = await createPartner(t.server, org);
      await expectAnswerRebuiltAfterCrash(org, patch(org, `/api/v1/partners/${partner.id}`, { notes: 'Giao hàng thứ Ba' }), byId('partner', (b) => b.id));
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/facilities', { kind: 'warehouse', name: 'Kho Thanh Xương' }), byId('facility', (b) => b.id));
      const facility = await createFacility(t.server, org);
      await expectAnswerRebuiltAfterCrash(org, patch(org, `/api/v1/facilities/${facility.id}`, { name: 'Xưởng mới' }), byId('facility', (b) => b.id));
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/products', { nameVi: 'Cà phê Mường Ảng', unit: 'kg' }), byId('product', (b) => b.id));
      const product = await createProduct(t.server, org);
      await expectAnswerRebuiltAfterCrash(org, patch(org, `/api/v1/products/${product.id}`, { nameEn: 'Sticky rice' }), byId('product', (b) => b.id));
      const body = { kind: 'vietgap', number: `VG-${randomUUID().slice(0, 6)}`, issuer: 'Trung tâm Chứng nhận', issuedAt: '2026-01-15', scopeType: 'product', scopeId: product.id };
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/certifications', body), byId('certification', (b) => b.id));
      const certification = await createCertification(t.server, org);
      await expectAnswerRebuiltAfterCrash(org, patch(org, `/api/v1/certifications/${certification.id}`, { issuer: 'UBND tỉnh' }), byId('certification', (b) => b.id));
    });

    it('growing areas: create, update, status, inputs and their void; crop yield limits', async () => {
      const { org } = await world();
      const body = { code: `VN-IDEM-${randomUUID().slice(0, 6)}`, name: 'Đồi chè Tủa Chùa', crop: 'tea', areaHa: '3', province: 'Điện Biên', status: 'active' };
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/growing-areas', body), byId('growing_area', (b) => b.id));
      const area = await createGrowingArea(t.server, org, { status: 'active' });
      await expectAnswerRebuiltAfterCrash(org, patch(org, `/api/v1/growing-areas/${area.id}`, { variety: 'Shan tuyết' }), byId('growing_area', (b) => b.id));
      await expectAnswerRebuiltAfterCrash(
        org,
        (key) => request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).set('Idempotency-Key', key).send({ status: 'suspended', reason: 'Kiểm tra dư lượng' }),
        byId('growing_area', (b) => b.id),
      );
      const input = { appliedAt: '2026-09-01', kind: 'fertiliser', productName: 'NPK 16-16-8', phiDays: 0 };
      await expectAnswerRebuiltAfterCrash(org, post(org, `/api/v1/growing-areas/${area.id}/inputs`, input), byId('input_application', (b) => b.id));
      const applied = await createInputApplication(t.server, org, area.id);
      await expectAnswerRebuiltAfterCrash(org, post(org, `/api/v1/growing-areas/${area.id}/inputs/${applied.id}/void`, { reason: 'Ghi nhầm' }), byId('input_application', (b) => b.id));
      await expectAnswerRebuiltAfterCrash(
        org,
        (key) => request(t.server).put('/api/v1/crop-yield-limits/tea').set(org.auth).set('Idempotency-Key', key).send({ maxYieldTPerHa: '13.5' }),
        () => ({ table: 'crop_yield_limit', where: 'organization_id = $1 AND crop = $2', params: [org.organizationId, 'tea'] }),
      );
    });

    it('users and API keys (a lost API-key secret is never given again)', async () => {
      const { org } = await world();
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/users', { email: `clerk-${randomUUID()}@test.nguon.vn`, password: 'a long enough password', role: 'recorder' }), byId('app_user', (b) => b.id));
      await expectAnswerRebuiltAfterCrash(org, post(org, '/api/v1/api-keys', { name: 'Cân điện tử', role: 'recorder' }), byId('api_key', (b) => b.apiKey.id), (again, first) => {
        expect(again.apiKey).toEqual(first.apiKey);
        expect(first.key).toMatch(/^ngn_/);
        // Only a hash of the secret was ever stored: after a crash the retry says so rather than invent one.
        expect(again.key).toBeNull();
      });
      const created = (await request(t.server).post('/api/v1/api-keys').set(org.auth).send({ name: 'Máy quét', role: 'viewer' }).expect(201)).body;
      await expectAnswerRebuiltAfterCrash(
        org,
        (key) => request(t.server).delete(`/api/v1/api-keys/${created.apiKey.id}`).set(org.auth).set('Idempotency-Key', key),
        byId('api_key', (b) => b.id),
      );
    });
  });

  it('answers concurrent duplicates with one write: one runs, the others wait and replay its answer', async () => {
    const { org, s } = await world();
    const before = await footprint(org);
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '7', unit: 'kg', harvestedAt: '2026-10-02' };
    const send = post(org, '/api/v1/lots/harvest', body);
    const answers = await Promise.all(Array.from({ length: 6 }, () => send('double-tap-0001')));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    const after = await footprint(org);
    expect(Number(after.lots)).toBe(Number(before.lots) + 1);
    expect(Number(after.events)).toBe(Number(before.events) + 1);
  });

  it('never stores a secret with the answer: a retry gets the API key, the set-password link and the reset link as null', async () => {
    const { org } = await world();
    const key = await post(org, '/api/v1/api-keys', { name: 'Cân điện tử', role: 'recorder' })('secret-answer-0001');
    expect(key.status).toBe(201);
    expect(key.body.key).toMatch(/^ngn_/);
    const user = await post(org, '/api/v1/users', { email: `kho-${randomUUID()}@test.nguon.vn`, role: 'recorder' })('secret-answer-0002');
    expect(user.body.passwordSetLink).toMatch(/reset-password\?token=/);
    const reset = await post(org, `/api/v1/users/${user.body.id}/password-reset`, {})('secret-answer-0003');
    expect(reset.body.link).toMatch(/reset-password\?token=/);

    // Stored answers are written after the response: wait until all three are there.
    const stored = async () => t.dataSource.query(`SELECT key, response_body::text AS body FROM idempotency_key WHERE organization_id = $1 AND key LIKE 'secret-answer-%' AND response_body IS NOT NULL`, [org.organizationId]);
    for (let i = 0; i < 200 && (await stored()).length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const rows: { key: string; body: string }[] = await stored();
    expect(rows).toHaveLength(3);
    for (const secret of [key.body.key, tokenOf(user.body.passwordSetLink), tokenOf(reset.body.link)]) {
      for (const row of rows) expect(row.body).not.toContain(secret);
    }

    const again = await post(org, '/api/v1/api-keys', { name: 'Cân điện tử', role: 'recorder' })('secret-answer-0001');
    expect({ status: again.status, replayed: again.headers['idempotent-replayed'], key: again.body.key, id: again.body.apiKey.id }).toEqual({ status: 201, replayed: 'true', key: null, id: key.body.apiKey.id });
    const userAgain = await post(org, '/api/v1/users', { email: user.body.email, role: 'recorder' })('secret-answer-0002');
    expect({ replayed: userAgain.headers['idempotent-replayed'], id: userAgain.body.id, link: userAgain.body.passwordSetLink }).toEqual({ replayed: 'true', id: user.body.id, link: null });
  });

  it('answers a retry with the committed write, never with the refusal re-running it would earn', async () => {
    const { org, s, lot } = await world();
    const body = { partnerId: s.distributorId, quantity: '500', unit: 'kg', shippedAt: '2026-10-04T09:00:00+07:00' };
    const first = await post(org, `/api/v1/lots/${lot.id}/ship`, body)('whole-lot-0001');
    expect(first.status).toBe(201);
    // Shipped again, the lot would be over-consumed; with the same key it is the same shipment.
    const again = await post(org, `/api/v1/lots/${lot.id}/ship`, body)('whole-lot-0001');
    expect({ status: again.status, replayed: again.headers['idempotent-replayed'] }).toEqual({ status: 201, replayed: 'true' });
    expect(again.body).toEqual(first.body);
    const other = await post(org, `/api/v1/lots/${lot.id}/ship`, body)('whole-lot-0002');
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'LOT_OVERCONSUMED' });
  });

  it('records nothing for a refused request: the same key then carries the corrected request', async () => {
    const { org, s } = await world();
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '7', unit: 'kg', harvestedAt: '2099-01-01' };
    const refused = await post(org, '/api/v1/lots/harvest', body)('corrected-0001');
    expect(refused.status).toBe(422);
    expect(await one(`SELECT count(*)::int AS n FROM idempotency_key WHERE organization_id = $1`, [org.organizationId])).toEqual({ n: 0 });
    const accepted = await post(org, '/api/v1/lots/harvest', { ...body, harvestedAt: '2026-10-02' })('corrected-0001');
    expect(accepted.status).toBe(201);
    expect(accepted.headers['idempotent-replayed']).toBeUndefined();
  });

  it('scopes keys to the organization: another organization’s write with the same key is its own', async () => {
    const a = await world();
    const b = await world();
    const first = await post(a.org, '/api/v1/partners', { kind: 'collector', name: 'Thu gom A' })('shared-key-0001');
    const second = await post(b.org, '/api/v1/partners', { kind: 'collector', name: 'Thu gom B' })('shared-key-0001');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('lets a claim die with the connection that held it: the waiting retry then runs the write, holding no pooled connection meanwhile', async () => {
    const { org, s } = await world();
    const key = 'held-by-a-dead-process';
    // Another API process claimed the key, then died before committing (its connection goes with it).
    const digest = createHash('sha256').update(`${org.organizationId}\u0000${key}`).digest();
    const holder = new pg.Client({ connectionString: t.config.databaseUrl });
    holder.on('error', () => undefined);
    await holder.connect();
    expect((await holder.query('SELECT pg_try_advisory_lock($1::int, $2::int) AS locked', [digest.readInt32BE(0), digest.readInt32BE(4)])).rows[0].locked).toBe(true);

    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '3', unit: 'kg', harvestedAt: '2026-10-02' };
    let settled = false;
    const retry = post(org, '/api/v1/lots/harvest', body)(key).then((response) => {
      settled = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(settled).toBe(false);
    // Waiting costs no pooled connection: nothing of the API's pools is busy (the claims connection polls).
    const busy = await one(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'nguon' AND state <> 'idle' AND pid <> pg_backend_pid()`);
    expect(busy.n).toBe(0);

    await holder.end();
    const response = await retry;
    expect(response.status).toBe(201);
    expect(response.headers['idempotent-replayed']).toBeUndefined();
    expect(await one(`SELECT count(*)::int AS n FROM lot WHERE organization_id = $1 AND id = $2`, [org.organizationId, response.body.id])).toEqual({ n: 1 });
  });

  it('answers a key left "in progress" by an older version as of unknown outcome, and a key reused for another request as such', async () => {
    const { org, s } = await world();
    await t.dataSource.query(`INSERT INTO idempotency_key (organization_id, key, method, path, request_hash) VALUES ($1, 'legacy-claim-0001', 'POST', '/api/v1/lots/harvest', 'x')`, [
      org.organizationId,
    ]);
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '3', unit: 'kg', harvestedAt: '2026-10-02' };
    const legacy = await post(org, '/api/v1/lots/harvest', body)('legacy-claim-0001');
    expect(legacy.status).toBe(422);
    expect(legacy.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await t.dataSource.query(`UPDATE idempotency_key SET request_hash = $2 WHERE organization_id = $1 AND key = 'legacy-claim-0001'`, [
      org.organizationId,
      createHash('sha256').update(`POST /api/v1/lots/harvest ${JSON.stringify(body)}`).digest('hex'),
    ]);
    const unknown = await post(org, '/api/v1/lots/harvest', body)('legacy-claim-0001');
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe('IDEMPOTENCY_KEY_OUTCOME_UNKNOWN');
  });
});
