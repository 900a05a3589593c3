import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isStatementTimeout } from './connection-errors';

const pgError = (code: string, message = 'server said no') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable: a lost or refused connection, not a bad statement', () => {
  it.each([
    ['terminated by an administrator (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown (57P02)', pgError('57P02')],
    ['starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['connection exception class 08', pgError('08006')],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['connection reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['socket ended', new Error('Connection terminated unexpectedly')],
    ['a client broken earlier', new Error('Client has encountered a connection error and is not queryable')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped by TypeORM', new QueryFailedError('SELECT 1', [], pgError('57P01'))],
    ['a refused dual-stack connect', new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], '')],
  ])('%s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a syntax error', pgError('42601')],
    ['a statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['a plain error', new Error('boom')],
    ['not an error at all', 'Connection terminated'],
    ['null', null],
  ])('not %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('tells a statement timeout apart', () => {
    expect(isStatementTimeout(new QueryFailedError('SELECT pg_sleep(60)', [], pgError('57014')))).toBe(true);
    expect(isStatementTimeout(pgError('57P01'))).toBe(false);
  });
});
