import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditJobsService } from '@app/traceability';
import { createLotTestSetup, signupOrganization, startTestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

type App = Awaited<ReturnType<typeof startTestApp>>;

/** Polls a job until it has finished (timeoutMs bounds a stuck job; it is no speed measure). */
async function waitForJob(t: App, org: TestOrganization, location: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await request(t.server).get(location).set(org.auth).expect(200)).body;
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`job ${location} still ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('long lot work as worker jobs: chain verification and large recalls', () => {
  let t: App;
  beforeAll(async () => {
    t = await startTestApp(createApiApp, undefined, createWorkerApp);
  });
  afterAll(async () => {
    await t.close();
  });

  async function orgWithEvents(harvests: number) {
    const org = await signupOrganization(t.server);
    const s = await createLotTestSetup(t.dataSource, org.organizationId);
    for (let i = 0; i < harvests; i++) {
      await request(t.server).post('/api/v1/lots/harvest').set(org.auth).send({ growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-01' }).expect(201);
    }
    return org;
  }

  it('a short chain answers at once, as before', async () => {
    const org = await orgWithEvents(3);
    expect((await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200)).body).toEqual({ valid: true, eventsChecked: 3, firstBrokenEventId: null, problem: null });
  });

  it('a job verifies in the worker with its progress; a chain over the limit answers with a job; a broken chain is reported; another tenant’s job is 404', async () => {
    const org = await orgWithEvents(5);
    const queued = await request(t.server).post('/api/v1/audit/verify-jobs').set(org.auth).expect(202);
    expect(queued.headers.location).toBe(`/api/v1/audit/verify-jobs/${queued.body.id}`);
    expect(queued.body).toMatchObject({ status: 'queued', progress: 0 });
    expect(await waitForJob(t, org, queued.headers.location)).toMatchObject({
      status: 'done',
      progress: 100,
      eventsChecked: 5,
      eventsTotal: 5,
      result: { valid: true, eventsChecked: 5, firstBrokenEventId: null },
    });

    // Over the synchronous limit (2 here, 50,000 in the route), the verification is a job.
    const answer = await t.app.get(AuditJobsService).verifyOrQueue({ organizationId: org.organizationId }, 2);
    expect(answer).toMatchObject({ job: { status: 'queued' } });
    const job = 'job' in answer ? answer.job : null;
    expect(await waitForJob(t, org, `/api/v1/audit/verify-jobs/${job!.id}`)).toMatchObject({ status: 'done', result: { valid: true, eventsChecked: 5 } });

    // An edited event is found by the job too.
    const [edited] = await t.dataSource.query(`SELECT id FROM event WHERE organization_id = $1 AND seq = 3`, [org.organizationId]);
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE event DISABLE TRIGGER event_append_only`);
      await manager.query(`UPDATE event SET details = jsonb_set(details, '{tampered}', 'true') WHERE id = $1`, [edited.id]);
      await manager.query(`ALTER TABLE event ENABLE TRIGGER event_append_only`);
    });
    const again = await request(t.server).post('/api/v1/audit/verify-jobs').set(org.auth).expect(202);
    expect(await waitForJob(t, org, again.headers.location)).toMatchObject({ status: 'done', result: { valid: false, firstBrokenEventId: edited.id } });

    const other = await signupOrganization(t.server);
    await request(t.server).get(queued.headers.location).set(other.auth).expect(404).expect((r) => expect(r.body.code).toBe('AUDIT_VERIFY_JOB_NOT_FOUND'));
    await request(t.server).get(`/api/v1/audit/verify-jobs/${crypto.randomUUID()}`).set(org.auth).expect(404);
  });

  it('a recall as a job: progress in lots marked, the recall’s answer when done, a refused recall with its code; a small recall still answers at once', async () => {
    const org = await signupOrganization(t.server);
    const s = await createLotTestSetup(t.dataSource, org.organizationId);
    const post = (path: string, body: object) => request(t.server).post(path).set(org.auth).send(body);
    const harvest = (await post('/api/v1/lots/harvest', { growingAreaId: s.areaId, productId: s.paddyId, quantity: '300', unit: 'kg', harvestedAt: '2026-10-01' }).expect(201)).body;
    const milled = (
      await post('/api/v1/lots/transform', {
        inputs: [{ lotId: harvest.id, quantity: '300', unit: 'kg' }],
        outputs: [1, 2, 3].map((i) => ({ productId: s.riceId, quantity: '60', unit: 'kg', lotCode: `GAO-${i}` })),
        occurredAt: '2026-10-02T08:00:00+07:00',
        process: 'Xay xát',
      }).expect(201)
    ).body;

    const queued = await post('/api/v1/recall-jobs', { lotId: harvest.id, reason: 'Dư lượng thuốc bảo vệ thực vật' }).expect(202);
    expect(queued.headers.location).toBe(`/api/v1/recall-jobs/${queued.body.id}`);
    expect(queued.body).toMatchObject({ status: 'queued', lotId: harvest.id, lotsReachable: 4, lotsMarked: 0 });
    const done = await waitForJob(t, org, queued.headers.location);
    expect(done).toMatchObject({ status: 'done', progress: 100, lotsMarked: 4, result: { event: { type: 'recall' } } });
    expect(done.result.lots.map((lot: { id: string }) => lot.id).sort()).toEqual([harvest.id, ...milled.outputs.map((lot: { id: string }) => lot.id)].sort());
    expect((await request(t.server).get(`/api/v1/lots/${milled.outputs[0].id}`).set(org.auth).expect(200)).body.status).toBe('recalled');

    const again = await post('/api/v1/recall-jobs', { lotId: harvest.id, reason: 'Lần nữa' }).expect(202);
    expect(await waitForJob(t, org, again.headers.location)).toMatchObject({ status: 'failed', errorCode: 'LOT_ALREADY_RECALLED' });
    await post('/api/v1/recall-jobs', { lotId: harvest.id, reason: '   ' }).expect((r) => expect([400, 422]).toContain(r.status));

    const other = await signupOrganization(t.server);
    await request(t.server).get(queued.headers.location).set(other.auth).expect(404).expect((r) => expect(r.body.code).toBe('RECALL_JOB_NOT_FOUND'));
    await request(t.server).post('/api/v1/recall-jobs').set(other.auth).send({ lotId: harvest.id, reason: 'Không phải lô của mình' }).expect(404);

    // Under the limit, POST /recalls answers the recall itself, as before.
    const small = (await post('/api/v1/lots/harvest', { growingAreaId: s.secondAreaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-01' }).expect(201)).body;
    expect((await post('/api/v1/recalls', { lotId: small.id, reason: 'Mốc' }).expect(201)).body).toMatchObject({ event: { type: 'recall' }, lots: [{ id: small.id }] });
  });
});
