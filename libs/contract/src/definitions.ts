import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  DeclineRequest,
  DecisionRequest,
  InformationRequest,
  ResumeRequest,
  SigningRequest,
  StatusAnswer,
  SubmitReviewRequest,
  WithdrawRequest,
  WorkflowStateView,
} from './payloads';

export const submitReviewUpdate = defineUpdate<StatusAnswer, [SubmitReviewRequest]>('submitReview');
export const declineTaskUpdate = defineUpdate<StatusAnswer, [DeclineRequest]>('declineTask');
export const provideInformationUpdate = defineUpdate<StatusAnswer, [InformationRequest]>('provideInformation');
export const decideUpdate = defineUpdate<StatusAnswer, [DecisionRequest]>('decide');
export const recordSigningUpdate = defineUpdate<StatusAnswer, [SigningRequest]>('recordSigning');
export const withdrawUpdate = defineUpdate<StatusAnswer, [WithdrawRequest]>('withdraw');

export const getStateQuery = defineQuery<WorkflowStateView>('getState');

/** Retries every step of the project that failed for good and waits for an admin (409 when none waits). */
export const resumeUpdate = defineUpdate<StatusAnswer, [ResumeRequest]>('resume');
