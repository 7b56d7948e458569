import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { JobName, QueueProducer } from '@app/queue';
import { createProgrammeOffice, grantOversight, mailText, startMailSink, signupOrganization, startTestApp, testConfig, type TestApp, type TestOrganization } from '@app/testing';
import { generateShortCode, searchKey, todayInVietnam } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

/**
 * The programme office's daily alerts, computed by the real worker for a chosen day over seeded rows
 * whose answers are known: certificates 10 and 60 days from expiry, one expired 5 days before, two far
 * from the window; a revoked growing area with a lot still in stock; a label serial scanned on 21 days;
 * a recall that reached another organization, acknowledged by it between two days.
 */
describe('programme office: daily alerts', () => {
  let t: TestApp;
  let office: TestOrganization;
  let otherOffice: TestOrganization;
  let a: TestOrganization; // overseen cooperative of Điện Biên
  let receiver: TestOrganization; // received part of a recalled lot
  let foreign: TestOrganization; // overseen by the Sơn La office
  let sink: Awaited<ReturnType<typeof startMailSink>>;
  const day = '2026-06-20';
  const nextDay = '2026-06-21';
  const ids: Record<string, string> = {};
  const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);

  async function product(org: string, name: string) {
    const [row] = await q(`INSERT INTO product (organization_id, name_vi, name_search, unit, ocop_group) VALUES ($1, $2, $3, 'kg', 1) RETURNING id`, [org, name, searchKey(name)]);
    return row.id as string;
  }
  async function ocop(org: string, productId: string, stars: number, expires: string) {
    await q(
      `INSERT INTO certification (organization_id, kind, level, issuing_level, number, issuer, issued_at, expires_at, scope_type, scope_id)
       VALUES ($1, 'ocop', $2, 'provincial', $3, 'UBND tỉnh', '2023-06-01', $4, 'product', $5)`,
      [org, stars, `${randomUUID().slice(0, 6)}/QĐ-UBND`, expires, productId],
    );
  }
  async function lot(org: string, productId: string, kg: number, areaId: string | null = null) {
    const [row] = await q(
      `INSERT INTO lot (organization_id, code, product_id, kind, quantity, unit, status, growing_area_id, produced_at, short_code) VALUES ($1, $2, $3, 'harvest', $4, 'kg', 'active', $5, '2026-05-01T08:00:00+07:00', $6) RETURNING id, code`,
      [org, `T-${randomUUID().slice(0, 12)}`, productId, kg, areaId, generateShortCode()],
    );
    return row as { id: string; code: string };
  }
  async function recallEvent(org: string, recallId: string, rootLotId: string | null, lotId: string) {
    const [row] = await q(
      `INSERT INTO event (organization_id, seq, type, epcis_event_type, event_time, details, hash) VALUES ($1, 900, 'recall', 'ObjectEvent', '2026-06-10T08:00:00+07:00', $2, $3) RETURNING id`,
      [org, JSON.stringify({ recallId, rootLotId, rootLotCode: 'LOT-ROOT' }), randomUUID()],
    );
    await q(`INSERT INTO event_line (organization_id, event_id, lot_id, direction, quantity, unit, quantity_in_lot_unit) VALUES ($1, $2, $3, 'observed', 10, 'kg', 10)`, [org, row.id, lotId]);
  }

  /** Runs the alerts job for a day through the queue and waits for the worker to finish it. */
  async function runAlerts(forDay: string) {
    const job = await t.app.get(QueueProducer).add(JobName.ProgrammeAlerts, `${forDay}-${randomUUID()}`, { day: forDay });
    const queue = t.app.get(QueueProducer).queue(JobName.ProgrammeAlerts);
    for (;;) {
      const state = await job.getState();
      if (state === 'completed') return;
      if (state === 'failed') throw new Error(`alerts job failed: ${(await queue.getJob(job.id!))?.failedReason}`);
      await sleep(200);
    }
  }
  const alertsOf = async (who: TestOrganization, forDay: string) => (await request(t.server).get(`/api/v1/programme/alerts?day=${forDay}`).set(who.auth).expect(200)).body;

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestApp(createApiApp, testConfig({ SMTP_URL: sink.url, MAIL_FROM: 'Nguồn <no-reply@example.vn>' }), createWorkerApp);

    office = await createProgrammeOffice(t, { province: 'Điện Biên' });
    otherOffice = await createProgrammeOffice(t, { province: 'Sơn La' });
    a = await signupOrganization(t.server, { province: 'Điện Biên' });
    receiver = await signupOrganization(t.server, { province: 'Hà Nội' });
    foreign = await signupOrganization(t.server, { province: 'Sơn La' });
    await grantOversight(t.server, office, a);
    await grantOversight(t.server, otherOffice, foreign);
    const A = a.organizationId;

    ids.soon = await product(A, 'Mật ong bạc hà');
    ids.later = await product(A, 'Gạo nếp Séng Cù');
    ids.expired = await product(A, 'Miến dong');
    ids.far = await product(A, 'Chè Shan tuyết');
    ids.long = await product(A, 'Rượu ngô');
    await ocop(A, ids.soon, 4, '2026-06-30'); // 10 days after the day: critical
    await ocop(A, ids.later, 3, '2026-08-19'); // 60 days: warning
    await ocop(A, ids.expired, 3, '2026-06-15'); // expired 5 days before: critical
    await ocop(A, ids.far, 5, '2027-06-20'); // a year away: nothing
    await ocop(A, ids.long, 3, '2025-06-01'); // expired a year before: off the list

    const [area] = await q(
      `INSERT INTO growing_area (organization_id, code, name, name_search, crop, area_ha, province, province_code, status) VALUES ($1, $2, 'Vùng Nà Tấu', 'vung na tau', 'rice', 2, 'Điện Biên', '11', 'revoked') RETURNING id`,
      [A, `VT-${randomUUID().slice(0, 8)}`],
    );
    ids.area = area.id;
    const onSale = await lot(A, ids.far, 300, area.id);
    ids.onSale = onSale.id;

    const scanned = await lot(A, ids.far, 50);
    ids.scannedCode = scanned.code;
    for (let d = 1; d <= 21; d++)
      await q(
        `INSERT INTO scan (organization_id, lot_id, serial, scanned_at, scanned_on, client_class, representation, client_hash) VALUES ($1, $2, 7, $3, ($3::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'android', 'html', 'h')`,
        [A, scanned.id, `2026-05-${String(d).padStart(2, '0')}T10:00:00+07:00`],
      );

    ids.recall = randomUUID();
    const root = await lot(A, ids.far, 100);
    const received = await lot(receiver.organizationId, await product(receiver.organizationId, 'Chè nhận về'), 10);
    await recallEvent(A, ids.recall, root.id, root.id);
    await recallEvent(receiver.organizationId, ids.recall, null, received.id);

    const F = foreign.organizationId;
    ids.foreignProduct = await product(F, 'Chè Tà Xùa');
    await ocop(F, ids.foreignProduct, 4, '2026-07-01');
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('lists, for the day, exactly the alerts of the cooperatives the office oversees, critical first', async () => {
    await runAlerts(day);
    const body = await alertsOf(office, day);
    expect(body.day).toBe(day);
    expect(body.computedAt).toEqual(expect.any(String));
    const mine = body.items.filter((x: { organizationId: string }) => x.organizationId === a.organizationId);
    expect(mine).toHaveLength(body.items.length);
    const summary = mine.map((x: { kind: string; severity: string; details: Record<string, unknown> }) => [x.kind, x.severity, x.details.productId ?? x.details.growingAreaId ?? x.details.lotCode ?? x.details.recallId]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['certificate_expiring', 'critical', ids.soon],
        ['certificate_expiring', 'warning', ids.later],
        ['certificate_expired', 'critical', ids.expired],
        ['area_withdrawn_with_stock', 'critical', ids.area],
        ['copied_label', 'warning', ids.scannedCode],
        ['recall_not_acknowledged', 'critical', ids.recall],
      ]),
    );
    expect(summary).toHaveLength(6);
    expect(mine.find((x: { kind: string; severity: string }) => x.kind === 'certificate_expiring' && x.severity === 'critical').details).toMatchObject({ daysLeft: 10, expiresAt: '2026-06-30', productName: 'Mật ong bạc hà' });
    expect(mine.find((x: { kind: string }) => x.kind === 'recall_not_acknowledged').details).toMatchObject({ receiverId: receiver.organizationId, lots: 1 });
    const severities = mine.map((x: { severity: string }) => x.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('critical'));
  });

  it('keeps one alert per subject when the same day is computed again', async () => {
    const before = (await alertsOf(office, day)).items.map((x: { id: string }) => x.id).sort();
    await runAlerts(day);
    const after = (await alertsOf(office, day)).items.map((x: { id: string }) => x.id).sort();
    expect(after).toEqual(before);
    const [{ count }] = await q(`SELECT count(*)::int AS count FROM programme_alert WHERE office_id = $1 AND day = $2`, [office.organizationId, day]);
    expect(count).toBe(6);
  });

  it('mails the office’s owner once, in Vietnamese, and marks the alerts mailed', async () => {
    const toOffice = sink.mails.filter((m) => m.to.includes(office.email));
    expect(toOffice).toHaveLength(1);
    const text = mailText(toOffice[0]);
    expect(text).toContain('[KHẨN] Giấy chứng nhận OCOP sắp hết hạn');
    expect(text).toContain('Mật ong bạc hà (4 sao, hết hạn 30/06/2026)');
    expect(text).toContain('[Lưu ý] Tem có dấu hiệu bị sao chép');
    expect(text).not.toContain('Chè Tà Xùa'); // another office's cooperative
    const body = await alertsOf(office, day);
    expect(body.items.every((x: { emailedAt: string | null }) => x.emailedAt !== null)).toBe(true);
  });

  it('shows another province’s office only its own cooperatives’ alerts', async () => {
    const body = await alertsOf(otherOffice, day);
    expect(body.items.map((x: { organizationId: string; kind: string }) => [x.organizationId, x.kind])).toEqual([[foreign.organizationId, 'certificate_expiring']]);
  });

  it('drops the recall alert from the days after the receiver acknowledged it, and keeps past days as computed', async () => {
    const ack = await request(t.server).put(`/api/v1/recalls/${ids.recall}/acknowledgement`).set(receiver.auth).send({ note: 'Đã rút hàng khỏi quầy' }).expect(200);
    expect(ack.body).toMatchObject({ recallId: ids.recall, note: 'Đã rút hàng khỏi quầy' });
    const again = await request(t.server).put(`/api/v1/recalls/${ids.recall}/acknowledgement`).set(receiver.auth).send({}).expect(200);
    expect(again.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    // Computed again for a day before the acknowledgement, the alert stays: a past day is reproducible.
    await runAlerts(nextDay);
    expect((await alertsOf(office, nextDay)).items.map((x: { kind: string }) => x.kind)).toContain('recall_not_acknowledged');
    const today = todayInVietnam();
    await runAlerts(today);
    const kinds = (await alertsOf(office, today)).items.map((x: { kind: string }) => x.kind);
    expect(kinds).not.toContain('recall_not_acknowledged');
    expect(kinds).toContain('area_withdrawn_with_stock');
  });

  it('answers the last computed day on or before the one asked, and nothing before any', async () => {
    expect((await alertsOf(office, '2026-06-25')).day).toBe(nextDay);
    expect((await alertsOf(office, nextDay)).day).toBe(nextDay);
    expect(await alertsOf(office, '1999-01-01')).toEqual({ day: null, computedAt: null, items: [] });
  });

  it('refuses bad input with a code naming the field, and cooperatives and strangers', async () => {
    const bad = await request(t.server).get('/api/v1/programme/alerts?day=20-06-2026').set(office.auth).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.body)).toContain('day');
    const coop = await request(t.server).get(`/api/v1/programme/alerts?day=${day}`).set(a.auth).expect(403);
    expect(coop.body.code).toBe('PROGRAMME_OFFICE_ONLY');
    // Only an organization the recall reached may acknowledge it; another tenant's recall is not found.
    const stranger = await request(t.server).put(`/api/v1/recalls/${ids.recall}/acknowledgement`).set(foreign.auth).send({}).expect(404);
    expect(stranger.body.code).toBe('RECALL_NOT_FOUND');
    const notUuid = await request(t.server).put('/api/v1/recalls/abc/acknowledgement').set(receiver.auth).send({}).expect(400);
    expect(notUuid.body.code).toBe('INVALID_ID');
    const tooLong = await request(t.server).put(`/api/v1/recalls/${ids.recall}/acknowledgement`).set(receiver.auth).send({ note: 'x'.repeat(2001) }).expect(400);
    expect(JSON.stringify(tooLong.body)).toContain('note');
    const [{ count }] = await q(`SELECT count(*)::int AS count FROM recall_acknowledgement WHERE recall_id = $1`, [ids.recall]);
    expect(count).toBe(1);
  });
});
