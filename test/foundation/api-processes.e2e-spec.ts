import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from '@jest/globals';
import { freePort, waitUntil } from '@app/testing';

/** The built API with API_PROCESSES=2: one primary supervising two API processes on one port. */
describe('API_PROCESSES: several API processes on one port', () => {
  let primary: ChildProcess | undefined;
  afterAll(() => {
    if (primary?.exitCode === null) primary.kill('SIGKILL');
  });

  const childrenOf = (pid: number) =>
    execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter(Boolean);
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
    await waitUntil(async () => childrenOf(primary!.pid!).length === 2 && (await ready()), 'two API processes, ready');

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
    await waitUntil(async () => {
      const now = childrenOf(primary!.pid!);
      return now.length === 2 && !now.includes(victim) && now.includes(survivor) && (await ready());
    }, 'a replacement API process');
    expect((await fetch(`${base}/health/live`, fresh())).status).toBe(200);

    // SIGTERM: every process finishes and the primary exits 0.
    const children = childrenOf(primary.pid!);
    const exited = new Promise<number | null>((resolve) => primary!.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    // They stopped by themselves: the primary did not have to kill any (it says so when it does).
    expect(output).not.toContain('still running');
    for (const pid of children) expect(() => process.kill(pid, 0)).toThrow();
    expect(output).not.toMatch(/"level":\s*"?(error|fatal)/i);
  });
});
