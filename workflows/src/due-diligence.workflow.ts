import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import {
  decideUpdate,
  getStateQuery,
  recordSigningUpdate,
  submitReviewUpdate,
  withdrawUpdate,
} from '@dueflow/contract';
import type {
  DecisionRequest,
  DecisionView,
  DueDiligenceInput,
  DueflowActivities,
  ProjectChange,
  SigningRequest,
  StatusAnswer,
  SubmitReviewRequest,
  TaskView,
  TimelineEventInput,
  WithdrawRequest,
  WorkflowResult,
  WorkflowStateView,
} from '@dueflow/contract';
import type {
  DomainErrorCode,
  FieldProblem,
  ProjectStatus,
  SubmittedReview,
  SynthesisReport,
  Track,
  TrackOutcome} from '@dueflow/domain';
import {
  TRACKS,
  durationToMs,
  needsDualApproval,
  screenProject,
  synthesize,
  validateReview,
} from '@dueflow/domain';

const activities = proxyActivities<DueflowActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Statuses from which a withdrawal is still possible: no final decision yet. */
const WITHDRAWABLE: readonly ProjectStatus[] = [
  'screening',
  'in_review',
  'synthesis',
  'awaiting_decision',
  'information_requested',
  'awaiting_second_approval',
];

/** A refusal that reaches the API caller synchronously; the code maps to an HTTP status there. */
function refuse(code: DomainErrorCode, message: string, details: FieldProblem[] = []): never {
  throw ApplicationFailure.create({ type: code, message, details: [details], nonRetryable: true });
}

/**
 * One candidate project through screening, three parallel review tracks, synthesis, decision and
 * signing. The workflow is the source of truth for where the project is; every step is projected
 * into PostgreSQL by an idempotent activity keyed by the event sequence number.
 */
export async function dueDiligenceWorkflow(input: DueDiligenceInput): Promise<WorkflowResult> {
  return new DueDiligence(input).run();
}

class DueDiligence {
  private status: ProjectStatus = 'screening';
  private statusDetail: string | null = null;
  private seq = 0;
  private readonly tasks: TaskView[] = [];
  private readonly reviews: SubmittedReview[] = [];
  private readonly decisions: DecisionView[] = [];
  private report: SynthesisReport | undefined;
  /** Set while a decision is being recorded, so a concurrent one is refused, not interleaved. */
  private deciding = false;

  constructor(private readonly input: DueDiligenceInput) {
    setHandler(getStateQuery, () => this.view());
    setHandler(submitReviewUpdate, (req) => this.submitReview(req), { validator: (req) => this.validateReview(req) });
    setHandler(decideUpdate, (req) => this.decide(req), { validator: (req) => this.validateDecision(req) });
    setHandler(recordSigningUpdate, (req) => this.sign(req), { validator: (_req) => this.validateSigning() });
    setHandler(withdrawUpdate, (req) => this.withdraw(req), { validator: (_req) => this.validateWithdrawal() });
  }

  async run(): Promise<WorkflowResult> {
    const { input } = this;
    await this.move('screening', null, 'submitted', input.submittedBy, {
      company: input.company,
      sector: input.sector,
      totalInvestment: input.totalInvestment,
      policy: input.policy,
      requestId: input.requestId ?? null,
    });

    const problems = screenProject(input, input.policy);
    if (problems.length > 0) {
      await this.move('rejected', problems.map((p) => p.problem).join('; '), 'screening_rejected', null, { reasons: problems });
      return this.finish();
    }
    await this.move('in_review', null, 'screening_passed', null, {});

    await Promise.all(TRACKS.map((track) => this.assign(track, input.policy.reviewersPerTrack[track])));
    await condition(() => this.isOver() || this.allTracksComplete());
    if (this.isOver()) return this.finish();

    await this.synthesise();
    await condition(() => this.isOver() || this.status === 'approved');
    if (this.status === 'approved') {
      const signed = await condition(() => this.isOver(), durationToMs(input.policy.signingDeadline));
      if (!signed) await this.move('lapsed', 'not signed before the signing deadline', 'lapsed', null, {});
    }
    return this.finish();
  }

  // ---- review tracks ----------------------------------------------------------------------

