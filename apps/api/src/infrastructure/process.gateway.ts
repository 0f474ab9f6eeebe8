import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowNotFoundError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure, UpdateDefinition } from '@temporalio/common';
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  DUE_DILIGENCE_WORKFLOW,
  STEP_FAILED,
  DecisionRequest,
  DeclineRequest,
  DueDiligenceInput,
  InformationRequest,
  ResumeRequest,
  SigningRequest,
  StatusAnswer,
  SubmitReviewRequest,
  WithdrawRequest,
  decideUpdate,
  declineTaskUpdate,
  processStartOptions,
  provideInformationUpdate,
  recordSigningUpdate,
  resumeUpdate,
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

  /** Runs the project's failed steps again (an admin fixed their cause); INVALID_STATE when none waits. */
  resume(projectId: string, request: ResumeRequest): Promise<StatusAnswer> {
    return this.update(projectId, resumeUpdate, request);
  }

  async isReachable(): Promise<boolean> {
    await this.client.workflowService.getSystemInfo({});
    return true;
  }

  private handle(projectId: string) {
    return this.client.workflow.getHandle(workflowIdFor(projectId));
  }

  /**
   * Sends one Update and counts its outcome under the Update's name. The call is bounded by
   * UPDATE_TIMEOUT_MS: past it the caller gets a 503 that says the action may still take effect and
   * that sending it again is safe (the workflow refuses an action it has already taken).
   */
  private async update<Payload>(projectId: string, definition: UpdateDefinition<StatusAnswer, [Payload]>, request: Payload): Promise<StatusAnswer> {
    const timeoutMs = this.config.UPDATE_TIMEOUT_MS;
    try {
      const answer = await this.client.withDeadline(Date.now() + timeoutMs, () => this.handle(projectId).executeUpdate(definition, { args: [request] }));
      this.metrics.countWorkflowUpdate(definition.name, 'accepted');
      return answer;
    } catch (error) {
      const mapped = toDomainError(error, projectId, timeoutMs);
      this.metrics.countWorkflowUpdate(definition.name, mapped instanceof DomainError ? mapped.code : 'failed');
      throw mapped;
    }
  }
}


/** What the API answers for a failed Update: the workflow's refusal as a domain error, a 503 for a deadline or a failed write. */
export function toDomainError(error: unknown, projectId: string, timeoutMs: number): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message, details } = error.cause;
    if (isDomainErrorCode(type)) {
      const problems = Array.isArray(details?.[0]) ? (details[0] as FieldProblem[]) : [];
      return new DomainError(type, message, problems);
    }
    if (type === STEP_FAILED) {
      return new ServiceUnavailableException(`${message}; nothing was changed, and an admin has been told. Retry later.`);
    }
  }
  if (isUpdateTimeout(error)) {
    return new ServiceUnavailableException(
      `the process did not answer within ${timeoutMs} ms; the action may still take effect. Sending it again is safe: an action already taken is refused, never applied twice.`,
    );
  }
  if (error instanceof WorkflowNotFoundError) {
    return new DomainError('INVALID_STATE', `the process of project ${projectId} has ended`);
  }
  if (isGrpcServiceError(error) && error.code === GrpcStatus.NOT_FOUND) {
    return new DomainError('INVALID_STATE', `the process of project ${projectId} has ended`);
  }
  return error;
}

/** The Update's deadline passed (the client's own deadline, or the server's long poll gave up). */
function isUpdateTimeout(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const grpc = isGrpcServiceError(error) ? error : isGrpcServiceError((error as { cause?: unknown } | null)?.cause) ? (error as { cause: unknown }).cause : null;
  return isGrpcServiceError(grpc) && grpc.code === GrpcStatus.DEADLINE_EXCEEDED;
}
