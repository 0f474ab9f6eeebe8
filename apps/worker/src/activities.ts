import type { DueflowActivities } from '@dueflow/contract';
import type { ProcessStore } from '@dueflow/persistence';
import { withClassifiedFailures } from './failure-classifier';

export interface ActivityDependencies {
  store: ProcessStore;
}

/**
 * The activities the workflow calls, built from their dependencies. Each one is a single
 * idempotent transaction in the store, so Temporal's retries never duplicate a row. A failure that
 * no retry can fix (bad data, a broken constraint, a domain refusal) is made non-retryable, so the
 * workflow hears of it at once instead of after every attempt.
 */
export function createActivities({ store }: ActivityDependencies): DueflowActivities {
  return withClassifiedFailures<DueflowActivities>({
    recordTransition: (input) => store.recordTransition(input),
    assignReviewers: (input) => store.assignReviewers(input),
    recordReview: (input) => store.recordReview(input),
    saveSynthesis: (input) => store.saveSynthesis(input),
    recordDecision: (input) => store.recordDecision(input),
    recordSigning: (input) => store.recordSigning(input),
    closeTasks: (input) => store.closeTasks(input),
    recordDecline: (input) => store.recordDecline(input),
    recordReminder: (input) => store.recordReminder(input),
    recordInformation: (input) => store.recordInformation(input),
    recordStepFailure: (input) => store.recordStepFailure(input),
    recordStepResumed: (input) => store.recordStepResumed(input),
  });
}
