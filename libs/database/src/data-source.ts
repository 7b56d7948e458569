import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export type EntityList = MixedList<Function | string | EntitySchema>;

const CONNECT_TIMEOUT_MS = 10_000;

export function dataSourceOptions(databaseUrl: string, entities: EntityList = [], poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // A request waits at most this long for a connection (PostgreSQL unreachable, or every connection
    // busy), then fails as DATABASE_UNAVAILABLE rather than hanging for ever.
    extra: { max: poolSize, application_name: 'nguon', connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
    // Failed queries surface as exceptions that the API maps to coded errors; no duplicate logging.
    logging: false,
  };
}

export function createDataSource(databaseUrl: string, entities: EntityList = []): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, entities));
}
