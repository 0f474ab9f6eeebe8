import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError, WorkflowNotFoundError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  DUE_DILIGENCE_WORKFLOW,
  DecisionRequest,
  DeclineRequest,
  DueDiligenceInput,
  InformationRequest,
  SigningRequest,
  StatusAnswer,
  SubmitReviewRequest,
  WithdrawRequest,
  decideUpdate,
  declineTaskUpdate,
  provideInformationUpdate,
  recordSigningUpdate,
  submitReviewUpdate,
  withdrawUpdate,
  workflowIdFor,
} from '@dueflow/contract';
import { DomainError, FieldProblem, isDomainErrorCode } from '@dueflow/domain';
import { API_CONFIG, ApiConfig } from '../config';
import { TEMPORAL_CLIENT } from './tokens';

/**
 * The API's only door into Temporal: starts a project's workflow and sends it Updates, turning
 * the workflow's refusals back into domain errors.
 */
@Injectable()
export class ProcessGateway {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Idempotent: a second start for the same project attaches to the running workflow. */
  async start(input: DueDiligenceInput): Promise<void> {
    await this.client.workflow.start(DUE_DILIGENCE_WORKFLOW, {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIdFor(input.projectId),
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      memo: { requestId: input.requestId ?? null },
    });
  }

  submitReview(projectId: string, request: SubmitReviewRequest): Promise<StatusAnswer> {
    return this.update(projectId, () => this.handle(projectId).executeUpdate(submitReviewUpdate, { args: [request] }));
  }

  declineTask(projectId: string, request: DeclineRequest): Promise<StatusAnswer> {
    return this.update(projectId, () => this.handle(projectId).executeUpdate(declineTaskUpdate, { args: [request] }));
  }

  provideInformation(projectId: string, request: InformationRequest): Promise<StatusAnswer> {
    return this.update(projectId, () => this.handle(projectId).executeUpdate(provideInformationUpdate, { args: [request] }));
  }

  decide(projectId: string, request: DecisionRequest): Promise<StatusAnswer> {
    return this.update(projectId, () => this.handle(projectId).executeUpdate(decideUpdate, { args: [request] }));
  }

  recordSigning(projectId: string, request: SigningRequest): Promise<StatusAnswer> {
    return this.update(projectId, () => this.handle(projectId).executeUpdate(recordSigningUpdate, { args: [request] }));
  }

  withdraw(projectId: string, request: WithdrawRequest): Promise<StatusAnswer> {
    return this.update(projectId, () => this.handle(projectId).executeUpdate(withdrawUpdate, { args: [request] }));
  }

  async isReachable(): Promise<boolean> {
    await this.client.workflowService.getSystemInfo({});
    return true;
  }

  private handle(projectId: string) {
    return this.client.workflow.getHandle(workflowIdFor(projectId));
  }

  private async update(projectId: string, send: () => Promise<StatusAnswer>): Promise<StatusAnswer> {
    try {
      return await send();
    } catch (error) {
      throw toDomainError(error, projectId);
    }
  }
}

function toDomainError(error: unknown, projectId: string): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message, details } = error.cause;
    if (isDomainErrorCode(type)) {
      const problems = Array.isArray(details?.[0]) ? (details[0] as FieldProblem[]) : [];
      return new DomainError(type, message, problems);
    }
  }
  if (error instanceof WorkflowNotFoundError) {
    return new DomainError('INVALID_STATE', `the process of project ${projectId} has ended`);
  }
  if (isGrpcServiceError(error) && error.code === GrpcStatus.NOT_FOUND) {
    return new DomainError('INVALID_STATE', `the process of project ${projectId} has ended`);
  }
  return error;
}
