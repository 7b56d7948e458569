import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { DEMO_LOGIN } from '@app/traceability';
import { freePort } from '@app/testing';

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('zero-config start (npm start without DATABASE_URL and REDIS_URL)', () => {
  it('starts embedded PostgreSQL, API and worker with demo data, and stops cleanly on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nguon-zero-'));
    const [port, pgPort] = [await freePort(), await freePort()];
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !['DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX', 'NODE_ENV', 'LOG_LEVEL'].includes(key)) env[key] = value;
    }
    Object.assign(env, { PORT: String(port), EMBEDDED_POSTGRES_PORT: String(pgPort), DATA_DIR: dataDir, STORAGE_DIR: join(dataDir, 'storage'), LOG_LEVEL: 'warn' });
    const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const ready = await waitFor(`http://127.0.0.1:${port}/health/ready`, 90_000).catch((error: Error) => {
        throw new Error(`${error.message}; launcher output:\n${output}`);
      });
      expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', queue: 'ok' } });
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEMO_LOGIN),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(((await me.json()) as { organization: { province: string } }).organization.province).toBe('Điện Biên');
      // The launcher polls readiness on its own schedule: it may print the login after this test saw the API ready.
      for (let waited = 0; !output.includes('Demo login:') && waited < 60_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(output).toContain(`Demo login: ${DEMO_LOGIN.email}`);
      expect(output).toContain('the queue runs on PostgreSQL');
    } finally {
      child.kill('SIGINT');
      const code = await exited;
      expect(code).toBe(0);
      // No orphaned PostgreSQL left on the data directory.
      const left = spawnSync('pgrep', ['-f', join(dataDir, 'postgres')], { encoding: 'utf8' }).stdout.trim();
      expect(left).toBe('');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
