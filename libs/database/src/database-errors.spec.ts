import { describe, expect, it } from '@jest/globals';
import { isDatabaseUnavailable, isDataException, isUniqueViolation } from './database-errors.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const typeorm = (driverError: Error) => Object.assign(new Error(driverError.message), { driverError });

describe('isDatabaseUnavailable', () => {
  it('recognises refused, reset and timed-out connections, shutdowns and connection exceptions', () => {
    for (const error of [
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      pgError('ECONNRESET'),
      pgError('ENOENT', 'connect ENOENT /var/run/postgresql/.s.PGSQL.5432'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P02'),
      pgError('57P03', 'the database system is starting up'),
      pgError('53300', 'sorry, too many clients already'),
      pgError('08006'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('Client has encountered a connection error and is not queryable'),
      typeorm(pgError('57P01')),
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }),
      Object.assign(new Error('Database connection provided by a query runner was already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
  });

  it('does not take a query’s own errors for an outage', () => {
    for (const error of [pgError('ENOENT', "ENOENT: no such file or directory, open '/data/labels/x.pdf'"), pgError('23505'), pgError('22021'), pgError('40001'), typeorm(pgError('42P01')), new Error('boom'), null, undefined, 'text']) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});

describe('isDataException', () => {
  it('is SQLSTATE class 22 only', () => {
    expect(isDataException(typeorm(pgError('22021')))).toBe(true);
    expect(isDataException(pgError('22003'))).toBe(true);
    expect(isDataException(pgError('23505'))).toBe(false);
    expect(isDataException(pgError('ECONNREFUSED'))).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  const unique = (constraint: string) => Object.assign(pgError('23505', 'duplicate key value violates unique constraint'), { constraint });

  it('recognises a unique violation on the named constraint, wrapped by TypeORM or not', () => {
    expect(isUniqueViolation(unique('app_user_email_key'), 'app_user_email_key')).toBe(true);
    expect(isUniqueViolation(typeorm(unique('app_user_email_key')), 'app_user_email_key')).toBe(true);
  });

  it('does not take another constraint, another error or no error for it', () => {
    expect(isUniqueViolation(typeorm(unique('idempotency_key_pkey')), 'app_user_email_key')).toBe(false);
    expect(isUniqueViolation(Object.assign(pgError('23503'), { constraint: 'app_user_email_key' }), 'app_user_email_key')).toBe(false);
    for (const error of [new Error('boom'), null, undefined, 'text']) expect(isUniqueViolation(error, 'app_user_email_key')).toBe(false);
  });
});
