import 'reflect-metadata';
import cluster from 'node:cluster';
import { exitIfShutdownStalls, loadConfigOrExit } from '@app/config';
import { runMigrations } from '@app/database';
import { createApiApp } from './app.factory.js';
import { superviseApiProcesses } from './cluster.js';

const config = loadConfigOrExit();
// Every process started on its own may apply pending migrations; an advisory lock makes concurrent
// starts take turns. With API_PROCESSES > 1 the primary applies them before it forks the API processes.
if (cluster.isPrimary && config.databaseUrl) await runMigrations(config.databaseUrl);
if (cluster.isPrimary && config.apiProcesses > 1) {
  superviseApiProcesses(config.apiProcesses);
} else {
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  exitIfShutdownStalls();
}
