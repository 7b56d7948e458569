import { describe, expect, it } from '@jest/globals';
import { DatabaseTimeoutError, isDatabaseUnavailable, withTimeout } from './outage.js';

describe('isDatabaseUnavailable', () => {
  it('recognises a database that cannot be reached, however the driver says it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('sorry, too many clients already'), { code: '53300' }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'query failed', driverError: refused })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new AggregateError([refused], ''), {}))).toBe(true);
    expect(isDatabaseUnavailable(new DatabaseTimeoutError('page', 10))).toBe(true);
  });

  it('does not take a wrong query or a rule for an outage', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe('withTimeout', () => {
  it('answers with the work when it is in time, and with a timeout error otherwise', async () => {
    await expect(withTimeout(Promise.resolve(1), 'x', 1000)).resolves.toBe(1);
    await expect(withTimeout(new Promise(() => undefined), 'lot page', 10)).rejects.toBeInstanceOf(DatabaseTimeoutError);
  });
});
