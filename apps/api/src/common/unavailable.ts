import { WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';
import { status as GrpcStatus } from '@grpc/grpc-js';

/** How long a client should wait before retrying a 503, sent as `Retry-After`. */
export const RETRY_AFTER_SECONDS = 2;

/** For the routes that start a workflow or send it an Update: their documented 503. */
export const PROCESS_UNAVAILABLE_DOC = {
  503: 'The process engine (Temporal) or the database is unreachable, overloaded, or briefly unable to take the action (after a worker crash, until a worker has taken the project up again), or the process did not answer within `UPDATE_TIMEOUT_MS` (15 s by default; the action may still take effect). Retry after `Retry-After` seconds: an action that did take effect is not applied twice.',
} as const;

const TEMPORAL_TRANSIENT: ReadonlyMap<number, string> = new Map([
  [GrpcStatus.UNAVAILABLE, 'the process engine is unreachable'],
  [GrpcStatus.DEADLINE_EXCEEDED, 'the process engine did not answer in time'],
  [GrpcStatus.RESOURCE_EXHAUSTED, 'the process engine is overloaded'],
]);

/** SQLSTATEs of a database that is restarting or refusing connections, and socket errors reaching it. */
const DATABASE_TRANSIENT = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/**
 * Why a failure is a moment's unavailability of Temporal or PostgreSQL rather than a fault of the
 * request or a bug, or null. Such a failure is answered 503 with `Retry-After`. Retrying is safe: a
 * submission carries its idempotency key, and the workflow refuses an action it has already taken
 * (the task is no longer open, the project has moved on), so nothing is applied twice.
 */
export function unavailableReason(error: unknown): string | null {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'the process engine did not answer in time';
  const cause = (error as { cause?: unknown } | null)?.cause;
  const grpc = isGrpcServiceError(error) ? error : isGrpcServiceError(cause) ? cause : null;
  if (grpc) {
    const reason = TEMPORAL_TRANSIENT.get(grpc.code);
    if (reason) return reason;
    // After a failed or timed-out workflow task (a worker killed mid-task) the server refuses Updates until a worker retries it.
    if (grpc.code === GrpcStatus.FAILED_PRECONDITION && /workflow task in failed state/i.test(grpc.details || grpc.message)) {
      return 'the project is being taken up again by a worker';
    }
    return null;
  }
  const driverError = (error as { driverError?: unknown } | null)?.driverError ?? error;
  const code = (driverError as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (DATABASE_TRANSIENT.has(code) || code.startsWith('08'))) return 'the database is unavailable';
  if (driverError instanceof Error && /^Connection terminated( unexpectedly| due to connection timeout)?$/.test(driverError.message)) return 'the database is unavailable';
  return null;
}
