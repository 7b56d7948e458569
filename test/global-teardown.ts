import pg from 'pg';
import { Redis } from 'ioredis';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.NGUON_TEST_ADMIN_URL;
  const databaseName = process.env.NGUON_TEST_DATABASE;
  if (adminUrl && databaseName && process.env.KEEP_TEST_DATABASE !== '1') {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
  }
  const prefix = process.env.QUEUE_PREFIX;
  if (process.env.REDIS_URL && prefix?.startsWith('test')) {
    const redis = new Redis(process.env.REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}
