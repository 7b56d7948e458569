import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
const childrenOf = (pid: number) =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter(Boolean);

/**
 * The built API with API_PROCESSES=2: each process caches the callers it resolved, and a revocation
 * made through one must be refused by both from the moment it is answered.
 */
describe('revocations reach every API process at once', () => {
  let primary: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    primary = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      env: { ...process.env, API_PROCESSES: '2', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await fetch(`${base}/health/ready`).then((r) => r.status === 200, () => false);
      if (ready && childrenOf(primary.pid!).length === 2) break;
      if (Date.now() > deadline) throw new Error(`the API did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  afterAll(async () => {
    if (primary?.exitCode === null) {
      const exited = new Promise((resolve) => primary.once('exit', resolve));
      primary.kill('SIGTERM');
      await exited;
    }
  });

  /** Each call on a fresh connection, so that node:cluster hands them to both processes in turn. */
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { connection: 'close', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const statusesOf = async (token: string, count: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await call('GET', '/api/v1/me', token)).status);
    return statuses;
  };

  async function owner() {
    const email = `owner-${randomUUID()}@test.nguon.vn`;
    const signup = await call('POST', '/api/v1/auth/signup', undefined, { organizationName: 'HTX Hai Tiến Trình', email, password: 'long enough pass' });
    expect(signup.status).toBe(201);
    return { email, token: signup.body.accessToken as string };
  }

  it('refuses a logged-out token on both processes from the answer on, though both had it cached', async () => {
    const { email } = await owner();
    const token = (await call('POST', '/api/v1/auth/login', undefined, { email, password: 'long enough pass' })).body.accessToken;
    // Warm both caches: several requests, each on its own connection.
    expect(await statusesOf(token, 10)).toEqual(Array(10).fill(200));
    expect((await call('POST', '/api/v1/auth/logout', token)).status).toBe(204);
    expect(await statusesOf(token, 40)).toEqual(Array(40).fill(401));
  });

  it('refuses the tokens of a user whose role changed, and a revoked API key, on both processes at once', async () => {
    const admin = await owner();
    const clerkEmail = `clerk-${randomUUID()}@test.nguon.vn`;
    const clerk = await call('POST', '/api/v1/users', admin.token, { email: clerkEmail, password: 'another long password', role: 'recorder' });
    expect(clerk.status).toBe(201);
    const clerkToken = (await call('POST', '/api/v1/auth/login', undefined, { email: clerkEmail, password: 'another long password' })).body.accessToken;
    const key = await call('POST', '/api/v1/api-keys', admin.token, { name: 'ERP', role: 'viewer' });
    expect(await statusesOf(clerkToken, 10)).toEqual(Array(10).fill(200));
    expect(await statusesOf(key.body.key, 10)).toEqual(Array(10).fill(200));

    expect((await call('PATCH', `/api/v1/users/${clerk.body.id}`, admin.token, { role: 'viewer' })).status).toBe(200);
    expect(await statusesOf(clerkToken, 30)).toEqual(Array(30).fill(401));
    expect((await call('DELETE', `/api/v1/api-keys/${key.body.apiKey.id}`, admin.token)).status).toBe(200);
    expect(await statusesOf(key.body.key, 30)).toEqual(Array(30).fill(401));
    expect(await statusesOf(admin.token, 6)).toEqual(Array(6).fill(200));
    expect(output).not.toMatch(/"level":\s*"?(error|fatal)/i);
  });
});
