import { isIP } from 'node:net';

/**
 * Typed configuration, read from the environment once at boot. This is the only place that reads
 * process.env (docs/architecture.md#libraries-and-the-direction-of-imports). A missing or malformed value stops the process with one line naming it.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset means: start an embedded PostgreSQL (zero-config mode; see apps/cli). */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /**
   * PostgreSQL streaming replicas (DATABASE_READ_URLS, comma-separated) for the reads that tolerate
   * lag: public pages, showcase, programme dashboard. Empty: every read goes to DATABASE_URL.
   */
  databaseReadUrls: string[];
  /** A replica further behind the primary than this is skipped until it catches up. */
  databaseReadMaxLagMs: number;
  /**
   * API processes sharing the port (node:cluster), to use more than one CPU. Each holds its own
   * database pools; without Redis (or RATE_LIMIT_SHARED=false) each takes its share of the per-IP rate limits.
   */
  apiProcesses: number;
  /** Unset (and no cluster or sentinels) means: BullMQ runs on its PostgreSQL backend in the same database. */
  redisUrl: string | undefined;
  /** Redis Cluster nodes (REDIS_CLUSTER_NODES, `host:port` comma-separated): BullMQ and the rate limits on the cluster. */
  redisClusterNodes: { host: string; port: number }[];
  /** Redis Sentinels (REDIS_SENTINELS, `host:port` comma-separated) watching the master named REDIS_SENTINEL_NAME. */
  redisSentinels: { host: string; port: number }[];
  redisSentinelName: string | undefined;
  /** Password of the Redis nodes behind a cluster or sentinels (REDIS_PASSWORD). */
  redisPassword: string | undefined;
  /** Prefix for BullMQ keys/schema, so test runs and deployments can share one Redis. */
  queuePrefix: string;
  publicBaseUrl: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  storageDir: string;
  signupEnabled: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  authRateLimitPerMinute: number;
  /** Per-IP limit on every other path (the API, the console's files, health). */
  rateLimitPerMinute: number;
  /**
   * Whether the per-IP limits are counted in Redis, shared by every API process on every host, when
   * Redis is configured (RATE_LIMIT_SHARED, default true); false: each process allows its share.
   */
  rateLimitShared: boolean;
  /** Per-IP limit on the public resolver and lot pages: a market crowd behind one carrier NAT never reaches it. */
  publicRateLimitPerMinute: number;
  labelJobMaxCount: number;
  embeddedPostgresPort: number;
  dataDir: string;
  /**
   * Optional regular expression a growing-area code must match in full on this deployment (e.g. a
   * province's own format). Unset: codes are opaque strings, as issued by the authority.
   */
  growingAreaCodePattern: string | undefined;
  /**
   * GS1 company prefix length (6–12) assumed for GTINs and GLNs outside an organization's registered
   * company prefix, so EPCIS can write them as EPC URNs. Unset: such keys are written as GS1 Digital
   * Link URIs, which need no split.
   */
  gs1CompanyPrefixLength: number | undefined;
  /**
   * Which forwarding proxies are believed about the client's address (X-Forwarded-For), passed to
   * Fastify's `trustProxy`: false (default: the socket's address, the header is ignored), true (any),
   * a hop count, or the proxies' addresses and CIDR ranges.
   */
  trustProxy: boolean | number | string[];
  /** SMTP server for password-reset mail (smtp:// or smtps://); unset: no mail is sent. */
  smtpUrl: string | undefined;
  /** The From of the mail this service sends. */
  mailFrom: string;
  /**
   * Map tiles behind the programme office's map of growing areas: an XYZ URL template
   * (`https://…/{z}/{x}/{y}.png`). Unset: the areas are drawn on a plain background (offline LANs).
   */
  mapTileUrl: string | undefined;
  /** The tiles' attribution, shown on the map (their licence usually requires it). */
  mapTileAttribution: string;
  /** Consecutive failed logins of one account before it is locked for a while. */
  loginLockoutThreshold: number;
  /** The first lock's length; each further failure doubles it, up to the maximum. */
  loginLockoutBaseSeconds: number;
  loginLockoutMaxSeconds: number;
  /** How long a password-reset link works. */
  passwordResetTtlMinutes: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

