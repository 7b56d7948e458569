import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitIfShutdownStalls, loadConfigOrExit } from '@app/config';
import { runMigrations } from '@app/database';
import { redisTopology } from '@app/queue';
import { createWorkerApp } from './worker.factory.js';

const config = loadConfigOrExit();
// Every process may apply pending migrations; an advisory lock makes concurrent starts take turns.
if (config.databaseUrl) await runMigrations(config.databaseUrl);
await createWorkerApp(config);
exitIfShutdownStalls();
const QUEUE_ON = { single: 'Redis', cluster: 'Redis Cluster', sentinel: 'Redis (sentinels)' } as const;
const topology = redisTopology(config);
new Logger('Worker').log(`Worker started (pid ${process.pid}, queue on ${topology ? QUEUE_ON[topology] : 'PostgreSQL'})`);
