import { ApplicationFailure } from '@temporalio/activity';
import { DomainError } from '@dueflow/domain';
import type { DomainErrorCode } from '@dueflow/domain';

/** ApplicationFailure types of database failures that no retry can fix. */
export const DATA_EXCEPTION = 'DATA_EXCEPTION';
export const INTEGRITY_VIOLATION = 'INTEGRITY_VIOLATION';

/** Domain refusals that say the input or the rules are wrong: the same call fails the same way again. */
const PERMANENT_DOMAIN_CODES: ReadonlySet<DomainErrorCode> = new Set(['VALIDATION_FAILED', 'NOT_FOUND', 'RULE_VIOLATION']);

/**
 * The SQLSTATE of a PostgreSQL error (TypeORM wraps it as QueryFailedError with the driver's error
 * as `driverError`; pg's own DatabaseError carries `code`), or null for anything else.
 */
function sqlState(error: unknown): string | null {
  const driverError = (error as { driverError?: unknown } | null)?.driverError ?? error;
  const code = (driverError as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/**
 * What an activity's failure means for Temporal's retries. Failures that cannot succeed on retry
 * become non-retryable ApplicationFailures with a type the workflow reports by: a PostgreSQL data
 * exception (class 22: a NUL byte, a value out of range), an integrity constraint violation (class 23),
 * and the domain refusals VALIDATION_FAILED, NOT_FOUND and RULE_VIOLATION. Anything else (a dropped
 * connection, a serialization failure 40001, a deadlock 40P01, an administrator shutdown 57P0x, a
 * connection exception 08xxx, a timeout, a bug) is returned unchanged and stays retryable, within
 * the workflow's bounded retry policy.
 */
export function classifyActivityFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof DomainError) {
    if (!PERMANENT_DOMAIN_CODES.has(error.code)) return error;
    return ApplicationFailure.create({ type: error.code, message: error.message, details: [error.details], nonRetryable: true, cause: error });
  }
  const state = sqlState(error);
  if (state?.startsWith('22') || state?.startsWith('23')) {
    const type = state.startsWith('22') ? DATA_EXCEPTION : INTEGRITY_VIOLATION;
    const message = error instanceof Error ? error.message : String(error);
    const driverError = (error as { driverError?: { constraint?: unknown; table?: unknown; column?: unknown } }).driverError;
    const where = { sqlState: state, constraint: driverError?.constraint ?? null, table: driverError?.table ?? null, column: driverError?.column ?? null };
    return ApplicationFailure.create({ type, message, details: [where], nonRetryable: true, cause: error instanceof Error ? error : undefined });
  }
  return error;
}

/** Wraps every function of `activities` so its failures are classified as above. */
export function withClassifiedFailures<T extends object>(activities: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    if (typeof fn !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw classifyActivityFailure(error);
      }
    };
  }
  return wrapped as T;
}
