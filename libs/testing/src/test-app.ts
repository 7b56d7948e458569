import { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@app/config';
import { runMigrations } from '@app/database';

/** Config for tests: the per-run database and Redis prepared by test/global-setup.ts. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test', AUTH_RATE_LIMIT_PER_MINUTE: '100000', ...overrides });
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  close(): Promise<void>;
}

export type ApiFactory = (config: AppConfig) => Promise<NestFastifyApplication>;
export type WorkerFactory = (config: AppConfig) => Promise<INestApplicationContext>;

/** Boots the real API (and optionally the real worker) in this process against real services. */
export async function startTestApp(createApiApp: ApiFactory, config = testConfig(), createWorkerApp?: WorkerFactory): Promise<TestApp & { worker?: INestApplicationContext }> {
  await runMigrations(config.databaseUrl!);
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const worker = createWorkerApp ? await createWorkerApp(config) : undefined;
  return {
    app,
    worker,
    config,
    dataSource: app.get(DataSource),
    server: app.getHttpServer(),
    close: async () => {
      await worker?.close();
      await app.close();
    },
  };
}
