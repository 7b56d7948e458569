import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@app/config';
import { runMigrations } from '@app/database';
import { createWorkerApp } from './worker.factory.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
// Every process may apply pending migrations; an advisory lock makes concurrent starts take turns.
if (config.databaseUrl) await runMigrations(config.databaseUrl);
await createWorkerApp(config);
new Logger('Worker').log(`Worker started (pid ${process.pid}, queue on ${config.redisUrl ? 'Redis' : 'PostgreSQL'})`);