  private async assign(track: Track, count: number): Promise<void> {
    const onTrack = this.tasks.filter((t) => t.track === track);
    const firstSlot = onTrack.reduce((max, t) => Math.max(max, t.slot + 1), 0);
    const slots = Array.from({ length: count }, (_, i) => ({ slot: firstSlot + i, attempt: 0 }));
    const dueAt = new Date(Date.now() + durationToMs(this.input.policy.reviewDeadline)).toISOString();
    const result = await activities.assignReviewers({
      projectId: this.input.projectId,
      company: this.input.company,
      sector: this.input.sector,
      track,
      slots,
      excludeReviewerIds: onTrack.map((t) => t.assigneeId),
      dueAt,
      event: this.event('reviewers_assigned', null, { track }),
    });
    this.tasks.push(...result.tasks);
    if (this.status === 'withdrawn') await this.closeOpenTasks('cancelled', 'withdrawn');
  }

  private trackOutcome(track: Track): TrackOutcome {
    const required = this.input.policy.quorum[track];
    const submitted = this.reviews.filter((r) => r.track === track).length;
    return { status: submitted >= required ? 'complete' : 'quorum_failed', required, submitted };
  }

  private allTracksComplete(): boolean {
    return TRACKS.every((track) => this.trackOutcome(track).status === 'complete');
  }

  private validateReview(req: SubmitReviewRequest): void {
    const task = this.tasks.find((t) => t.taskId === req.taskId);
    if (!task || task.assigneeId !== req.reviewerId) refuse('NOT_FOUND', 'no such task for this reviewer');
    if (task.status !== 'open') refuse('INVALID_STATE', `the task is ${task.status}, not open`);
    if (this.status !== 'in_review') refuse('INVALID_STATE', `the project is ${this.status}, not in review`);
    const problems = validateReview(task.track, req.review);
    if (problems.length > 0) refuse('VALIDATION_FAILED', 'the review is incomplete or invalid', problems);
  }

  private async submitReview(req: SubmitReviewRequest): Promise<StatusAnswer> {
    const task = this.tasks.find((t) => t.taskId === req.taskId)!;
    task.status = 'submitted';
    const event = this.event('review_submitted', req.reviewerId, { taskId: task.taskId, track: task.track, requestId: req.requestId ?? null });
    this.reviews.push({ ...req.review, taskId: task.taskId, reviewerId: req.reviewerId, track: task.track, submittedAt: event.occurredAt });
    await activities.recordReview({
      projectId: this.input.projectId,
      taskId: task.taskId,
      reviewerId: req.reviewerId,
      track: task.track,
      review: req.review,
      event,
    });
    return { status: this.status };
  }

  // ---- synthesis and decision -------------------------------------------------------------

  private async synthesise(): Promise<void> {
    await this.move('synthesis', null, 'tracks_complete', null, {
      tracks: Object.fromEntries(TRACKS.map((t) => [t, this.trackOutcome(t)])),
    });
    await this.closeOpenTasks('cancelled', 'quorum reached');
    const report = synthesize({
      totalInvestment: this.input.totalInvestment,
      policy: this.input.policy,
      reviews: this.reviews,
      trackOutcomes: { expert: this.trackOutcome('expert'), vc: this.trackOutcome('vc'), academic: this.trackOutcome('academic') },
    });
    this.report = report;
    this.status = 'awaiting_decision';
    await activities.saveSynthesis({
      projectId: this.input.projectId,
      report,
      event: this.event('synthesis_completed', null, { recommendation: report.recommendation, overallScore: report.overallScore }),
      status: { status: 'awaiting_decision', detail: null },
    });
  }

  private validateDecision(req: DecisionRequest): void {
    if (this.deciding) refuse('INVALID_STATE', 'another decision on this project is being recorded');
    if (this.status !== 'awaiting_decision' && this.status !== 'awaiting_second_approval') {
      refuse('INVALID_STATE', `the project is ${this.status}, not awaiting a decision`);
    }
    if (req.managerId === this.input.submittedBy) refuse('FORBIDDEN', 'the submitting officer cannot decide on their own project');
    if (this.status === 'awaiting_second_approval') {
      if (req.outcome === 'request_info') refuse('RULE_VIOLATION', 'a second approval is go or no_go');
      const first = this.decisions[this.decisions.length - 1];
      if (req.outcome === 'go' && first?.managerId === req.managerId) {
        refuse('RULE_VIOLATION', 'the second approval must come from a different manager');
      }
    }
    if (req.outcome === 'request_info') refuse('RULE_VIOLATION', 'information requests are not enabled in this release');
  }

