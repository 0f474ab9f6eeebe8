import { ServiceUnavailableException } from '@nestjs/common';
import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@dueflow/domain';
import { toDomainError } from './process.gateway';

const failed = (failure: ApplicationFailure) => new WorkflowUpdateFailedError('Workflow Update failed', failure);

describe('toDomainError', () => {
  it('turns a refusal of the workflow into the domain error of its code, with its details', () => {
    const mapped = toDomainError(failed(ApplicationFailure.create({ type: 'FORBIDDEN', message: 'you reviewed this project; a reviewer never decides it', details: [[]] })), 'p', 15_000);
    expect(mapped).toEqual(new DomainError('FORBIDDEN', 'you reviewed this project; a reviewer never decides it'));
    const invalid = toDomainError(
      failed(ApplicationFailure.create({ type: 'VALIDATION_FAILED', message: 'bad', details: [[{ field: 'signedAt', problem: 'must not be before the approval (x)' }]] })),
      'p',
      15_000,
    ) as DomainError;
    expect(invalid.details).toEqual([{ field: 'signedAt', problem: 'must not be before the approval (x)' }]);
  });

  it('answers a write that failed for good with 503, saying nothing changed', () => {
    const mapped = toDomainError(failed(ApplicationFailure.create({ type: 'STEP_FAILED', message: 'signed could not be recorded: timeout' })), 'p', 15_000);
    expect(mapped).toBeInstanceOf(ServiceUnavailableException);
    expect((mapped as ServiceUnavailableException).getStatus()).toBe(503);
    expect((mapped as ServiceUnavailableException).message).toMatch(/^signed could not be recorded: timeout; nothing was changed/);
  });

  it('answers an Update past its deadline with 503: the action may still take effect, retrying is safe', () => {
    const mapped = toDomainError(new WorkflowUpdateRPCTimeoutOrCancelledError('deadline exceeded'), 'p', 1_500) as ServiceUnavailableException;
    expect(mapped).toBeInstanceOf(ServiceUnavailableException);
    expect(mapped.message).toBe(
      'the process did not answer within 1500 ms; the action may still take effect. Sending it again is safe: an action already taken is refused, never applied twice.',
    );
  });
});
