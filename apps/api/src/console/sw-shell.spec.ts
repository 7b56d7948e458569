import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const PUBLIC = resolve(process.cwd(), 'apps/api/src/console/public');

describe('the console service worker’s shell', () => {
  it('lists every file of the console, so the console opens offline before any screen was visited', () => {
    const source = readFileSync(resolve(PUBLIC, 'sw.js'), 'utf8');
    const listed = new Set([...source.matchAll(/'\/console\/([^']*)'/g)].map((match) => match[1]));
    const files = readdirSync(PUBLIC).filter((name) => name !== 'sw.js' && /\.(js|css|html|webmanifest|svg|png)$/.test(name));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((name) => !listed.has(name))).toEqual([]);
  });
});
