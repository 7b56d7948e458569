import { createSecretKey } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { clientHash, clientOf } from './scan-salts.js';

describe('clientHash', () => {
  const salt = createSecretKey(Buffer.alloc(32, 1));
  const phone = clientOf('203.0.113.7', 'Mozilla/5.0 (Linux; Android 11)');

  it('gives one client the same hash under one salt, and nothing of the address or browser', () => {
    expect(clientHash(salt, phone)).toBe(clientHash(salt, phone));
    expect(clientHash(salt, phone)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(clientHash(salt, phone)).not.toContain('203');
  });

  it('tells clients apart by address and by User-Agent, and one client apart on another day', () => {
    expect(clientHash(salt, clientOf('203.0.113.8', 'Mozilla/5.0 (Linux; Android 11)'))).not.toBe(clientHash(salt, phone));
    expect(clientHash(salt, clientOf('203.0.113.7', 'Mozilla/5.0 (iPhone)'))).not.toBe(clientHash(salt, phone));
    expect(clientHash(createSecretKey(Buffer.alloc(32, 2)), phone)).not.toBe(clientHash(salt, phone));
  });
});
