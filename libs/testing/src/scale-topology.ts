import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, startBuiltProcess, waitUntil, type BuiltProcess } from './processes.js';

/**
 * The scaled topology of issue 18 on one machine, with its real engines on ports of their own: a
 * PostgreSQL primary and a streaming replica (the machine's PostgreSQL binaries, temporary data
 * directories), a 3-master Redis Cluster (redis-server, `redis-cli --cluster create`), and any number
 * of built API and worker processes (`npm run build` first) configured with DATABASE_READ_URLS and
 * REDIS_CLUSTER_NODES. Used by test/scale/scale.e2e-spec.ts and by the scale benches; `bench/scale-up.ts`
 * starts it from the command line. Everything it started is stopped, and its directory removed, by
 * stop() — and, should the calling process exit without it, by an exit hook (SIGKILL, immediate
 * PostgreSQL shutdown).
 */

const run = promisify(execFile);

/** The directory of the machine's PostgreSQL binaries (PG_BIN, else the newest /usr/lib/postgresql/N/bin, else PATH). */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  for (const version of ['18', '17', '16', '15', '14', '13']) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  return dirnameOf(execFileSync('which', ['initdb'], { encoding: 'utf8' }).trim());
}

function dirnameOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** PostgreSQL refuses to run as root: as root, its binaries run as the postgres user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function pgRun(bin: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const [command, argv] = asPostgres(join(postgresBinDir(), bin), args);
  return run(command, argv, { maxBuffer: 16 * 1024 * 1024 });
}

