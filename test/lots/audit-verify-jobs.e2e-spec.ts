import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditJobsService } from '@app/traceability';
import { createLotTestSetup, signupOrganization, startTestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

type App = Awaited<ReturnType<typeof startTestApp>>;

/** Polls a verification job until it has finished (timeoutMs bounds a stuck job; it is no speed measure). */
async function waitForJob(t: App, org: TestOrganization, location: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await request(t.server).get(location).set(org.auth).expect(200)).body;
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`verification ${location} still ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('chain verification as a worker job', () => {
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
});
