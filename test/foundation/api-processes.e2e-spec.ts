import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';

/** The built API with API_PROCESSES=2: one primary supervising two API processes on one port. */
describe('API_PROCESSES: several API processes on one port', () => {
  let primary: ChildProcess | undefined;
  afterAll(() => {
    if (primary?.exitCode === null) primary.kill('SIGKILL');
  });

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
  const until = async (check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await Promise.resolve().then(check).catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('serves from two processes, replaces one that dies, shares the rate limit, and stops on SIGTERM', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    primary = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      env: { ...process.env, API_PROCESSES: '2', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', AUTH_RATE_LIMIT_PER_MINUTE: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    primary.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ready = async () => (await fetch(`${base}/health/ready`)).status === 200;
    await until(async () => childrenOf(primary!.pid!).length === 2 && (await ready()), 'two API processes, ready');

    // Each new connection goes to one of them; all are answered.
    const fresh = () => ({ headers: { connection: 'close' } });
    const statuses = await Promise.all(Array.from({ length: 10 }, () => fetch(`${base}/health/live`, fresh()).then((r) => r.status)));
    expect(statuses).toEqual(Array(10).fill(200));

    // The auth limit of 4 per minute holds across both processes: each allows its share (2).
    const logins = [];
    for (let i = 0; i < 6; i++) {
      logins.push(
        (
          await fetch(`${base}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', connection: 'close' },
            body: JSON.stringify({ email: `nobody${i}@example.com`, password: 'wrong-password-123' }),
          })
        ).status,
      );
    }
    expect(logins.filter((status) => status !== 429).length).toBeLessThanOrEqual(4);
    expect(logins.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);

    // One dies: another takes its place, and the port keeps answering.
    const [victim, survivor] = childrenOf(primary.pid!);
    process.kill(victim, 'SIGKILL');
    await until(async () => {
      const now = childrenOf(primary!.pid!);
      return now.length === 2 && !now.includes(victim) && now.includes(survivor) && (await ready());
    }, 'a replacement API process');
    expect((await fetch(`${base}/health/live`, fresh())).status).toBe(200);

    // SIGTERM: every process finishes and the primary exits 0.
    const children = childrenOf(primary.pid!);
    const exited = new Promise<number | null>((resolve) => primary!.once('exit', (code) => resolve(code)));
    const stopAsked = Date.now();
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    // They stopped by themselves, well before the primary would have killed them (15 s).
    expect(Date.now() - stopAsked).toBeLessThan(10_000);
    for (const pid of children) expect(() => process.kill(pid, 0)).toThrow();
    expect(output).not.toMatch(/"level":\s*"?(error|fatal)/i);
  });
});
