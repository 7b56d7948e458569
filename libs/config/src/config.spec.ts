import { describe, it, expect } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('loadConfig', () => {
  it('gives zero-config defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.signupEnabled).toBe(true);
  });

  it('reads every kind of value', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/nguon',
      REDIS_URL: 'redis://cache:6379',
      PUBLIC_BASE_URL: 'https://truyxuat.example.vn/',
      JWT_SECRET: secret,
      SIGNUP_ENABLED: 'false',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/nguon',
      redisUrl: 'redis://cache:6379',
      publicBaseUrl: 'https://truyxuat.example.vn',
      jwtSecret: secret,
      signupEnabled: false,
      nodeEnv: 'production',
    });
  });

  it('takes a PostgreSQL on the same host by its Unix socket, and the general rate limit', () => {
    for (const url of ['postgres://postgres@/nguon?host=/var/run/postgresql', 'postgres:///nguon?host=/var/run/postgresql&user=postgres']) {
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
    expect(loadConfig({}).rateLimitPerMinute).toBe(6000);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '120000' }).rateLimitPerMinute).toBe(120000);
  });

  it('reads replicas, a Redis Cluster or Sentinels, and whether the rate limits are shared', () => {
    const config = loadConfig({
      DATABASE_READ_URLS: 'postgres://u@replica1:5432/nguon, postgres://u@replica2/nguon',
      DATABASE_READ_MAX_LAG_MS: '2000',
      REDIS_CLUSTER_NODES: 'r1:7000,r2,[::1]:7002',
      REDIS_SENTINELS: 's1:26379,s2',
      REDIS_SENTINEL_NAME: 'nguon',
      RATE_LIMIT_SHARED: 'false',
    });
    expect(config).toMatchObject({
      databaseReadUrls: ['postgres://u@replica1:5432/nguon', 'postgres://u@replica2/nguon'],
      databaseReadMaxLagMs: 2000,
      redisClusterNodes: [{ host: 'r1', port: 7000 }, { host: 'r2', port: 6379 }, { host: '::1', port: 7002 }],
      redisSentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }],
      redisSentinelName: 'nguon',
      rateLimitShared: false,
    });
    expect(loadConfig({})).toMatchObject({ databaseReadUrls: [], databaseReadMaxLagMs: 5000, redisClusterNodes: [], redisSentinels: [], rateLimitShared: true });
  });

  it.each([
    [{ DATABASE_READ_URLS: 'postgres://u@r1/nguon,redis://x' }, 'DATABASE_READ_URLS'],
    [{ DATABASE_READ_MAX_LAG_MS: 'soon' }, 'DATABASE_READ_MAX_LAG_MS'],
    [{ REDIS_CLUSTER_NODES: 'r1:99999' }, 'REDIS_CLUSTER_NODES'],
    [{ REDIS_CLUSTER_NODES: 'r1:port' }, 'REDIS_CLUSTER_NODES'],
    [{ REDIS_SENTINELS: 's1:26379' }, 'REDIS_SENTINEL_NAME'],
    [{ RATE_LIMIT_SHARED: 'sometimes' }, 'RATE_LIMIT_SHARED'],
  ])('refuses bad scale settings %p', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL'],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, 'PUBLIC_BASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ SIGNUP_ENABLED: 'maybe' }, 'SIGNUP_ENABLED'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ GROWING_AREA_CODE_PATTERN: 'VN-[A-Z{4' }, 'GROWING_AREA_CODE_PATTERN'],
    [{ GS1_COMPANY_PREFIX_LENGTH: '13' }, 'GS1_COMPANY_PREFIX_LENGTH'],
    [{ GS1_COMPANY_PREFIX_LENGTH: 'nine' }, 'GS1_COMPANY_PREFIX_LENGTH'],
    [{ TRUST_PROXY: 'my-proxy' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '127.0.0.1,300.1.1.1' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '50' }, 'TRUST_PROXY'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ LOGIN_LOCKOUT_THRESHOLD: '0' }, 'LOGIN_LOCKOUT_THRESHOLD'],
    [{ LOGIN_LOCKOUT_BASE_SECONDS: '60', LOGIN_LOCKOUT_MAX_SECONDS: '30' }, 'LOGIN_LOCKOUT_MAX_SECONDS'],
    [{ PASSWORD_RESET_TTL_MINUTES: '0' }, 'PASSWORD_RESET_TTL_MINUTES'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });

  it('reads an optional growing-area code pattern', () => {
    expect(loadConfig({}).growingAreaCodePattern).toBeUndefined();
    expect(loadConfig({ GROWING_AREA_CODE_PATTERN: '  VN-[A-Z]{4}-\\d{4}  ' }).growingAreaCodePattern).toBe('VN-[A-Z]{4}-\\d{4}');
  });

  it('reads an optional GS1 company prefix length', () => {
    expect(loadConfig({}).gs1CompanyPrefixLength).toBeUndefined();
    expect(loadConfig({ GS1_COMPANY_PREFIX_LENGTH: '9' }).gs1CompanyPrefixLength).toBe(9);
  });

  it('trusts no proxy unless told which', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
  });

  it('sends no mail without SMTP_URL, and locks accounts by default after 5 failures', () => {
    const config = loadConfig({});
    expect(config.smtpUrl).toBeUndefined();
    expect(config).toMatchObject({ loginLockoutThreshold: 5, loginLockoutBaseSeconds: 30, loginLockoutMaxSeconds: 900, passwordResetTtlMinutes: 30 });
    expect(loadConfig({ SMTP_URL: 'smtps://user:pass@mail.example.vn:465', MAIL_FROM: 'HTX <a@b.vn>' })).toMatchObject({ smtpUrl: 'smtps://user:pass@mail.example.vn:465', mailFrom: 'HTX <a@b.vn>' });
  });
});
