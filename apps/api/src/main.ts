import 'reflect-metadata';
import { loadConfigOrExit } from '@app/config';
import { runMigrations } from '@app/database';
import { createApiApp } from './app.factory.js';

const config = loadConfigOrExit();
// Every process may apply pending migrations; an advisory lock makes concurrent starts take turns.
if (config.databaseUrl) await runMigrations(config.databaseUrl);
const app = await createApiApp(config);
await app.listen(config.port, config.host);
