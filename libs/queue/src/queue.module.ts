import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { QueueName } from './queue.constants.js';
import { QueueProducer } from './queue.producer.js';

export function redisConnectionOptions(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * BullMQ on Redis when REDIS_URL is set; otherwise on BullMQ's PostgreSQL backend in the service's
 * own database (zero-config mode). The backend must be chosen before any Queue or Worker exists.
 */
export function bullConnection(config: AppConfig) {
  if (config.redisUrl) return { connection: redisConnectionOptions(config.redisUrl), prefix: config.queuePrefix };
  if (!config.databaseUrl) throw new Error('DATABASE_URL or REDIS_URL is required for the queue');
  setDefaultBackendFactory(createPostgresBackend as never);
  return {
    connection: { connectionString: config.databaseUrl, migrate: true, schema: `bullmq_${config.queuePrefix}` } as never,
    prefix: config.queuePrefix,
  };
}

@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => bullConnection(config) }),
        ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [QueueProducer],
      exports: [QueueProducer, BullModule],
    };
  }
}
