import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, waitUntil } from './processes.js';

/** The master's name the sentinel watches (REDIS_SENTINEL_NAME). */
export const SENTINEL_MASTER_NAME = 'nguon';

export interface RedisSentinel {
  masterPort: number;
  /** The replica's port, when one was asked for. */
  replicaPort?: number;
  sentinelPort: number;
  /** What the service is configured with to find the master through the sentinel. */
  config: { REDIS_SENTINELS: string; REDIS_SENTINEL_NAME: string };
  /** The port of the master the sentinel names now. */
  masterPortNow(): Promise<string | undefined>;
  /** SIGKILLs the master's redis-server. */
  killMaster(): void;
  stop(): void;
}

/**
 * A redis-server master, optionally a replica following it, and one sentinel watching them (quorum
 * 1, so it alone fails over: the master is down after `downAfterMs`), on free ports of their own;
 * resolved once the sentinel knows the master (and the replica, in sync).
 */
export async function startRedisSentinel(options: { replica?: boolean; downAfterMs?: number } = {}): Promise<RedisSentinel> {
  const dir = mkdtempSync(join(tmpdir(), 'nguon-sentinel-'));
  const children: ChildProcess[] = [];
  const server = (port: number, ...args: string[]) => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...args], { stdio: 'ignore' });
    children.push(child);
    return child;
  };
  const masterPort = await freePort();
  const replicaPort = options.replica ? await freePort() : undefined;
  const sentinelPort = await freePort();
  const master = server(masterPort);
  if (replicaPort) server(replicaPort, '--replicaof', '127.0.0.1', String(masterPort));
  const conf = join(dir, 'sentinel.conf');
  writeFileSync(
    conf,
    [
      `port ${sentinelPort}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor ${SENTINEL_MASTER_NAME} 127.0.0.1 ${masterPort} 1`,
      `sentinel down-after-milliseconds ${SENTINEL_MASTER_NAME} ${options.downAfterMs ?? 5000}`,
      `sentinel failover-timeout ${SENTINEL_MASTER_NAME} 10000`,
      '',
    ].join('\n'),
  );
  children.push(spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' }));

  const sentinel = new Redis({ port: sentinelPort, lazyConnect: true, maxRetriesPerRequest: 1 });
  sentinel.on('error', () => undefined);
  const masterPortNow = async () => ((await sentinel.call('SENTINEL', 'get-master-addr-by-name', SENTINEL_MASTER_NAME)) as string[] | null)?.[1];
  const stop = () => {
    sentinel.disconnect();
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(async () => (await masterPortNow()) === String(masterPort), 'the sentinel to know the master');
    if (replicaPort) {
      const replica = new Redis({ port: replicaPort, lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await waitUntil(async () => /master_link_status:up/.test(await replica.info('replication')), 'the replica to follow the master');
      } finally {
        replica.disconnect();
      }
      await waitUntil(async () => ((await sentinel.call('SENTINEL', 'replicas', SENTINEL_MASTER_NAME)) as unknown[]).length === 1, 'the sentinel to know the replica');
    }
  } catch (error) {
    stop();
    throw error;
  }
  return {
    masterPort,
    replicaPort,
    sentinelPort,
    config: { REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`, REDIS_SENTINEL_NAME: SENTINEL_MASTER_NAME },
    masterPortNow,
    killMaster: () => master.kill('SIGKILL'),
    stop,
  };
}
