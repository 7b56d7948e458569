import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { QueueName } from './queue.constants.js';
import { bullPrefix, hasRedis, redisClient, redisOptions, redisTopology, type RedisPatience } from './redis-connection.js';
import { QueueProducer } from './queue.producer.js';

/** One cluster client per process and patience, shared by every queue (BullMQ duplicates it for its blocking commands). */
const clusterClients = new Map<RedisPatience, Cluster | Redis>();

function connectionOf(config: AppConfig, patience: RedisPatience) {
  if (redisTopology(config) !== 'cluster') return redisOptions(config, patience);
  let client = clusterClients.get(patience);
  if (!client) {
    client = redisClient(config, patience);
    clusterClients.set(patience, client);
  }
  return client;
}

/**
 * BullMQ on Redis when it is configured (one server, a sentinel master, or a cluster: see
 * redis-connection.ts); otherwise on BullMQ's PostgreSQL backend in the service's own database
 * (zero-config mode). The backend must be chosen before any Queue or Worker exists.
 */
export function bullConnection(config: AppConfig) {
  if (hasRedis(config)) return { connection: connectionOf(config, 'wait') as never, prefix: bullPrefix(config) };
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
  if (!hasRedis(config)) return shared;
  return { ...shared, connection: connectionOf(config, 'fail-fast') as never };
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
