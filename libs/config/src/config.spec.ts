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

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
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
});
