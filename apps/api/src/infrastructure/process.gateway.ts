import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, WorkflowNotFoundError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure, UpdateDefinition } from '@temporalio/common';
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
  processStartOptions,
  provideInformationUpdate,
  recordSigningUpdate,
  submitReviewUpdate,
  withdrawUpdate,
  workflowIdFor,
} from '@dueflow/contract';
import { DomainError, FieldProblem, isDomainErrorCode } from '@dueflow/domain';
import { API_CONFIG, ApiConfig } from '../config';
import { MetricsService } from '../metrics/metrics.service';
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
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Idempotent: a second start for the same project attaches to the running workflow, and one for
   * a process that has already ended (a retried submission of a project rejected at screening, say)
   * is answered as done, without a second run.
   */
  async start(input: DueDiligenceInput): Promise<void> {
    try {
      await this.client.workflow.start(DUE_DILIGENCE_WORKFLOW, processStartOptions(input, this.config.TEMPORAL_TASK_QUEUE));
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
        this.metrics.countWorkflowStart('failed');
        throw error;
      }
    }
    this.metrics.countWorkflowStart('ok');
  }

  submitReview(projectId: string, request: SubmitReviewRequest): Promise<StatusAnswer> {
    return this.update(projectId, submitReviewUpdate, request);
  }

  declineTask(projectId: string, request: DeclineRequest): Promise<StatusAnswer> {
    return this.update(projectId, declineTaskUpdate, request);
  }

  provideInformation(projectId: string, request: InformationRequest): Promise<StatusAnswer> {
    return this.update(projectId, provideInformationUpdate, request);
  }

  decide(projectId: string, request: DecisionRequest): Promise<StatusAnswer> {
    return this.update(projectId, decideUpdate, request);
  }

  recordSigning(projectId: string, request: SigningRequest): Promise<StatusAnswer> {
    return this.update(projectId, recordSigningUpdate, request);
  }

  withdraw(projectId: string, request: WithdrawRequest): Promise<StatusAnswer> {
    return this.update(projectId, withdrawUpdate, request);
  }

  async isReachable(): Promise<boolean> {
    await this.client.workflowService.getSystemInfo({});
    return true;
  }

  private handle(projectId: string) {
    return this.client.workflow.getHandle(workflowIdFor(projectId));
  }

  /** Sends one Update and counts its outcome under the Update's name. */
  private async update<Payload>(projectId: string, definition: UpdateDefinition<StatusAnswer, [Payload]>, request: Payload): Promise<StatusAnswer> {
    try {
      const answer = await this.handle(projectId).executeUpdate(definition, { args: [request] });
      this.metrics.countWorkflowUpdate(definition.name, 'accepted');
      return answer;
    } catch (error) {
      const mapped = toDomainError(error, projectId);
      this.metrics.countWorkflowUpdate(definition.name, mapped instanceof DomainError ? mapped.code : 'failed');
      throw mapped;
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