function str(env: Env, name: string, fallback?: string): string {
  const value = env[name]?.trim();
  if (value) return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(name, 'is required');
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function optionalInt(env: Env, name: string, min: number, max: number): number | undefined {
  return optional(env, name) === undefined ? undefined : int(env, name, 0, min, max);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string | undefined {
  const raw = optional(env, name) ?? fallback;
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    // libpq's form for a Unix socket, `postgres://user@/db?host=/var/run/postgresql`, has credentials
    // and no host, which the URL standard refuses; the host is then the `host` parameter.
    parsed = new URL(/^postgres(?:ql)?:\/\/[^/]*@\//.test(raw) ? raw.replace('@/', '@localhost/') : raw);
  } catch {
    throw new ConfigError(name, `must be a URL (${protocols.join(', ')}), got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

function regex(env: Env, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  try {
    new RegExp(raw, 'u');
  } catch (error) {
    throw new ConfigError(name, `must be a valid regular expression, got "${raw}" (${(error as Error).message})`);
  }
  return raw;
}

/** Proxy names that proxy-addr (Fastify's trustProxy) knows, besides addresses and CIDR ranges. */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxy(env: Env, name: string): boolean | number | string[] {
  const raw = optional(env, name);
  if (raw === undefined || ['false', 'off', 'no', '0'].includes(raw.toLowerCase())) return false;
  if (['true', 'on', 'yes'].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(name, `hop count must be at most 10, got ${hops}`);
    return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (PROXY_NAMES.includes(entry)) continue;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > maxBits))) {
      throw new ConfigError(name, `must be true, false, a hop count, or a comma list of addresses and CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8); "${entry}" is none of these`);
    }
  }
  return entries;
}

function hostPorts(env: Env, name: string, defaultPort: number): { host: string; port: number }[] {
  const raw = optional(env, name);
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+)(?::(\d{1,5}))?$/.exec(entry);
      const port = Number(match?.[2] ?? defaultPort);
      if (!match || port < 1 || port > 65535) throw new ConfigError(name, `must be a comma list of host:port, got "${entry}"`);
      return { host: match[1].replace(/^\[|\]$/g, ''), port };
    });
}

function urls(env: Env, name: string, protocols: string[]): string[] {
  const raw = optional(env, name);
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => url({ [name]: entry }, name, protocols)!);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = int(env, 'PORT', 3000, 0, 65535);
  const jwtSecret = str(env, 'JWT_SECRET', nodeEnv === 'production' ? undefined : DEV_JWT_SECRET);
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  if (nodeEnv === 'production' && jwtSecret === DEV_JWT_SECRET) {
    throw new ConfigError('JWT_SECRET', 'must be set to a secret of your own in production');
  }
  const loginLockoutBaseSeconds = int(env, 'LOGIN_LOCKOUT_BASE_SECONDS', 30, 1, 3600);
  const loginLockoutMaxSeconds = int(env, 'LOGIN_LOCKOUT_MAX_SECONDS', 900, 1, 86_400);
  if (loginLockoutMaxSeconds < loginLockoutBaseSeconds) {
    throw new ConfigError('LOGIN_LOCKOUT_MAX_SECONDS', `must be at least LOGIN_LOCKOUT_BASE_SECONDS (${loginLockoutBaseSeconds})`);
  }
  const redisSentinels = hostPorts(env, 'REDIS_SENTINELS', 26379);
  const redisSentinelName = optional(env, 'REDIS_SENTINEL_NAME');
  if (redisSentinels.length && !redisSentinelName) throw new ConfigError('REDIS_SENTINEL_NAME', 'is required with REDIS_SENTINELS (the name of the master the sentinels watch)');
  const publicBaseUrl = url(env, 'PUBLIC_BASE_URL', ['http', 'https'], `http://localhost:${port}`)!.replace(/\/+$/, '');
  return {
    nodeEnv,
    port,
    host: str(env, 'HOST', '0.0.0.0'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres', 'postgresql']),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    databaseReadUrls: urls(env, 'DATABASE_READ_URLS', ['postgres', 'postgresql']),
    databaseReadMaxLagMs: int(env, 'DATABASE_READ_MAX_LAG_MS', 5000, 0, 3_600_000),
    apiProcesses: int(env, 'API_PROCESSES', 1, 1, 64),
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    redisClusterNodes: hostPorts(env, 'REDIS_CLUSTER_NODES', 6379),
    redisSentinels,
    redisSentinelName,
    redisPassword: optional(env, 'REDIS_PASSWORD'),
    queuePrefix: str(env, 'QUEUE_PREFIX', 'nguon'),
    publicBaseUrl,
    jwtSecret,
    jwtExpiresIn: str(env, 'JWT_EXPIRES_IN', '12h'),
    storageDir: str(env, 'STORAGE_DIR', './.data/storage'),
    signupEnabled: bool(env, 'SIGNUP_ENABLED', true),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    authRateLimitPerMinute: int(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 20, 1, 100_000),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 6000, 1, 100_000_000),
    rateLimitShared: bool(env, 'RATE_LIMIT_SHARED', true),
    publicRateLimitPerMinute: int(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 600, 1, 100_000_000),
    labelJobMaxCount: int(env, 'LABEL_JOB_MAX_COUNT', 100_000, 1, 10_000_000),
    embeddedPostgresPort: int(env, 'EMBEDDED_POSTGRES_PORT', 54329, 1, 65535),
    dataDir: str(env, 'DATA_DIR', './.data'),
    growingAreaCodePattern: regex(env, 'GROWING_AREA_CODE_PATTERN'),
    gs1CompanyPrefixLength: optionalInt(env, 'GS1_COMPANY_PREFIX_LENGTH', 6, 12),
    trustProxy: trustProxy(env, 'TRUST_PROXY'),
    smtpUrl: url(env, 'SMTP_URL', ['smtp', 'smtps']),
    mailFrom: str(env, 'MAIL_FROM', 'Nguồn <no-reply@localhost>'),
    mapTileUrl: url(env, 'MAP_TILE_URL', ['http', 'https']),
    mapTileAttribution: str(env, 'MAP_TILE_ATTRIBUTION', ''),
    loginLockoutThreshold: int(env, 'LOGIN_LOCKOUT_THRESHOLD', 5, 1, 100),
    loginLockoutBaseSeconds,
    loginLockoutMaxSeconds,
    passwordResetTtlMinutes: int(env, 'PASSWORD_RESET_TTL_MINUTES', 30, 1, 7 * 24 * 60),
  };
}

/** For entry points: the config, or one line naming the bad variable and exit code 78 (EX_CONFIG). */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
}
