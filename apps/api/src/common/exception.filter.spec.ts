import { describe, expect, it } from '@jest/globals';
import { DomainException } from '@app/traceability';
import { toErrorBody } from './exception.filter.js';

const driverError = (code: string, message = 'x') => Object.assign(new Error(message), { driverError: Object.assign(new Error(message), { code }) });

describe('toErrorBody', () => {
  it('answers an unreachable or stopping database with 503 DATABASE_UNAVAILABLE, never 500', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      driverError('57P01', 'terminating connection due to administrator command'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect(toErrorBody(error)).toEqual({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('Idempotency-Key') });
    }
  });

  it('answers a value PostgreSQL refused with a 400, and anything unknown with a 500 that says nothing more', () => {
    expect(toErrorBody(driverError('22021'))).toMatchObject({ statusCode: 400, code: 'TEXT_INVALID_CHARACTER' });
    expect(toErrorBody(driverError('22003'))).toMatchObject({ statusCode: 400, code: 'INVALID_VALUE' });
    expect(toErrorBody(driverError('42P01', 'relation "x" does not exist'))).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' });
    expect(toErrorBody(new DomainException('JSON_TOO_DEEP', 'body: too deep', 'bad_request', { field: 'body' }))).toEqual({
      statusCode: 400,
      code: 'JSON_TOO_DEEP',
      message: 'body: too deep',
      details: { field: 'body' },
    });
  });
});
