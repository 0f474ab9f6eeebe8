import { ApplicationFailure } from '@temporalio/activity';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@dueflow/domain';
import { DATA_EXCEPTION, INTEGRITY_VIOLATION, classifyActivityFailure, withClassifiedFailures } from './failure-classifier';

function pgError(code: string, message = `pg ${code}`, extra: Record<string, unknown> = {}): QueryFailedError {
  return new QueryFailedError('INSERT INTO reviews ...', [], Object.assign(new Error(message), { code, ...extra }));
}

function nonRetryable(error: unknown): ApplicationFailure {
  const classified = classifyActivityFailure(error);
  expect(classified).toBeInstanceOf(ApplicationFailure);
  expect((classified as ApplicationFailure).nonRetryable).toBe(true);
  return classified as ApplicationFailure;
}

describe('classifyActivityFailure', () => {
  it.each([
    ['a NUL byte in text (22021)', '22021'],
    ['an untranslatable character (22P05)', '22P05'],
    ['a value out of range (22003)', '22003'],
  ])('makes a PostgreSQL data exception non-retryable: %s', (_, code) => {
    const failure = nonRetryable(pgError(code, 'invalid byte sequence for encoding "UTF8": 0x00'));
    expect(failure.type).toBe(DATA_EXCEPTION);
    expect(failure.message).toBe('invalid byte sequence for encoding "UTF8": 0x00');
    expect(failure.details?.[0]).toMatchObject({ sqlState: code });
  });

  it.each([
    ['a check constraint (23514)', '23514'],
    ['a unique violation (23505)', '23505'],
    ['a foreign key violation (23503)', '23503'],
    ['a not-null violation (23502)', '23502'],
  ])('makes an integrity constraint violation non-retryable: %s', (_, code) => {
    const failure = nonRetryable(pgError(code, 'violates', { constraint: 'syntheses_guard', table: 'syntheses' }));
    expect(failure.type).toBe(INTEGRITY_VIOLATION);
    expect(failure.details?.[0]).toEqual({ sqlState: code, constraint: 'syntheses_guard', table: 'syntheses', column: null });
  });

  it.each(['VALIDATION_FAILED', 'NOT_FOUND', 'RULE_VIOLATION'] as const)('makes the domain refusal %s non-retryable, keeping its details', (code) => {
    const failure = nonRetryable(new DomainError(code, 'refused', [{ field: 'comments', problem: 'is too long' }]));
    expect(failure.type).toBe(code);
    expect(failure.message).toBe('refused');
    expect(failure.details?.[0]).toEqual([{ field: 'comments', problem: 'is too long' }]);
  });

  it.each([
    ['a serialization failure', pgError('40001')],
    ['a deadlock', pgError('40P01')],
    ['an administrator shutdown', pgError('57P01')],
    ['a crash shutdown', pgError('57P02')],
    ['a database starting up', pgError('57P03')],
    ['a connection failure', pgError('08006')],
    ['a connection that cannot be made', pgError('08001')],
    ['too many connections', pgError('53300')],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a socket closed under a query', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['a domain state refusal', new DomainError('INVALID_STATE', 'not yet')],
    ['a bug', new TypeError('x is undefined')],
  ])('leaves a transient failure retryable: %s', (_, error) => {
    expect(classifyActivityFailure(error)).toBe(error);
  });

  it('leaves an ApplicationFailure as it was thrown', () => {
    const failure = ApplicationFailure.retryable('try again', 'Busy');
    expect(classifyActivityFailure(failure)).toBe(failure);
  });

  it('wraps every activity: results pass through, failures are classified', async () => {
    const activities = withClassifiedFailures({
      ok: async (n: number) => n + 1,
      broken: async () => {
        throw pgError('22021');
      },
      busy: async () => {
        throw pgError('40001');
      },
    });
    await expect(activities.ok(1)).resolves.toBe(2);
    await expect(activities.broken()).rejects.toMatchObject({ type: DATA_EXCEPTION, nonRetryable: true });
    await expect(activities.busy()).rejects.toBeInstanceOf(QueryFailedError);
  });
});
