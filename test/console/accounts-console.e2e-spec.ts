import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Page } from 'playwright-core';
import request from 'supertest';
import { addUser, createProgrammeOffice, signupOrganization, startBrowserApp, type BrowserApp, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'console');

describe('console: users, keys, passwords, sessions and links in a real browser', () => {
  let b: BrowserApp;
  let t: TestApp;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    b = await startBrowserApp(createApiApp);
    ({ app: t, baseUrl: base } = b);
  });
  afterAll(async () => {
    await b?.close();
  });

  /**
   * A fresh browser profile; script errors and CSP refusals are collected (there must be none). It opens on
   * `#/login`, the address `login` goes to: no hash change, so no second login screen replacing the one it fills.
   */
  async function open(path = '/console/#/login'): Promise<Page> {
    const page = await b.newPage({ problems });
    await page.goto(`${base}${path}`);
    return page;
  }
  const login = (page: Page, email: string, password: string) => b.login({ email, password }, { page });
  const tokenIn = (page: Page) => page.evaluate(() => localStorage.getItem('nguon.token'));

  it('lets an owner add a user who sets their own password, change their role, issue and revoke API keys', async () => {
    const org = await signupOrganization(t.server, { organizationName: 'HTX Chè Shan tuyết Tủa Chùa' });
    const page = await open();
    await login(page, org.email, org.password);
    await page.click('nav a:has-text("Người dùng")');
    await page.waitForSelector('h1:has-text("Người dùng")');
    const email = `chi.lo.${Date.now()}@htx-tuachua.vn`;
    await page.fill('[name=email]', email);
    await page.fill('[name=name]', 'Lò Thị Chi');
    await page.selectOption('[name=role]', 'recorder');
    await page.click('form button[type=submit]');
    const link = (await page.textContent('[data-testid=secret] code'))!;
    expect(link).toContain(`${base}/console/#/reset-password?token=`);
    await page.screenshot({ path: join(ARTIFACTS, 'accounts-1-user-added.png'), fullPage: true });

    // The new user opens the link, sets a password and logs in.
    const clerk = await open();
    await clerk.goto(link);
    await clerk.fill('[name=newPassword]', 'chè ngon Tủa Chùa');
    await clerk.fill('[name=confirmPassword]', 'chè khác');
    await clerk.click('form button[type=submit]');
    await clerk.waitForSelector('[data-field=confirmPassword].invalid');
    expect(await clerk.textContent('.field-error[data-for=confirmPassword]')).toBe('Hai mật khẩu không giống nhau');
    await clerk.fill('[name=confirmPassword]', 'chè ngon Tủa Chùa');
    await clerk.click('form button[type=submit]');
    await clerk.waitForSelector('.alert.ok');
    await login(clerk, email, 'chè ngon Tủa Chùa');
    expect(await clerk.textContent('[data-testid=role]')).toContain('Nhân viên ghi chép');
    expect(await clerk.locator('nav a:has-text("Người dùng")').count()).toBe(0);
    const clerkToken = (await tokenIn(clerk))!;

    // The owner makes them a viewer: their session ends at once.
    await page.reload();
    const row = page.locator('tr', { hasText: email });
    await row.locator('select[name=role]').selectOption('viewer');
    await row.locator('[data-action=role]').click();
    await page.waitForSelector(`tr:has-text("${email}") >> text=Chỉ xem`);
    await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${clerkToken}`).expect(401);
    // No controls on one's own row.
    expect(await page.locator('tr', { hasText: org.email }).locator('button').count()).toBe(0);

    // An API key: the secret is shown once, works, and is refused once revoked.
    await page.click('nav a:has-text("Khóa API")');
    await page.waitForSelector('h1:has-text("Khóa API")');
    await page.fill('[name=name]', 'Phần mềm kế toán');
    await page.selectOption('[name=role]', 'viewer');
    await page.click('form button[type=submit]');
    const key = (await page.textContent('[data-testid=secret] code'))!;
    await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${key}`).expect(200);
    await page.reload();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('tr', { hasText: 'Phần mềm kế toán' }).locator('[data-action=revoke]').click();
    await page.waitForSelector('tr:has-text("Phần mềm kế toán") .badge.revoked');
    await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${key}`).expect(401);
    await page.screenshot({ path: join(ARTIFACTS, 'accounts-2-api-keys.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 180_000);

  it('changes one’s password, offers “forgot password” and logs out for real', async () => {
    const org = await signupOrganization(t.server);
    const page = await open();
    await login(page, org.email, org.password);
    const first = (await tokenIn(page))!;
    await page.click('[data-testid=change-password]');
    await page.fill('[name=currentPassword]', 'not my password');
    await page.fill('[name=newPassword]', 'mật khẩu mới an toàn');
    await page.fill('[name=confirmPassword]', 'mật khẩu mới an toàn');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-field=currentPassword].invalid');
    expect(await page.textContent('.field-error[data-for=currentPassword]')).toBe('Mật khẩu hiện tại không đúng');
    await page.fill('[name=currentPassword]', org.password);
    await page.click('form button[type=submit]');
    await page.waitForSelector('.login .alert.ok');
    await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${first}`).expect(401);
    // On #/login itself first (the login screen without the notice), so `login` fills a screen that stays.
    await page.goto(`${base}/console/#/login`);
    await page.waitForSelector('.login:not(:has(.alert))');
    await login(page, org.email, 'mật khẩu mới an toàn');

    const second = (await tokenIn(page))!;
    await page.click('[data-testid=logout]');
    await page.waitForSelector('#email');
    expect(await tokenIn(page)).toBeNull();
    await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${second}`).expect(401);

    await page.click('[data-testid=forgot-password]');
    // The login screen has an email field too: fill the forgot-password screen's.
    await page.waitForSelector('h1:has-text("Quên mật khẩu")');
    await page.fill('[name=email]', org.email);
    await page.click('form button[type=submit]');
    await page.waitForSelector('.alert.ok');
    expect(await page.textContent('.alert.ok')).toContain('Nếu email có tài khoản');
    expect(problems).toEqual([]);
  }, 180_000);

  it('lets a cooperative accept an office’s invitation, and the office read it read-only from its switcher', async () => {
    const province = `Tỉnh ${Date.now()}`;
    const office = await createProgrammeOffice(t, { province, name: 'Văn phòng Điều phối NTM thử nghiệm' });
    const coop = await signupOrganization(t.server, { province, organizationName: 'HTX Mận Hậu Mộc Châu' });
    await request(t.server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: coop.organizationId }).expect(201);

    // The cooperative's viewer sees the invitation but cannot answer it.
    const viewer = await addUser(t.server, coop, 'viewer');
    const viewerPage = await open();
    await login(viewerPage, viewer.email, 'another long password');
    await viewerPage.click('nav a:has-text("Liên kết tổ chức")');
    await viewerPage.waitForSelector('h2:has-text("Chờ bạn trả lời")');
    expect(await viewerPage.textContent('main')).toContain('Văn phòng Điều phối NTM thử nghiệm');
    expect(await viewerPage.locator('main button').count()).toBe(0);
    expect(await viewerPage.locator('nav a:has-text("Người dùng")').count()).toBe(0);

    const page = await open();
    await login(page, coop.email, coop.password);
    await page.click('nav a:has-text("Liên kết tổ chức")');
    await page.click('[data-action=accept]');
    await page.waitForSelector('[data-action=end]');
    await page.screenshot({ path: join(ARTIFACTS, 'accounts-3-links.png'), fullPage: true });

    const officePage = await open();
    await login(officePage, office.email, office.password);
    await officePage.selectOption('[data-testid=office-switcher]', coop.organizationId);
    await officePage.waitForSelector('[data-testid=org-name]:has-text("HTX Mận Hậu Mộc Châu")');
    expect(await officePage.textContent('[data-testid=role]')).toContain('Chỉ xem');
    await officePage.goto(`${base}/console/#/products`);
    // An office's screen changes only after its switcher is read: any h1 could still be the lots'.
    await officePage.waitForSelector('h1:has-text("Sản phẩm")');
    expect(await officePage.locator('button:has-text("Thêm mới")').count()).toBe(0);
    await officePage.screenshot({ path: join(ARTIFACTS, 'accounts-4-office-reading.png'), fullPage: true });

    // The cooperative ends it: the office's next screen says so and falls back to its own view.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('[data-action=end]');
    await page.waitForSelector('h2:has-text("Đã kết thúc")');
    await officePage.reload();
    await officePage.waitForSelector('.alert.warn');
    expect(await officePage.textContent('[data-testid=org-name]')).toBe('Văn phòng Điều phối NTM thử nghiệm');
    expect(problems).toEqual([]);
  }, 180_000);

  it('serves the console with a CSP that allows no inline script', async () => {
    const response = await request(t.server).get('/console/').expect(200);
    const csp = response.headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
