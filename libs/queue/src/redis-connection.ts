import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '@app/config';

/** Which Redis this deployment uses: a cluster, a master behind sentinels, one server, or none (queue on PostgreSQL). */
export type RedisTopology = 'cluster' | 'sentinel' | 'single';

type RedisConfig = Pick<AppConfig, 'redisUrl' | 'redisClusterNodes' | 'redisSentinels' | 'redisSentinelName' | 'redisPassword' | 'queuePrefix'>;

export function redisTopology(config: RedisConfig): RedisTopology | undefined {
  if (config.redisClusterNodes.length) return 'cluster';
  if (config.redisSentinels.length) return 'sentinel';
  return config.redisUrl ? 'single' : undefined;
}

/** Whether Redis is configured (REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS). */
export function hasRedis(config: RedisConfig): boolean {
  return redisTopology(config) !== undefined;
}

/**
 * BullMQ's key prefix. On a cluster it is a hash tag (`{nguon}`): every key of every queue hashes to
 * one slot, as BullMQ's scripts touch several keys of a queue at once (a cluster refuses keys of
 * different slots in one script). One Redis server or a sentinel master keeps the plain prefix, so
 * an existing deployment's queues are found where they were.
 */
export function bullPrefix(config: RedisConfig): string {
  return redisTopology(config) === 'cluster' ? `{${config.queuePrefix}}` : config.queuePrefix;
}

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
 * How a client of this process waits for Redis: `wait` queues commands while Redis is away (BullMQ's
 * workers need it for their blocking commands); `fail-fast` answers an error at once (a producer or
 * a rate limit must not hang a request on it).
 */
export type RedisPatience = 'wait' | 'fail-fast';

function patienceOptions(patience: RedisPatience): RedisOptions {
  return patience === 'wait' ? { maxRetriesPerRequest: null } : { enableOfflineQueue: false, maxRetriesPerRequest: 1 };
}

/**
 * ioredis options for one server or for a master behind sentinels (ioredis asks the sentinels where
 * the master is, and again after a failover). Not for a cluster: see redisClient.
 */
export function redisOptions(config: RedisConfig, patience: RedisPatience): RedisOptions {
  if (redisTopology(config) === 'sentinel') {
    return { sentinels: config.redisSentinels, name: config.redisSentinelName, password: config.redisPassword, sentinelPassword: config.redisPassword, ...patienceOptions(patience) };
  }
  if (!config.redisUrl) throw new Error('REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS is required');
  return { ...redisConnectionOptions(config.redisUrl), ...patienceOptions(patience) };
}

const owned = new Set<Redis | Cluster>();

/** A client of the configured Redis: ioredis's Cluster client on a cluster, else a Redis client. Closed by closeRedisClients. */
export function redisClient(config: RedisConfig, patience: RedisPatience): Redis | Cluster {
  let client: Redis | Cluster;
  if (redisTopology(config) === 'cluster') {
    const { enableOfflineQueue, ...perNode } = patienceOptions(patience);
    client = new Cluster(config.redisClusterNodes, {
      enableOfflineQueue: enableOfflineQueue ?? true,
      redisOptions: { password: config.redisPassword, ...perNode },
      // Slots are asked for again when a node answers MOVED (a reshard or a failover).
      slotsRefreshTimeout: 2000,
    });
  } else {
    client = new Redis(redisOptions(config, patience));
  }
  // Errors are the callers' (BullMQ reports its own; a rate limit lets the request through).
  client.on('error', () => undefined);
  owned.add(client);
  return client;
}

/** Closes the clients made by redisClient (at shutdown, once what uses them has closed). */
export async function closeRedisClients(): Promise<void> {
  const clients = [...owned];
  owned.clear();
  await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
}
