import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import openapiTS, { astToString } from 'openapi-typescript';
import request from 'supertest';
import { startTestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/** The console's types of the API, generated from the app's own OpenAPI document (tsconfig.console.json reads them). */
const TYPES_FILE = new URL('../../apps/api/src/console/api-types.d.ts', import.meta.url);
const HEADER = '// Generated from the API’s OpenAPI document by `npm run api-types` (openapi-typescript). Do not edit.\n// The console’s URLs are checked against it (core.js: apiUrl), so a query or path the API does not take fails `npm run typecheck`.\n\n';

/**
 * The generated types are current: a route or query parameter changed on the server without
 * `npm run api-types` fails here (and the console's type-check then says which call no longer fits).
 * With UPDATE_API_TYPES=1 (what `npm run api-types` sets) the file is written instead.
 */
describe('the console’s API types', () => {
  it('are generated from the current OpenAPI document', async () => {
    const t = await startTestApp(createApiApp);
    try {
      const document = (await request(t.server).get('/docs-json').expect(200)).body;
      const generated = HEADER + astToString(await openapiTS(document, { alphabetize: true }));
      if (process.env.UPDATE_API_TYPES === '1') await writeFile(TYPES_FILE, generated);
      const committed = await readFile(TYPES_FILE, 'utf8').catch(() => '');
      expect(committed === generated ? 'current' : 'stale: run `npm run api-types` and commit apps/api/src/console/api-types.d.ts').toBe('current');
    } finally {
      await t.close();
    }
  });
});
