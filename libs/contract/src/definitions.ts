import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  DeclineRequest,
  DecisionRequest,
  InformationRequest,
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