  private async decide(req: DecisionRequest): Promise<StatusAnswer> {
    this.deciding = true;
    try {
      const next = this.statusAfterDecision(req);
      const decidedAt = new Date().toISOString();
      this.decisions.push({ managerId: req.managerId, outcome: req.outcome, decidedAt });
      this.status = next;
      await activities.recordDecision({
        projectId: this.input.projectId,
        decisionSeq: this.decisions.length,
        managerId: req.managerId,
        outcome: req.outcome,
        rationale: req.rationale,
        conditions: req.conditions ?? [],
        questions: req.questions ?? [],
        event: this.event('decision_recorded', req.managerId, { outcome: req.outcome, rationale: req.rationale, requestId: req.requestId ?? null }),
        status: { status: next, detail: null },
      });
      return { status: next };
    } finally {
      this.deciding = false;
    }
  }

  private statusAfterDecision(req: DecisionRequest): ProjectStatus {
    if (req.outcome === 'no_go') return 'rejected';
    if (this.status === 'awaiting_second_approval') return 'approved';
    return needsDualApproval(this.input.totalInvestment, this.input.policy) ? 'awaiting_second_approval' : 'approved';
  }

  // ---- signing and withdrawal -------------------------------------------------------------

  private validateSigning(): void {
    if (this.status !== 'approved') refuse('INVALID_STATE', `the project is ${this.status}, not approved`);
  }

  private async sign(req: SigningRequest): Promise<StatusAnswer> {
    this.status = 'signed';
    await activities.recordSigning({
      projectId: this.input.projectId,
      actorId: req.actorId,
      signedAt: req.signedAt,
      agreedInvestment: req.agreedInvestment,
      notes: req.notes ?? null,
      event: this.event('signed', req.actorId, { signedAt: req.signedAt, agreedInvestment: req.agreedInvestment, requestId: req.requestId ?? null }),
      status: { status: 'signed', detail: null },
    });
    return { status: 'signed' };
  }

  private validateWithdrawal(): void {
    if (!WITHDRAWABLE.includes(this.status)) refuse('INVALID_STATE', `the project is ${this.status}; it can no longer be withdrawn`);
  }

  private async withdraw(req: WithdrawRequest): Promise<StatusAnswer> {
    await this.move('withdrawn', req.reason, 'withdrawn', req.actorId, { reason: req.reason, requestId: req.requestId ?? null });
    await this.closeOpenTasks('cancelled', 'withdrawn');
    return { status: 'withdrawn' };
  }

  // ---- plumbing ---------------------------------------------------------------------------

  private async closeOpenTasks(taskStatus: 'cancelled' | 'expired', reason: string): Promise<void> {
    const open = this.tasks.filter((t) => t.status === 'open');
    if (open.length === 0) return;
    for (const task of open) task.status = taskStatus;
    await activities.closeTasks({
      projectId: this.input.projectId,
      taskIds: open.map((t) => t.taskId),
      taskStatus,
      event: this.event(taskStatus === 'cancelled' ? 'tasks_cancelled' : 'tasks_expired', null, { taskIds: open.map((t) => t.taskId), reason }),
    });
  }

  /** Changes status in memory at once (validators see it), then projects it durably. */
  private async move(status: ProjectStatus, detail: string | null, type: string, actorId: string | null, data: Record<string, unknown>): Promise<void> {
    this.status = status;
    this.statusDetail = detail;
    const change: ProjectChange = { projectId: this.input.projectId, event: this.event(type, actorId, data), status: { status, detail } };
    await activities.recordTransition(change);
  }

  private event(type: string, actorId: string | null, data: Record<string, unknown>): TimelineEventInput {
    return { seq: ++this.seq, type, actorId, occurredAt: new Date().toISOString(), data };
  }

  private isOver(): boolean {
    return this.status === 'withdrawn' || this.status === 'rejected' || this.status === 'signed' || this.status === 'lapsed';
  }

  private async finish(): Promise<WorkflowResult> {
    await condition(allHandlersFinished);
    return { status: this.status, report: this.report };
  }

  private view(): WorkflowStateView {
    return {
      projectId: this.input.projectId,
      status: this.status,
      statusDetail: this.statusDetail,
      tasks: this.tasks.map((t) => ({ ...t })),
      decisions: this.decisions.map((d) => ({ ...d })),
      synthesisReady: this.report !== undefined,
    };
  }
}
