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

/**
 * A process that only adds jobs (the API) fails fast while Redis is unreachable instead of queueing
 * commands until it returns: an enqueue falls back on the re-enqueue sweep, a readiness probe answers
 * at once, and closing at shutdown does not wait behind commands that will never be answered.
 * Queue workers are created with their queue's connection and need one that waits for Redis (BullMQ
 * requires it for blocking commands), so a process with workers keeps the shared connection.
 */
export function producerConnection(config: AppConfig) {
  const shared = bullConnection(config);
  if (!config.redisUrl) return shared;
  return { ...shared, connection: { ...redisConnectionOptions(config.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 } };
}

@Module({})
export class QueueModule {
  /** `workers`: this process also runs queue workers (`@Processor` classes) on these queues. */
  static forRoot(options: { workers?: boolean } = {}): DynamicModule {
    const queues = Object.values(QueueName).map((name) =>
      options.workers
        ? BullModule.registerQueue({ name })
        : BullModule.registerQueueAsync({ name, inject: [APP_CONFIG], useFactory: (config: AppConfig) => producerConnection(config) }),
    );
    return {
      module: QueueModule,
      global: true,
      imports: [BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => bullConnection(config) }), ...queues],
      providers: [QueueProducer],
      exports: [QueueProducer, BullModule],
    };
  }
}
