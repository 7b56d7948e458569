import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { runMigrations } from '@app/database';
import { createApiApp } from './app.factory.js';

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
const app = await createApiApp(config);
await app.listen(config.port, config.host);
