import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitIfShutdownStalls, loadConfigOrExit } from '@app/config';
import { runMigrations } from '@app/database';
import { createWorkerApp } from './worker.factory.js';

const config = loadConfigOrExit();
// Every process may apply pending migrations; an advisory lock makes concurrent starts take turns.
if (config.databaseUrl) await runMigrations(config.databaseUrl);
await createWorkerApp(config);
exitIfShutdownStalls();
new Logger('Worker').log(`Worker started (pid ${process.pid}, queue on ${config.redisUrl ? 'Redis' : 'PostgreSQL'})`);
