import 'reflect-metadata';
import { spawn, ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { loadConfigOrExit, type AppConfig } from '@app/config';
import { createDataSource, runMigrations, startEmbeddedPostgres, type EmbeddedDatabase } from '@app/database';
import { AddressMigrationService, DEMO_LOGIN, seedDemoData, TRACEABILITY_ENTITIES } from '@app/traceability';
import { runAdmin } from './admin.js';

/**
 * `start`: the zero-config launcher behind `npm start`. Without DATABASE_URL it starts an embedded
 * PostgreSQL; without REDIS_URL the queue runs on PostgreSQL. It migrates, loads the demo data once,
 * then runs the API and the worker as child processes and stops everything on Ctrl-C.
 * `migrate`: apply migrations (docker-compose's one-shot job). `seed`: load the demo data.
 * `admin …`: platform operator commands (programme offices, password links); see admin.ts.
 */
const DIST = resolve(import.meta.dirname, '../..');
const log = (message: string) => console.log(`[nguon] ${message}`);

async function seed(databaseUrl: string): Promise<void> {
  // With the entities: seeders run domain services (harvests check the registry's rules through TypeORM).
  const dataSource = createDataSource(databaseUrl, TRACEABILITY_ENTITIES);
  await dataSource.initialize();
  try {
    const { created } = await seedDemoData(dataSource);
    log(created ? 'Demo data loaded.' : 'Demo data already present.');
  } finally {
    await dataSource.destroy();
  }
}

/** Places typed before the 2025 reform, matched to the current units once (README, "Administrative units"). */
async function migrateAddresses(databaseUrl: string): Promise<void> {
  const dataSource = createDataSource(databaseUrl, TRACEABILITY_ENTITIES);
  await dataSource.initialize();
  try {
    const result = await new AddressMigrationService(dataSource).run();
    if (result.examined) log(`Addresses: ${result.examined} examined, ${result.matchedProvince} provinces matched (npm run admin -- address-report lists the rest).`);
  } finally {
    await dataSource.destroy();
  }
}

async function start(config: AppConfig): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    log(`No DATABASE_URL: starting embedded PostgreSQL (data in ${resolve(config.dataDir, 'postgres')}, port ${config.embeddedPostgresPort})`);
    try {
      embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
    } catch (error) {
      console.error(`[nguon] Could not start the embedded PostgreSQL: ${(error as Error).message}`);
      process.exit(1);
    }
    databaseUrl = embedded.url;
  }
  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    if (embedded) await embedded.stop().catch(() => undefined);
    log('Stopped.');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const applied = await runMigrations(databaseUrl);
    log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
    await migrateAddresses(databaseUrl);
    await seed(databaseUrl);
  } catch (error) {
    console.error(error);
    await stop(1);
    return;
  }

  const env = { ...process.env, DATABASE_URL: databaseUrl };
  if (!config.redisUrl && !config.redisClusterNodes.length && !config.redisSentinels.length) log('No REDIS_URL: the queue runs on PostgreSQL (BullMQ PostgreSQL backend).');
  for (const app of ['api', 'worker']) {
    const child = spawn(process.execPath, [resolve(DIST, app, 'src/main.js')], { env, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        log(`${app} exited (${signal ?? code}); stopping the rest.`);
        void stop(code || 1);
      }
    });
    children.push(child);
  }
  await waitForReady(`http://127.0.0.1:${config.port}/health/ready`);
  log(`Nguồn is running at ${config.publicBaseUrl}  (API docs: ${config.publicBaseUrl}/docs)`);
  log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
}

async function waitForReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`Warning: ${url} did not become ready within ${timeoutMs / 1000}s`);
}

const command = process.argv[2] ?? 'start';
const config = loadConfigOrExit();
if (command === 'start') {
  await start(config);
} else if (command === 'migrate' || command === 'seed') {
  if (!config.databaseUrl) {
    console.error('Invalid configuration: DATABASE_URL is required for this command');
    process.exit(78);
  }
  const applied = await runMigrations(config.databaseUrl);
  log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
  await migrateAddresses(config.databaseUrl);
  if (command === 'seed') await seed(config.databaseUrl);
} else if (command === 'admin') {
  process.exit(await runAdmin(config, process.argv.slice(3)));
} else {
  console.error(`Unknown command "${command}". Use: start | migrate | seed | admin`);
  process.exit(64);
}
