import { chromium, type Browser } from 'playwright-core';

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
