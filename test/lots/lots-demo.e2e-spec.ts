import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DEMO_LOGIN, REGISTRY_DEMO, seedDemoData } from '@app/traceability';
import { startTestApp, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

// The e2e project's testTimeout does not reach tests (a project-level option Jest ignores); the machine is shared.

describe('lots demo data', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    await seedDemoData(t.dataSource); // idempotent: another suite of the run may have seeded already
    const login = await request(t.server).post('/api/v1/auth/login').send(DEMO_LOGIN).expect(200);
    auth = { Authorization: `Bearer ${login.body.accessToken}` };
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a season of Séng Cù rice and a coffee batch with a valid hash chain', async () => {
    expect((await request(t.server).get('/api/v1/audit/verify').set(auth).expect(200)).body).toEqual({ valid: true, eventsChecked: 11, firstBrokenEventId: null, problem: null });
    const lots = (await request(t.server).get('/api/v1/lots?limit=100').set(auth).expect(200)).body;
    expect(lots.items.map((lot: { kind: string }) => lot.kind).sort()).toEqual(['harvest', 'harvest', 'harvest', 'harvest', 'packed', 'packed', 'processed', 'processed']);

    const bags = lots.items.find((lot: { uri: string }) => lot.uri.includes(`/01/${REGISTRY_DEMO.sengCuGtin}/10/`));
    expect(bags).toMatchObject({ kind: 'packed', quantity: '5000', unit: 'pack', consumed: '1500', available: '3500' });
    const back = (await request(t.server).get(`/api/v1/lots/${bags.id}/trace?direction=back`).set(auth).expect(200)).body;
    expect(back.nodes.filter((n: { kind: string }) => n.kind === 'harvest')).toHaveLength(3);
    expect(back.growingAreas.map((a: { code: string }) => a.code).sort()).toEqual([REGISTRY_DEMO.sengCuAreaCode, 'VN-DBIH-0021']);
    expect(back.households.map((h: { name: string }) => h.name).sort()).toEqual(['Hộ Lò Văn Panh', 'Hộ Lường Văn Kiên']);
    const forward = (await request(t.server).get(`/api/v1/lots/${bags.id}/trace?direction=forward`).set(auth).expect(200)).body;
    expect(forward.partners.map((p: { kind: string }) => p.kind).sort()).toEqual(['distributor', 'retailer']);

    const seededAgain = await seedDemoData(t.dataSource);
    expect(seededAgain.created).toBe(false);
  });
});
