import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PublicLotRepository, SUSPICIOUS_SERIAL_DISTINCT_DAYS, SUSPICIOUS_SERIAL_SCANS } from '@app/traceability';
import { buildGenealogy, printLabels, startTestApp, testConfig, type Genealogy, type TestApp } from '@app/testing';
import { ScanSalts } from '../../libs/traceability/src/public/scan-salts.js';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const BASE = 'https://truyxuat.example.vn';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1';
const COPIED = 'ngày khác nhau — nhiều bất thường';
/** Today in Vietnam (YYYY-MM-DD): the day scans are counted on. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const suffix = () => `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1000)}`;

/** Scans count distinct clients: a client is its address and User-Agent, hashed under the day's salt. */
describe('scans: counted once per client and day', () => {
  let t: TestApp;
  let storageDir: string;
  let g: Genealogy;
  let serials: string[];

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-scan-clients-'));
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: BASE, LOG_LEVEL: 'error', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }), createWorkerApp);
    g = await buildGenealogy(t.server, suffix());
    const { job } = await printLabels(t.server, g.org, g.packed.id, 4);
    serials = [0, 1, 2, 3].map((i) => String(BigInt(job.serialFirst) + BigInt(i)));
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const label = (serial: string, userAgent = PHONE) => request(t.server).get(`/01/${g.gtin}/10/${g.packed.code}/21/${serial}`).set({ 'User-Agent': userAgent, Accept: 'text/html' });
  const scans = async () => (await request(t.server).get(`/api/v1/lots/${g.packed.id}/scans?top=10&days=60`).set(g.org.auth).expect(200)).body;
  const serialFigures = (body: { topSerials: { serial: string }[] }, serial: string) => body.topSerials.find((s) => s.serial === serial);

  it('counts one scan, and warns of nothing, when one phone opens its label sixty times', async () => {
    const opens = SUSPICIOUS_SERIAL_SCANS + 10;
    for (let i = 0; i < opens; i++) {
      const page = await label(serials[0]).expect(200);
      expect([i, page.text.includes(COPIED)]).toEqual([i, false]);
    }
    expect(serialFigures(await scans(), serials[0])).toMatchObject({ count: 1, resolutions: opens, distinctDays: 1, suspicious: false });
    // What a page reads from the database (another process, or this one after a minute) agrees.
    expect(await t.app.get(PublicLotRepository).serialStats(g.packed.id, serials[0])).toMatchObject({ scans: 1, distinctDays: 1 });
  });

  it('tells phones apart by address and browser, and counts each of them once', async () => {
    const day = (body: { byDay: { day: string; count: number; resolutions: number }[] }) => body.byDay.find((d) => d.day === today()) ?? { count: 0, resolutions: 0 };
    const before = await scans();
    for (const userAgent of ['Pixel 8', 'Pixel 8', 'SM-A546E', 'Redmi Note 12', 'Redmi Note 12']) {
      await label(serials[1], `Mozilla/5.0 (Linux; Android 14; ${userAgent}) Mobile`).expect(200);
    }
    const after = await scans();
    expect(serialFigures(after, serials[1])).toMatchObject({ count: 3, resolutions: 5 });
    expect(after.total - before.total).toBe(5);
    expect(after.consumer - before.consumer).toBe(3);
    expect(day(after).count - day(before).count).toBe(3);
    expect(day(after).resolutions - day(before).resolutions).toBe(5);
  });

  it(`warns of a copied label scanned by many phones on more than ${SUSPICIOUS_SERIAL_DISTINCT_DAYS} days`, async () => {
    // 25 phones over 21 past days, as their scans would have been written then (one hash each).
    await t.dataSource.query(
      `INSERT INTO scan (organization_id, lot_id, serial, scanned_at, scanned_on, client_class, representation, client_hash)
       SELECT $1, $2, $3, now() - make_interval(days => 1 + i % 21), (now() - make_interval(days => 1 + i % 21))::date, 'android', 'html', $4 || i
       FROM generate_series(1, 25) AS i`,
      [g.org.organizationId, g.packed.id, serials[2], randomBytes(6).toString('base64url')],
    );
    const page = await label(serials[2]).expect(200);
    expect(page.text).toContain(`Tem này đã được quét 25 lần trong 21 ngày khác nhau`);
    expect(serialFigures(await scans(), serials[2])).toMatchObject({ count: 26, distinctDays: 22, suspicious: true });
  });

  it('stores no address nor browser, only a hash under a salt that is deleted after two days', async () => {
    await label(serials[3], 'Mozilla/5.0 (X11; Linux x86_64) NguonTestBrowser/1.0').expect(200);
    await scans(); // writes what is buffered
    const rows: { client_hash: string }[] = await t.dataSource.query(`SELECT client_hash FROM scan WHERE lot_id = $1 AND serial = $2`, [g.packed.id, serials[3]]);
    expect(rows).toHaveLength(1);
    expect(rows[0].client_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const stored = JSON.stringify(await t.dataSource.query(`SELECT * FROM scan WHERE lot_id = $1`, [g.packed.id]));
    expect(stored).not.toContain('127.0.0.1');
    expect(stored).not.toContain('NguonTestBrowser');

    await t.dataSource.query(`INSERT INTO scan_salt (day, salt) VALUES ($1::date - 10, $2) ON CONFLICT DO NOTHING`, [today(), randomBytes(32)]);
    await new ScanSalts(t.dataSource).forDays([today()]);
    const [{ old, current }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE day < $1::date - 1)::int AS old, count(*) FILTER (WHERE day = $1::date)::int AS current FROM scan_salt`,
      [today()],
    );
    expect({ old, current }).toEqual({ old: 0, current: 1 });
  });
});
