import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  DecisionRequest,
  SigningRequest,
  StatusAnswer,
  SubmitReviewRequest,
  WithdrawRequest,
  WorkflowStateView,
} from './payloads';

export const submitReviewUpdate = defineUpdate<StatusAnswer, [SubmitReviewRequest]>('submitReview');
export const decideUpdate = defineUpdate<StatusAnswer, [DecisionRequest]>('decide');
export const recordSigningUpdate = defineUpdate<StatusAnswer, [SigningRequest]>('recordSigning');
export const withdrawUpdate = defineUpdate<StatusAnswer, [WithdrawRequest]>('withdraw');

export const getStateQuery = defineQuery<WorkflowStateView>('getState');
