import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createProgrammeOffice, programmeRows, startTestApp, type TestApp, type TestOrganization } from '@app/testing';
import { ProgrammeRepository, ProgrammeRollupsService, ProgrammeService, todayInVietnam, type ProgrammeScope } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/** The first day of the month `back` months before a YYYY-MM-DD day's month. */
function monthStart(day: string, back: number): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - back, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * The dashboard's rollups against the live SQL of the same figures (the repository's statements over
 * every lot and scan): equal once the worker's refresh has run after new lots, labels and scans, and
 * the dashboard says when each section was computed.
 */
describe('programme office: the dashboard’s rollups', () => {
  let t: TestApp;
  let office: TestOrganization;
  let coop: string;
  let rows: ReturnType<typeof programmeRows>;
  let rollups: ProgrammeRollupsService;
  const today = todayInVietnam();
  const twoMonthsAgo = monthStart(today, 2);
  const lastMonth = monthStart(today, 1);
  const thisMonth = monthStart(today, 0);
  const period = { from: twoMonthsAgo, to: today };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    rows = programmeRows(t.dataSource);
    rollups = t.app.get(ProgrammeRollupsService);
    office = await createProgrammeOffice(t, { province: 'Lai Châu' });
    const [row] = await t.dataSource.query(`INSERT INTO organization (name, kind, province, province_code) VALUES ($1, 'cooperative', 'Lai Châu', '12') RETURNING id`, [
      `HTX ${randomUUID().slice(0, 8)}`,
    ]);
    coop = row.id;
    await t.dataSource.query(
      `INSERT INTO organization_link (kind, from_organization_id, to_organization_id, status, requested_by_organization_id) VALUES ('oversight', $1, $2, 'active', $1)`,
      [office.organizationId, coop],
    );
    ids.tea = await rows.product(coop, 'Chè Shan tuyết', 2);
    ids.rice = await rows.product(coop, 'Gạo Séng Cù', 1);
    await rows.ocop(coop, ids.tea, 4, '2030-01-01');
    await rows.ocop(coop, ids.rice, 3, '2030-01-01');
    ids.area = await rows.area(coop, 'LC1', 'tea', 3, 'active');
    // Two months ago: a tea harvest, labelled, scanned by two phones (one of them on two days) and a
    // bot; one label serial scanned on 21 days (it looks copied); a rice lot with no growing area.
    ids.old = await rows.lot(coop, ids.tea, 'harvest', 300, `${twoMonthsAgo.slice(0, 8)}03T08:00:00+07:00`, ids.area);
    await rows.lot(coop, ids.rice, 'processed', 80, `${twoMonthsAgo.slice(0, 8)}04T08:00:00+07:00`);
    await rows.labels(coop, ids.old, 50, `${twoMonthsAgo.slice(0, 8)}05T09:00:00+07:00`);
    await rows.scan(coop, ids.old, `${twoMonthsAgo.slice(0, 8)}06T10:00:00+07:00`, 'p1');
    await rows.scan(coop, ids.old, `${twoMonthsAgo.slice(0, 8)}07T10:00:00+07:00`, 'p1');
    await rows.scan(coop, ids.old, `${twoMonthsAgo.slice(0, 8)}07T11:00:00+07:00`, 'p2');
    await rows.scan(coop, ids.old, `${twoMonthsAgo.slice(0, 8)}07T12:00:00+07:00`, 'bot', 'bot');
    for (let day = 1; day <= 21; day++) await rows.scan(coop, ids.old, `${twoMonthsAgo.slice(0, 8)}${String(day).padStart(2, '0')}T15:00:00+07:00`, 'p3', 'android', 'S9');
    // Another serial on 20 days: one day short of looking copied.
    for (let day = 1; day <= 20; day++) await rows.scan(coop, ids.old, `${twoMonthsAgo.slice(0, 8)}${String(day).padStart(2, '0')}T16:00:00+07:00`, 'p4', 'android', 'S7');
    await rollups.rebuild();
  });
  afterAll(async () => {
    await t.close();
  });

  const dashboard = (query = '') => request(t.server).get(`/api/v1/programme/dashboard?from=${period.from}&to=${period.to}${query}`).set(office.auth).expect(200);
  const scopeOf = async (filters: Partial<ProgrammeScope['filters']> = {}): Promise<ProgrammeScope> => {
    const found = await t.app.get(ProgrammeRepository).office(office.organizationId);
    return t.app.get(ProgrammeService).scopeOf(found!, { ...period, communeCode: null, ocopGroup: null, organizationId: null, ...filters });
  };
  /** The live SQL's figures, in the dashboard's shape. */
  const live = async (filters: Partial<ProgrammeScope['filters']> = {}) => {
    const scope = await scopeOf(filters);
    const repository = t.app.get(ProgrammeRepository);
    const [monthly, coverage, signals] = await Promise.all([repository.monthly(scope), repository.coverage(scope), repository.signals(scope)]);
    return { monthly, coverage, signals };
  };
  const withoutBasis = (monthly: Record<string, unknown>[]) => monthly.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'distinctClientsPer')));

  it('equals the live SQL after new lots, labels and scans are added and the worker’s refresh runs, and says when it was computed', async () => {
    const before = await dashboard();
    expect(before.body.signals.copiedLabels).toBe(1);
    expect(withoutBasis(before.body.monthly)).toEqual((await live()).monthly);
    const builtAt = before.body.freshness.monthly.computedAt;
    expect(builtAt).toEqual(expect.any(String));

    // Today: a tea harvest traced to the area and labelled, scanned by two phones and a bot. Last
    // month (recorded late, so backdated): a rice lot made from the old tea lot — traced through the
    // genealogy. And labels printed today for last month's lot.
    const fresh = await rows.lot(coop, ids.tea, 'harvest', 120, `${today}T07:00:00+07:00`, ids.area);
    await rows.labels(coop, fresh, 20, new Date().toISOString());
    const late = await rows.lot(coop, ids.rice, 'processed', 40, `${lastMonth.slice(0, 8)}10T08:00:00+07:00`);
    await t.dataSource.query(
      `INSERT INTO lot_link (organization_id, parent_lot_id, child_lot_id, event_id, event_type, quantity, unit) VALUES ($1, $2, $3, $4, 'transform', 40, 'kg')`,
      [coop, ids.old, late, await rows.event(coop, 'transform', `${lastMonth.slice(0, 8)}10T08:00:00+07:00`)],
    );
    await rows.labels(coop, late, 10, new Date().toISOString());
    const now = Date.now();
    for (const [i, client] of ['n1', 'n2', 'n1'].entries()) await rows.scan(coop, fresh, new Date(now - (i + 1) * 1000).toISOString(), client);
    await rows.scan(coop, fresh, new Date(now - 500).toISOString(), 'bot', 'bot');
    // Serial S7 scanned again today: its 21st day.
    await rows.scan(coop, ids.old, new Date(now - 4000).toISOString(), 'p4', 'android', 'S7');

    // Not counted until the worker's refresh has run: the freshness says when the figures were made.
    const stale = await dashboard();
    expect(stale.body.freshness.monthly.computedAt).toBe(builtAt);
    expect(stale.body.monthly.find((m: { month: string }) => m.month === thisMonth.slice(0, 7)).lots).toBe(0);

    const result = await rollups.refresh();
    expect(result.kind).toBe('incremental');
    expect(result.months).toEqual(expect.arrayContaining([lastMonth.slice(0, 7), thisMonth.slice(0, 7)]));

    const after = await dashboard();
    const expected = await live();
    expect(withoutBasis(after.body.monthly)).toEqual(expected.monthly);
    expect(after.body.monthly.find((m: { month: string }) => m.month === thisMonth.slice(0, 7))).toMatchObject({ lots: 1, harvestLots: 1, labelsPrinted: 30, scans: 4, distinctClients: 3 });
    const covered = expected.coverage.filter((row) => row.shortfall === null).length;
    expect(after.body.coverage).toMatchObject({ certifiedProducts: expected.coverage.length, covered });
    expect(covered).toBe(2); // the rice is traced now, through the old tea lot
    const coverage = await request(t.server).get(`/api/v1/programme/coverage?from=${period.from}&to=${period.to}`).set(office.auth).expect(200);
    expect(coverage.body.items).toEqual(expected.coverage);
    expect(after.body.signals.copiedLabels).toBe(expected.signals.copiedLabels);
    expect(expected.signals.copiedLabels).toBe(2); // S9, and S7 since today's scan
    // Every section says where its figures come from and when they were computed.
    expect(new Date(after.body.freshness.monthly.computedAt).getTime()).toBe(result.refreshedAt.getTime());
    expect(after.body.freshness).toMatchObject({
      monthly: { source: 'rollup', refreshEveryMinutes: 10 },
      coverage: { source: 'rollup', computedAt: after.body.freshness.monthly.computedAt },
      signals: { source: 'rollup' },
      cooperatives: { source: 'live', computedAt: after.body.computedAt },
      ocop: { source: 'live' },
      growingAreas: { source: 'live' },
      recalls: { source: 'live' },
    });
    const list = await request(t.server).get(`/api/v1/programme/cooperatives?from=${period.from}&to=${period.to}`).set(office.auth).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: coop, lots: 4 })]);

    // By OCOP group, the same.
    const group = await dashboard('&ocopGroup=2');
    expect(withoutBasis(group.body.monthly)).toEqual((await live({ ocopGroup: 2 })).monthly);
  });

  it('reads a month the period cuts from its day rows, where a device counts once a day', async () => {
    const from = `${twoMonthsAgo.slice(0, 8)}07`;
    const to = `${twoMonthsAgo.slice(0, 8)}20`;
    const { body } = await request(t.server).get(`/api/v1/programme/dashboard?from=${from}&to=${to}`).set(office.auth).expect(200);
    const [month] = body.monthly;
    // Independent SQL: scans (no bots) of the days 7–20, and each day's distinct devices summed.
    const [expected] = await t.dataSource.query(
      `SELECT count(*)::int AS scans, (SELECT sum(n)::int FROM (SELECT count(DISTINCT client_hash) AS n FROM scan WHERE organization_id = $1 AND client_class <> 'bot'
          AND scanned_on BETWEEN $2::date AND $3::date GROUP BY scanned_on) d) AS "clientDays"
       FROM scan WHERE organization_id = $1 AND client_class <> 'bot' AND scanned_on BETWEEN $2::date AND $3::date`,
      [coop, from, to],
    );
    expect(month).toMatchObject({ lots: 0, scans: expected.scans, distinctClients: expected.clientDays, distinctClientsPer: 'day' });
    expect(expected).toEqual({ scans: 30, clientDays: 30 }); // p1 and p2 on the 7th, p3 and p4 on each of the 14 days
    const scope = await scopeOf({ from, to });
    const [liveMonth] = await t.app.get(ProgrammeRepository).monthly(scope);
    expect({ ...month, distinctClients: undefined, distinctClientsPer: undefined }).toEqual({ ...liveMonth, distinctClients: undefined, distinctClientsPer: undefined });
  });
});
