import { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';

// Any constant will do; it only has to be the same in every process of this service.
const MIGRATION_LOCK_KEY = 7_245_119_001;

/**
 * Applies pending migrations. Several processes (API replicas, workers, the migrate job) may start
 * at once: a session-level advisory lock makes them take turns, and the later ones find nothing to do.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    return await withAdvisoryLock(dataSource, MIGRATION_LOCK_KEY, async () => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    });
  } finally {
    await dataSource.destroy();
  }
}

export async function withAdvisoryLock<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}
