import { createServer } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestApp, testConfig, type ApiFactory, type TestApp, type WorkerFactory } from './test-app.js';

/**
 * Debian's headless Chromium as the browser tests run it: no background networking (this machine's
 * closed network refuses it), no sandbox (the tests run as root), a fresh profile.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A TCP port free at the moment of asking, on 127.0.0.1. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });

export interface BrowserAppOptions {
  /** The worker too, for the suites whose screens wait for jobs (labels, imports, EPCIS capture, chain checks). */
  worker?: WorkerFactory;
  /** Configuration over testConfig(); PUBLIC_BASE_URL and PORT default to the address the app listens on. */
  config?: Record<string, string>;
}

export interface PageOptions extends BrowserContextOptions {
  /** Script errors and Content-Security-Policy refusals of the page are pushed here (a suite expects none). */
  problems?: string[];
}

export interface BrowserApp {
  app: TestApp & { worker?: Awaited<ReturnType<WorkerFactory>> };
  browser: Browser;
  /** The listening origin, `http://127.0.0.1:<port>`; service workers need a real port on a secure origin. */
  baseUrl: string;
  /** A page in a fresh browser profile: Vietnamese, 1100×900 unless told otherwise. */
  newPage(options?: PageOptions): Promise<Page>;
  /** A fresh page (or `options.page`) logged in to the console as `credentials`, on the console's first screen. */
  login(credentials: { email: string; password: string }, options?: PageOptions & { page?: Page }): Promise<Page>;
  /** Closes the browser, then the app (and its worker). */
  close(): Promise<void>;
}

/**
 * The set-up of the browser suites: the real API (and worker) listening on a free port, the public
 * base URL set to it, and Debian's Chromium.
 */
export async function startBrowserApp(createApiApp: ApiFactory, options: BrowserAppOptions = {}): Promise<BrowserApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await startTestApp(createApiApp, testConfig({ PUBLIC_BASE_URL: baseUrl, PORT: String(port), ...options.config }), options.worker);
  let browser: Browser | undefined;
  try {
    await app.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  } catch (error) {
    await app.close();
    throw error;
  }
  const opened = browser;
  const newPage = async ({ problems, ...context }: PageOptions = {}) => {
    const page = await (await opened.newContext({ viewport: { width: 1100, height: 900 }, locale: 'vi-VN', ...context })).newPage();
    if (problems) {
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
      });
    }
    return page;
  };
  return {
    app,
    browser: opened,
    baseUrl,
    newPage,
    async login(credentials, { page: given, ...pageOptions } = {}) {
      const page = given ?? (await newPage(pageOptions));
      await page.goto(`${baseUrl}/console/#/login`);
      await page.fill('#email', credentials.email);
      await page.fill('#password', credentials.password);
      await page.click('form button[type=submit]');
      await page.waitForSelector('[data-testid=org-name]');
      return page;
    },
    async close() {
      await opened.close().catch(() => undefined);
      await app.close();
    },
  };
}
