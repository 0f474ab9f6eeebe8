import { Metadata, status } from '@grpc/grpc-js';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { QueryFailedError } from 'typeorm';
import { unavailableReason } from './unavailable';

/** What @grpc/grpc-js hands the Temporal client: an Error with a numeric code, details and metadata. */
function grpcError(code: status, details: string): Error {
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), { code, details, metadata: new Metadata() });
}

function pgError(code: string, message = 'pg'): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));
}

describe('unavailableReason', () => {
  it.each([
    ['Temporal unreachable', grpcError(status.UNAVAILABLE, 'No connection established')],
    ['Temporal past its deadline', grpcError(status.DEADLINE_EXCEEDED, 'context deadline exceeded')],
    ['Temporal out of capacity', grpcError(status.RESOURCE_EXHAUSTED, 'namespace rate limit exceeded')],
    [
      'an Update refused while the workflow task is retried, wrapped by the client',
      new ServiceError('Workflow Update failed', {
        cause: grpcError(status.FAILED_PRECONDITION, 'Unable to perform workflow execution update due to Workflow Task in failed state.'),
      }),
    ],
    ['an Update that timed out', new WorkflowUpdateRPCTimeoutOrCancelledError('context deadline exceeded', { cause: grpcError(status.DEADLINE_EXCEEDED, 'x') })],
    ['PostgreSQL shutting down', pgError('57P01', 'terminating connection due to administrator command')],
    ['PostgreSQL starting up', pgError('57P03', 'the database system is starting up')],
    ['PostgreSQL refusing connections', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection exception class SQLSTATE', pgError('08006')],
    ['the socket closed under a query', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
  ])('is a 503 for %s', (_, error) => {
    expect(unavailableReason(error)).toEqual(expect.any(String));
  });

  it.each([
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['another failed precondition', grpcError(status.FAILED_PRECONDITION, 'Workflow execution already completed')],
    ['Temporal refusing the argument', grpcError(status.INVALID_ARGUMENT, 'bad input')],
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a deadlock (retried by the caller, not the client)', pgError('40P01', 'deadlock detected')],
    ['not an error at all', 'boom'],
    ['null', null],
  ])('is not for %s', (_, error) => {
    expect(unavailableReason(error)).toBeNull();
  });
});
