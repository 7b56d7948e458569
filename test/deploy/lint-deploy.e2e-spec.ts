// `npm run lint:deploy` (scripts/lint-deploy.mjs, docs/deploy.md#checks-npm-run-lint-deploy): it
// passes on the committed deployment files, and on a copy with one mistake of each kind it fails
// naming every one.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const repo = resolve(import.meta.dirname, '../..');

async function lint(root: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(repo, 'scripts/lint-deploy.mjs'), root], { cwd: repo });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('lint:deploy', () => {
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'nguon-lint-deploy-'));
    await cp(join(repo, 'deploy'), join(copy, 'deploy'), { recursive: true });
    await cp(join(repo, 'docker-compose.yml'), join(copy, 'docker-compose.yml'));
    for (const file of ['libs/config/src/config.ts', 'apps/api/src/health/health.controller.ts']) {
      await mkdir(join(copy, file, '..'), { recursive: true });
      await cp(join(repo, file), join(copy, file));
    }
    await symlink(join(repo, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  it('passes on the committed compose files and Kubernetes manifests', async () => {
    const { code, output } = await lint(repo);
    expect(output).toMatch(/deploy: 2 compose files and \d+ Kubernetes objects/);
    expect(code).toBe(0);
  });

  it('names a schema error, an unknown field, a wrong probe, a missing PDB, an unknown setting and a compose typo', async () => {
    const edit = async (file: string, change: (text: string) => string) => {
      const path = join(copy, file);
      const before = await readFile(path, 'utf8');
      const after = change(before);
      expect(after).not.toBe(before);
      await writeFile(path, after);
    };
    await edit('deploy/k8s/api.yaml', (text) =>
      text
        .replace('  replicas: 2\n', '  replicaz: 2\n')
        .replace('cpu: 500m', 'cpu: lots')
        .replace('path: /health/ready', 'path: /healthz'),
    );
    await edit('deploy/k8s/worker.yaml', (text) => text.slice(0, text.lastIndexOf('---')));
    await edit('deploy/k8s/configmap.yaml', (text) => text.replace('  LOG_LEVEL: info\n', '  LOG_LEVEL: info\n  LOG_LEVELS: debug\n'));
    await edit('deploy/compose.yaml', (text) => text.replace('  stop_grace_period: 30s', '  stop_grace_periods: 30s'));
    await edit('deploy/nginx/nginx.conf', (text) => text.replace('server api-2:3000', 'server api-3:3000'));

    const { code, output } = await lint(copy);
    expect(code).toBe(1);
    expect(output).toContain('requests/cpu must match format "quantity"');
    expect(output).toContain(`'"replicaz"' does not exist in type 'IDeploymentSpec'`);
    expect(output).toContain('readinessProbe asks /healthz, not a route of apps/api/src/health');
    expect(output).toContain('Deployment nguon-worker: no PodDisruptionBudget selects its pods');
    expect(output).toContain('LOG_LEVELS is not a variable libs/config reads');
    expect(output).toContain('/services/worker must NOT have additional properties (stop_grace_periods)');
    expect(output).toContain('upstream api-3 is not a service of deploy/compose.yaml');
    expect(output).toContain('api-2 is not an upstream');
  });
});
