import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';

const PUBLIC_DIR = resolve(process.cwd(), 'apps/api/src/console/public');

/** The console's type-check (tsconfig.console.json) over its files plus one more, held in memory. */
function diagnosticsWith(source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(process.cwd(), 'tsconfig.console.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const probe = resolve(PUBLIC_DIR, '__probe__.js');
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (resolve(name) === probe ? ts.createSourceFile(name, source, language) : read(name, language, ...rest));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => resolve(name) === probe || exists(name);
  const program = ts.createProgram([probe, resolve(process.cwd(), 'apps/api/src/console/api-types.d.ts'), resolve(process.cwd(), 'apps/api/src/console/console-globals.d.ts')], config.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/**
 * A client/server mismatch fails the console's type-check: apiUrl (core.js) takes paths, path
 * parameters and queries as the generated OpenAPI types (api-types.d.ts) give them.
 */
describe('the console’s typed API URLs', () => {
  it('accepts what the API takes, and refuses an unknown query parameter, a wrong value and an unknown path', () => {
    const ok = diagnosticsWith(`// @ts-check
import { apiUrl } from './core.js';
apiUrl('/api/v1/lots', { query: { limit: 100, search: 'SC-2026' } });
apiUrl('/api/v1/lots/{id}/trace', { path: { id: 'x' }, query: { direction: 'back' } });
`);
    expect(ok).toEqual([]);
    const wrong = diagnosticsWith(`// @ts-check
import { apiUrl } from './core.js';
apiUrl('/api/v1/lots', { query: { limit: 100, find: 'SC-2026' } });
apiUrl('/api/v1/lots', { query: { status: 'lost' } });
apiUrl('/api/v1/lot-search', {});
`);
    expect(wrong).toHaveLength(3);
    expect(wrong[0]).toContain("'find' does not exist");
    expect(wrong[1]).toContain('"lost"');
    expect(wrong[2]).toContain('/api/v1/lot-search');
  });
});
