import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gs1CheckDigit } from '@app/traceability';
import { addUser, createGrowingArea, createProduct, signupOrganization, startBrowserApp, type BrowserApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'epcis-console');
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const withCheckDigit = (body: string) => `${body}${gs1CheckDigit(body)}`;
const nowVn = () => new Date(Date.now() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
/** Text as a person reads it: every kind of space as one plain space. */
const plain = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * Issue 14 in Chromium: a clerk captures a partner's EPCIS file through the console, with the
 * default rollback and then with proceed, and reads the refused event's reason in Vietnamese; the
 * chain check runs as a worker job to its result; a recall job shows its progress and outcome.
 */
describe('console: EPCIS capture, chain check and recall jobs in a real browser', () => {
  let b: BrowserApp;
  let org: TestOrganization;
  let paddyGtin: string;
  let areaCode: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    b = await startBrowserApp(createApiApp, { worker: createWorkerApp });
    org = await signupOrganization(b.app.server, { organizationName: `HTX Séng Cù ${digits(4)}` });
    paddyGtin = `0${withCheckDigit(`893${digits(6)}101`)}`;
    areaCode = `VN-DB-${digits(6)}`;
    await createProduct(b.app.server, org, { nameVi: 'Thóc nếp Séng Cù', unit: 'kg', gtin: paddyGtin });
    await createGrowingArea(b.app.server, org, { code: areaCode, status: 'active' });
  });
  afterAll(async () => {
    await b?.close();
  });

  /** Two harvests a partner's system recorded, and between them an inspection of a lot this cooperative never had. */
  function partnerDocument() {
    const harvest = (code: string) => ({
      type: 'ObjectEvent',
      eventID: `urn:uuid:${crypto.randomUUID()}`,
      eventTime: nowVn(),
      eventTimeZoneOffset: '+07:00',
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${paddyGtin}/10/${code}`, quantity: 250, uom: 'KGM' }],
      ilmd: { 'nguon:growingAreaCode': areaCode },
    });
    const unknownLot = {
      type: 'ObjectEvent',
      eventID: `urn:uuid:${crypto.randomUUID()}`,
      eventTime: nowVn(),
      eventTimeZoneOffset: '+07:00',
      action: 'OBSERVE',
      bizStep: 'inspecting',
      disposition: 'conformant',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${paddyGtin}/10/KHONG-CO`, quantity: 1, uom: 'KGM' }],
    };
    return {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { nguon: 'https://nguon.example.vn/ns/epcis#' }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: new Date().toISOString(),
      epcisBody: { eventList: [harvest(`THOC-${digits(4)}`), unknownLot, harvest(`THOC-${digits(4)}`)] },
    };
  }

  async function upload(page: Awaited<ReturnType<BrowserApp['newPage']>>, name: string, document: object, behaviour: 'rollback' | 'proceed') {
    await page.goto(`${b.baseUrl}/console/#/epcis`);
    await page.setInputFiles('[data-testid=epcis-file]', { name, mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(document)) });
    await page.check(`[data-testid=epcis-${behaviour}]`);
    await page.click('[data-testid=epcis-send]');
    await page.waitForURL(/#\/epcis\/[0-9a-f-]{36}$/);
    // The job is over when its outcome is said.
    await page.waitForSelector('[data-testid=epcis-outcome] .alert', { timeout: 120_000 });
  }

  it('captures a partner’s EPCIS file: rollback records nothing, proceed records the valid events, and the refused one’s reason is in Vietnamese', async () => {
    const page = await b.login(org, { problems });
    const document = partnerDocument();
    const lots = async () => Number((await b.app.dataSource.query(`SELECT count(*)::int AS n FROM lot WHERE organization_id = $1`, [org.organizationId]))[0].n);

    await upload(page, 'doi-tac-rollback.jsonld', document, 'rollback');
    expect(plain(await page.textContent('[data-testid=epcis-outcome]'))).toContain('Không sự kiện nào được ghi');
    expect(plain(await page.textContent('[data-testid=epcis-counts]'))).toBe('Số sự kiện: 3 · Đã ghi: 0 · Trùng (bỏ qua): 0 · Bị từ chối: 1');
    const refused = page.locator('[data-testid=epcis-errors] tbody tr');
    expect(await refused.count()).toBe(1);
    expect(plain(await refused.locator('td').first().textContent())).toBe('2');
    expect(await refused.locator('[data-code]').getAttribute('data-code')).toBe('EPCIS_LOT_UNKNOWN');
    expect(plain(await refused.locator('[data-code]').textContent())).toBe('Lô này không thuộc đơn vị; hãy gửi sự kiện tạo lô trước.');
    expect(await lots()).toBe(0);

    await upload(page, 'doi-tac.jsonld', document, 'proceed');
    expect(plain(await page.textContent('[data-testid=epcis-outcome]'))).toContain('Đã ghi các sự kiện hợp lệ');
    expect(plain(await page.textContent('[data-testid=epcis-counts]'))).toBe('Số sự kiện: 3 · Đã ghi: 2 · Trùng (bỏ qua): 0 · Bị từ chối: 1');
    expect(await page.getAttribute('[data-testid=epcis-progress]', 'aria-valuenow')).toBe('100');
    expect(await page.locator('[data-testid=epcis-errors] [data-code=EPCIS_LOT_UNKNOWN]').count()).toBe(1);
    expect(await page.textContent('h1')).toContain('doi-tac.jsonld');
    expect(await lots()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, '1-capture-proceed.png'), fullPage: true });
    // On a phone the job and its refused event fit the screen.
    const phone = await b.login(org, { problems, viewport: { width: 390, height: 844 } });
    await phone.goto(page.url());
    await phone.waitForSelector('[data-testid=epcis-errors] [data-code=EPCIS_LOT_UNKNOWN]');
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await phone.screenshot({ path: join(ARTIFACTS, '1-capture-phone.png'), fullPage: true });
    await phone.context().close();

    // The same file again: the two harvests were captured before, the inspection is refused again.
    await upload(page, 'doi-tac-lan-2.jsonld', document, 'proceed');
    expect(plain(await page.textContent('[data-testid=epcis-counts]'))).toBe('Số sự kiện: 3 · Đã ghi: 0 · Trùng (bỏ qua): 2 · Bị từ chối: 1');
    expect(plain(await page.textContent('[data-testid=epcis-outcome]'))).toContain('Không có sự kiện mới nào được ghi');
    expect(await lots()).toBe(2);

    // The list: every capture, newest first, with the file each came from.
    await page.goto(`${b.baseUrl}/console/#/epcis`);
    const rows = page.locator('[data-testid=epcis-jobs] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    expect(plain(await rows.nth(0).textContent())).toContain('doi-tac-lan-2.jsonld');
    expect(plain(await rows.nth(1).textContent())).toContain('doi-tac.jsonld');
    expect(plain(await rows.nth(2).textContent())).toContain('doi-tac-rollback.jsonld');
    await page.screenshot({ path: join(ARTIFACTS, '0-captures.png'), fullPage: true });

    // A file that is not JSON is refused in the page, with nothing sent.
    await page.setInputFiles('[data-testid=epcis-file]', { name: 'bang-tinh.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('Mã lô;Khối lượng\nTHOC-01;250') });
    await page.click('[data-testid=epcis-send]');
    expect(plain(await page.textContent('[role=alert]'))).toContain('Tệp này không phải JSON');
    // JSON that is no EPCISDocument is refused by the API with its code, worded in Vietnamese.
    await page.setInputFiles('[data-testid=epcis-file]', { name: 'khong-phai-epcis.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ type: 'Lô hàng', code: 'THOC-01' })) });
    await page.click('[data-testid=epcis-send]');
    await page.waitForSelector('[role=alert]:has-text("lược đồ")');
    expect(plain(await page.textContent('[role=alert]'))).toContain('Tài liệu EPCIS không hợp lệ theo lược đồ JSON EPCIS 2.0 của GS1');
    expect(await rows.count()).toBe(3);

    // In English too.
    await page.click('header button:has-text("English")');
    await page.waitForSelector('h1:has-text("EPCIS 2.0 capture")');
    expect(plain(await page.textContent('[data-testid=epcis-jobs]'))).toContain('Record the valid ones');
    await page.click('header button:has-text("Tiếng Việt")');
    await page.waitForSelector('h1:has-text("Nhận dữ liệu EPCIS 2.0")');
    expect(problems).toEqual([]);
  });

  it('runs the chain check as a worker job, with its progress bar, to its result', async () => {
    const page = await b.login(org, { problems });
    await page.goto(`${b.baseUrl}/console/#/audit`);
    await page.click('[data-testid=audit-run]');
    await page.waitForURL(/#\/audit\?jobId=[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid=audit-result] .alert', { timeout: 120_000 });
    expect(plain(await page.textContent('[data-testid=audit-result] .alert'))).toBe('Chuỗi sự kiện toàn vẹn');
    expect(await page.textContent('[data-testid=audit-result]')).not.toContain('null');
    const events = Number((await b.app.dataSource.query(`SELECT count(*)::int AS n FROM event WHERE organization_id = $1`, [org.organizationId]))[0].n);
    expect(events).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=audit-checked]')).toBe(String(events));
    expect(await page.getAttribute('[data-testid=audit-progress]', 'aria-valuenow')).toBe('100');
    expect(plain(await page.textContent('[data-testid=audit-state]'))).toContain('Xong');
    await page.screenshot({ path: join(ARTIFACTS, '2-chain-check.png'), fullPage: true });
    // The job is in the address: a reload shows the same result.
    await page.reload();
    await page.waitForSelector('[data-testid=audit-result] .alert');
    expect(await page.textContent('[data-testid=audit-checked]')).toBe(String(events));

    // An event edited behind the service's back: the next check names it, linked to its page.
    const [edited] = await b.app.dataSource.query(`SELECT id FROM event WHERE organization_id = $1 ORDER BY seq DESC LIMIT 1`, [org.organizationId]);
    await b.app.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE event DISABLE TRIGGER event_append_only`);
      await manager.query(`UPDATE event SET details = jsonb_set(details, '{tampered}', 'true') WHERE id = $1`, [edited.id]);
      await manager.query(`ALTER TABLE event ENABLE TRIGGER event_append_only`);
    });
    const firstJob = page.url();
    await page.click('[data-testid=audit-run]');
    await page.waitForURL((url) => url.href !== firstJob && /#\/audit\?jobId=/.test(url.href));
    await page.waitForSelector('[data-testid=audit-result] .alert', { timeout: 120_000 });
    expect(plain(await page.textContent('[data-testid=audit-result] .alert'))).toBe('Phát hiện sự kiện bị sửa');
    expect(await page.getAttribute('[data-testid=audit-broken-event]', 'href')).toBe(`#/events/${edited.id}`);
    expect(plain(await page.textContent('[data-testid=audit-problem]'))).toContain('dữ liệu đã bị sửa ngoài phần mềm');
    await page.screenshot({ path: join(ARTIFACTS, '2-chain-check-broken.png'), fullPage: true });

    // A viewer (an auditor) writes nothing, not even a job: the check answers in the request for a short chain.
    const viewer = await addUser(b.app.server, org, 'viewer');
    const auditor = await b.login({ email: viewer.email, password: 'another long password' }, { problems });
    await auditor.goto(`${b.baseUrl}/console/#/audit`);
    await auditor.click('[data-testid=audit-run]');
    await auditor.waitForSelector('[data-testid=audit-verification] .alert');
    expect(plain(await auditor.textContent('[data-testid=audit-verification] .alert'))).toBe('Phát hiện sự kiện bị sửa');
    expect(await auditor.getAttribute('[data-testid=audit-broken-event]', 'href')).toBe(`#/events/${edited.id}`);
    expect(problems).toEqual([]);
  });

  it('follows a recall the worker runs, from the lot page to the lots it marked', async () => {
    const lot = (await b.app.dataSource.query(`SELECT id, code FROM lot WHERE organization_id = $1 ORDER BY code LIMIT 1`, [org.organizationId]))[0] as { id: string; code: string };
    const page = await b.login(org, { problems });
    // The API recalls at once up to 2,000 lots downstream and answers a wider recall with a job (202):
    // this lot's recall is sent where any recall becomes a job, as a wide one would.
    await page.route(`${b.baseUrl}/api/v1/recalls`, (route) => route.continue({ url: `${b.baseUrl}/api/v1/recall-jobs` }));
    await page.goto(`${b.baseUrl}/console/#/lots/${lot.id}`);
    await page.click('button:has-text("Thu hồi lô này")');
    await page.fill('#recall-reason', 'Dư lượng thuốc BVTV vượt ngưỡng');
    await page.click('button:has-text("Xác nhận thu hồi")');
    await page.waitForURL(/#\/recall-jobs\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid=recall-result] .alert', { timeout: 120_000 });
    expect(await page.getAttribute('[data-testid=recall-progress]', 'aria-valuenow')).toBe('100');
    expect(await page.textContent('[data-testid=recall-marked]')).toBe('1');
    expect(plain(await page.textContent('[data-testid=recall-result]'))).toContain(lot.code);
    expect(await page.textContent('[data-testid=recall-job]')).not.toContain('null');
    await page.screenshot({ path: join(ARTIFACTS, '3-recall-job.png'), fullPage: true });
    await page.click(`[data-testid=recall-result] tbody tr`);
    await page.waitForSelector('.banner-recall');
    expect(problems).toEqual([]);
  });
});