export interface ScaleTopologyOptions {
  /** API processes to start (default 2). */
  apis?: number;
  /** Worker processes to start (default 2). */
  workers?: number;
  /** Start a streaming replica and give the processes DATABASE_READ_URLS (default true). */
  replica?: boolean;
  /** Start a Redis Cluster for the queue and the rate limits (default true); false: the queue on PostgreSQL. */
  redisCluster?: boolean;
  /** Environment given to every API and worker process (on top of the topology's own). */
  env?: Record<string, string>;
  apiEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface ApiProcess extends BuiltProcess {
  port: number;
  url: string;
}

export interface PgServer {
  port: number;
  dataDir: string;
  /** postgres://… for the `nguon` database on this server. */
  url: string;
  running: boolean;
}

export interface ScaleTopology {
  dir: string;
  primary: PgServer;
  replica: PgServer | undefined;
  /** host:port of each Redis Cluster master. */
  redisNodes: string[];
  redisProcesses: { port: number; process: import('node:child_process').ChildProcess }[];
  /** The environment the API and worker processes run with (DATABASE_URL, DATABASE_READ_URLS, REDIS_CLUSTER_NODES…). */
  env: Record<string, string>;
  apis: ApiProcess[];
  workers: BuiltProcess[];
  startApi(env?: Record<string, string>): Promise<ApiProcess>;
  startWorker(env?: Record<string, string>): Promise<BuiltProcess>;
  /** One query on a server (primary or replica), on a connection of its own. */
  query<T = Record<string, unknown>>(server: PgServer, sql: string, values?: unknown[]): Promise<T[]>;
  /** Stops the replica (fast shutdown): the processes must go on with the primary. */
  stopReplica(): Promise<void>;
  /** Stops every process and server, removes the directory. Safe to call twice. */
  stop(): Promise<void>;
}

const DATABASE = 'nguon';

/** Settings of both servers: small, fast (no fsync: a test's data), streaming replication on. */
function serverConf(port: number, socketDir: string): string {
  return [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${socketDir}'`,
    'max_connections = 300',
    'shared_buffers = 64MB',
    'wal_level = replica',
    'max_wal_senders = 5',
    'wal_keep_size = 256MB',
    'hot_standby = on',
    'hot_standby_feedback = on',
    'fsync = off',
    'full_page_writes = off',
    'synchronous_commit = on',
    "log_min_messages = warning",
    // Statements counted per server (test/scale tells the replica's reads from the primary's).
    "shared_preload_libraries = 'pg_stat_statements'",
    '',
  ].join('\n');
}

export async function startScaleTopology(options: ScaleTopologyOptions = {}): Promise<ScaleTopology> {
  const log = options.log ?? (() => undefined);
  for (const main of ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/apps/cli/src/main.js']) {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'nguon-scale-'));
  chmodSync(dir, 0o755);
  const pgDir = join(dir, 'pg');
  mkdirSync(pgDir, { mode: 0o700 });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(pgDir, uid, gid);
  }
  const storageDir = join(dir, 'storage');
  mkdirSync(storageDir);

  const pgServers: PgServer[] = [];
  const redisProcesses: ScaleTopology['redisProcesses'] = [];
  const apis: ApiProcess[] = [];
  const workers: BuiltProcess[] = [];
  const clients = new Set<pg.Client>();
  let stopped = false;

  /** The exit hook: synchronous, for a caller that dies without stop(). */
  const killEverything = () => {
    if (stopped) return;
    stopped = true;
    for (const child of [...apis, ...workers]) if (child.running()) child.child.kill('SIGKILL');
    for (const { process: redis } of redisProcesses) if (redis.exitCode === null) redis.kill('SIGKILL');
    for (const server of pgServers) {
      if (!server.running) continue;
      try {
        const [command, argv] = asPostgres(join(postgresBinDir(), 'pg_ctl'), ['stop', '-D', server.dataDir, '-m', 'immediate', '-w']);
        execFileSync(command, argv, { stdio: 'ignore' });
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killEverything);

  const startServer = async (server: PgServer, name: string) => {
    await pgRun('pg_ctl', ['start', '-w', '-t', '120', '-D', server.dataDir, '-l', join(pgDir, `${name}.log`)]);
    server.running = true;
  };

  const query = async <T>(server: PgServer, sql: string, values: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 10_000 });
    clients.add(client);
    try {
      await client.connect();
      return (await client.query(sql, values)).rows as T[];
    } finally {
      clients.delete(client);
      await client.end().catch(() => undefined);
    }
  };

  try {
    // The primary.
    const primaryPort = await freePort();
    const primary: PgServer = { port: primaryPort, dataDir: join(pgDir, 'primary'), url: `postgres://postgres@127.0.0.1:${primaryPort}/${DATABASE}`, running: false };
    pgServers.push(primary);
    log(`initdb primary on port ${primaryPort}`);
    await pgRun('initdb', ['-D', primary.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    appendFileSync(join(primary.dataDir, 'postgresql.conf'), serverConf(primaryPort, pgDir));
    await startServer(primary, 'primary');
    await query({ ...primary, url: primary.url.replace(`/${DATABASE}`, '/postgres') }, `CREATE DATABASE ${DATABASE}`);
    await query(primary, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

    // Redis Cluster: three masters, no replicas (the queue's keys share one slot through their hash tag).
    const redisNodes: string[] = [];
    if (options.redisCluster !== false) {
      for (let i = 0; i < 3; i++) {
        const port = await freePort();
        const nodeDir = join(dir, `redis-${port}`);
        mkdirSync(nodeDir);
        const redis = (await import('node:child_process')).spawn(
          'redis-server',
          ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no', '--cluster-enabled', 'yes', '--cluster-config-file', join(nodeDir, 'nodes.conf'), '--dir', nodeDir, '--save', '', '--appendonly', 'no', '--cluster-node-timeout', '5000'],
          { stdio: 'ignore' },
        );
        redisProcesses.push({ port, process: redis });
        redisNodes.push(`127.0.0.1:${port}`);
      }
      for (const { port } of redisProcesses) await waitUntil(async () => (await run('redis-cli', ['-p', String(port), 'ping'])).stdout.trim() === 'PONG', `redis-server on ${port}`);
      log(`redis cluster on ${redisNodes.join(' ')}`);
      await run('redis-cli', ['--cluster', 'create', ...redisNodes, '--cluster-replicas', '0', '--cluster-yes']);
      for (const { port } of redisProcesses) {
        await waitUntil(async () => (await run('redis-cli', ['-p', String(port), 'cluster', 'info'])).stdout.includes('cluster_state:ok'), `cluster state ok on ${port}`);
      }
    }

    // The schema, applied once on the primary (the replica receives it by streaming).
    const env: Record<string, string> = {
      DATABASE_URL: primary.url,
      STORAGE_DIR: storageDir,
      LOG_LEVEL: 'warn',
      API_PROCESSES: '1',
      HOST: '127.0.0.1',
      JWT_SECRET: 'scale-topology-secret-0123456789abcdef0123',
      QUEUE_PREFIX: 'nguon',
      RATE_LIMIT_SHARED: 'true',
      ...(redisNodes.length ? { REDIS_CLUSTER_NODES: redisNodes.join(',') } : {}),
      ...options.env,
    };
    delete (env as Record<string, string | undefined>).REDIS_URL;
    log('migrations');
    await run(process.execPath, ['dist/apps/cli/src/main.js', 'migrate'], { env: { ...process.env, ...env, REDIS_URL: '' }, maxBuffer: 16 * 1024 * 1024 });

    // The replica: a base backup of the primary, streaming from it.
    let replica: PgServer | undefined;
    if (options.replica !== false) {
      const port = await freePort();
      replica = { port, dataDir: join(pgDir, 'replica'), url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`, running: false };
      pgServers.push(replica);
      log(`base backup → replica on port ${port}`);
      await pgRun('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica.dataDir, '-R', '-X', 'stream', '--no-sync']);
      appendFileSync(join(replica.dataDir, 'postgresql.conf'), `port = ${port}\n`);
      await startServer(replica, 'replica');
      await waitUntil(
        async () => (await query<{ n: number }>(primary, `SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'`))[0].n === 1,
        'the replica streaming',
      );
      env.DATABASE_READ_URLS = replica.url;
    }

    const startApi = async (extra: Record<string, string> = {}): Promise<ApiProcess> => {
      const port = await freePort();
      const child = startBuiltProcess('dist/apps/api/src/main.js', { ...scrubbed(), ...env, ...options.apiEnv, PORT: String(port), ...extra });
      const api: ApiProcess = Object.assign(child, { port, url: `http://127.0.0.1:${port}` });
      apis.push(api);
      await waitUntil(async () => {
        if (!child.running()) throw new Error(`API exited: ${child.output()}`);
        return (await fetch(`${api.url}/health/ready`)).status === 200;
      }, `API on ${port} ready`, 120_000, 250).catch((error: Error) => {
        throw new Error(`${error.message}\n${child.output()}`);
      });
      return api;
    };
    const startWorker = async (extra: Record<string, string> = {}): Promise<BuiltProcess> => {
      const child = startBuiltProcess('dist/apps/worker/src/main.js', { ...scrubbed(), ...env, ...options.workerEnv, ...extra });
      workers.push(child);
      await waitUntil(() => {
        if (!child.running()) throw new Error(`worker exited: ${child.output()}`);
        return child.output().includes('Worker started');
      }, 'worker started', 120_000, 250).catch((error: Error) => {
        throw new Error(`${error.message}\n${child.output()}`);
      });
      return child;
    };
    for (let i = 0; i < (options.apis ?? 2); i++) {
      log(`API ${i + 1}`);
      await startApi();
    }
    for (let i = 0; i < (options.workers ?? 2); i++) {
      log(`worker ${i + 1}`);
      await startWorker();
    }

    const topology: ScaleTopology = {
      dir,
      primary,
      replica,
      redisNodes,
      redisProcesses,
      env,
      apis,
      workers,
      startApi,
      startWorker,
      query,
      async stopReplica() {
        if (!replica?.running) return;
        await pgRun('pg_ctl', ['stop', '-D', replica.dataDir, '-m', 'fast', '-w']);
        replica.running = false;
      },
      async stop() {
        if (stopped) return;
        await Promise.all([...apis, ...workers].map((child) => child.stop('SIGTERM', 20_000)));
        for (const client of clients) await client.end().catch(() => undefined);
        for (const { process: redis } of redisProcesses) {
          if (redis.exitCode !== null) continue;
          const exited = new Promise((resolve) => redis.once('exit', resolve));
          redis.kill('SIGTERM');
          await exited;
        }
        for (const server of [...pgServers].reverse()) {
          if (!server.running) continue;
          await pgRun('pg_ctl', ['stop', '-D', server.dataDir, '-m', 'fast', '-w']).catch(() => pgRun('pg_ctl', ['stop', '-D', server.dataDir, '-m', 'immediate', '-w']));
          server.running = false;
        }
        stopped = true;
        process.removeListener('exit', killEverything);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return topology;
  } catch (error) {
    const logs = pgServers.map((server) => readLog(join(pgDir, `${server === pgServers[0] ? 'primary' : 'replica'}.log`))).join('\n');
    killEverything();
    process.removeListener('exit', killEverything);
    throw new Error(`${(error as Error).message}${logs ? `\n${logs}` : ''}`);
  }
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

/** The calling process's environment without the settings of the shared test services. */
function scrubbed(): Record<string, string | undefined> {
  return { REDIS_URL: undefined, DATABASE_READ_URLS: undefined, REDIS_CLUSTER_NODES: undefined, REDIS_SENTINELS: undefined, TEST_REDIS_URL: undefined };
}

/** Writes the topology's addresses as JSON (for a bench or a person driving it by hand). */
export function describeTopology(topology: ScaleTopology, path?: string): string {
  const text = JSON.stringify(
    {
      dir: topology.dir,
      primary: topology.primary.url,
      replica: topology.replica?.url ?? null,
      redisNodes: topology.redisNodes,
      apis: topology.apis.map((api) => ({ url: api.url, pid: api.child.pid })),
      workers: topology.workers.map((worker) => ({ pid: worker.child.pid })),
      env: topology.env,
    },
    null,
    2,
  );
  if (path) writeFileSync(path, text);
  return text;
}
