import { ActivityFailure, ApplicationFailure, allHandlersFinished, condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  DecisionBody,
  STEP_FAILED,
  DeclineBody,
  InformationBody,
  SigningBody,
  WithdrawBody,
  checkRequest,
  decideUpdate,
  declineTaskUpdate,
  getStateQuery,
  provideInformationUpdate,
  recordSigningUpdate,
  reviewProblems,
  resumeUpdate,
  submitReviewUpdate,
  withdrawUpdate,
} from '@dueflow/contract';
import type {
  DecisionRequest,
  DecisionView,
  DeclineRequest,
  DueDiligenceInput,
  DueflowActivities,
  InformationRequest,
  NotificationInput,
  NotificationKind,
  ProjectChange,
  ResumeRequest,
  SigningRequest,
  StatusAnswer,
  SubmitReviewRequest,
  TaskView,
  TimelineEventInput,
  TrackView,
  WithdrawRequest,
  WorkflowResult,
  WorkflowStateView,
} from '@dueflow/contract';
import { PROJECT_STATUSES, TERMINAL_STATUSES, TRACKS, durationToMs, needsDualApproval, screenProject, synthesize } from '@dueflow/domain';
import type { DomainErrorCode, FieldProblem, ProjectStatus, SubmittedReview, SynthesisReport, Track, TrackOutcome } from '@dueflow/domain';
import { AlarmClock } from './alarm-clock';

/**
 * Every activity's retries are bounded: 12 attempts, 0.5 s apart doubling to 30 s, about three and a
 * half minutes in all. That outlasts a worker killed mid-step (the attempt times out after 30 s and
 * runs again on another worker) and a PostgreSQL or Temporal restart of a minute or two; a failure
 * that cannot succeed on retry is non-retryable (the worker classifies it) and ends the step at once.
 * A step that still fails is reported and waits for an admin (see `durably`), it never loops.
 */
const activities = proxyActivities<DueflowActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 12 },
});

const FINAL = TERMINAL_STATUSES;
/** Statuses from which a withdrawal is still possible: no final decision yet. */
const WITHDRAWABLE: readonly ProjectStatus[] = PROJECT_STATUSES.filter((s) => s !== 'approved' && !FINAL.includes(s));
const AWAITING_DECISION: readonly ProjectStatus[] = ['awaiting_decision', 'awaiting_second_approval'];

/**
 * Workflows started after this change wait for their tasks' reminders and due dates on one shared
 * timer (AlarmClock); those started before keep their one timer per task when they replay.
 */
const SHARED_TASK_TIMERS = 'shared-task-timers';

/**
 * Workflows that reach an action after this change move their state (a task submitted, a decision
 * taken) only once the action's write has succeeded; histories from before keep the old order, in
 * which the state moved first and the commands that follow from it came in the same workflow task.
 */
const STATE_AFTER_WRITE = 'state-after-write';

/** Workflows that reach a background step after this change wait for an admin when it fails for good. */
const DURABLE_STEPS = 'durable-steps';

const MANAGERS = 'role:manager';
const ADMINS = 'role:admin';

/**
 * An Update's payload checked against the same request schema the API's pipe checks
 * (@dueflow/contract), so a client that reaches Temporal some other way meets the same rules.
 */
function checkUpdate(schema: Parameters<typeof checkRequest>[0], payload: unknown): void {
  const checked = checkRequest(schema, payload);
  if (!checked.ok) refuse('VALIDATION_FAILED', 'the request has invalid fields', checked.problems);
}

/** A refusal that reaches the API caller synchronously; the code maps to an HTTP status there. */
function refuse(code: DomainErrorCode, message: string, details: FieldProblem[] = []): never {
  throw ApplicationFailure.create({ type: code, message, details: [details], nonRetryable: true });
}

const WITHDRAWAL_BEING_RECORDED = 'a withdrawal of this project is being recorded';

/** The failure's type: what the worker classified it as (a domain code, DATA_EXCEPTION, ...), or its kind. */
function failureTypeOf(failure: ActivityFailure): string | null {
  const cause = failure.cause;
  if (cause instanceof ApplicationFailure) return cause.type ?? null;
  return cause?.name ?? null;
}

/** How an action whose write failed for good is refused to its caller. */
function refusalCodeFor(failureType: string | null): string {
  // Not NOT_FOUND: the caller's task or project exists, so "not found" would mislead (the API reads it as "still being assigned").
  if (failureType === 'VALIDATION_FAILED' || failureType === 'RULE_VIOLATION') return failureType;
  if (failureType === 'DATA_EXCEPTION') return 'VALIDATION_FAILED';
  if (failureType === 'INTEGRITY_VIOLATION') return 'CONFLICT';
  return STEP_FAILED;
}

/** A failure's message as it may be stored and shown: no control characters (a NUL could not be written), at most 500 characters. */
function printable(message: string): string {
  let out = '';
  for (const ch of message) {
    const code = ch.codePointAt(0)!;
    out += code < 0x20 || code === 0x7f ? ' ' : ch;
  }
  return out.trim().slice(0, 500);
}

interface TrackState {
  round: number;
  /** Slot loops still running in the current round (assigning, waiting, replacing). */
  activeSlots: number;
  /** False once the track no longer takes reviews (quorum reached, synthesis, withdrawal). */
  accepting: boolean;
  quorumFailureReported: boolean;
}

interface InfoRequest {
  round: number;
  questions: string[];
  reopenTracks: Track[];
  answered: boolean;
}

/**
 * One candidate project through screening, three parallel review tracks, synthesis, decision and
 * signing. The workflow is the source of truth for where the project is; every step is projected
 * into PostgreSQL by an idempotent activity keyed by the event sequence number. Every duration comes
 * from the policy snapshot the project was submitted under.
 */
export async function dueDiligenceWorkflow(input: DueDiligenceInput): Promise<WorkflowResult> {
  return new DueDiligence(input).run();
}

class DueDiligence {
  private status: ProjectStatus = 'screening';
  private statusDetail: string | null = null;
  private seq = 0;
  private notices = 0;
  private readonly tasks: TaskView[] = [];
  private readonly reviews: Array<SubmittedReview & { round: number }> = [];
  private readonly decisions: DecisionView[] = [];
  private readonly tracks: Record<Track, TrackState>;
  private readonly infoRequests: InfoRequest[] = [];
  private report: SynthesisReport | undefined;
  private readonly alarms = new AlarmClock();
  /** Tasks whose review or decline is being recorded: a second action on one of them is refused meanwhile. */
  private readonly recordingTasks = new Set<string>();
  /** Reviewers who declined a task on this project for a conflict of interest: they never decide it. */
  private readonly declinedForConflict = new Set<string>();
  /** Why a project-level action is refused while another one's write is in flight, or null. */
  private beingRecorded: string | null = null;
  /** Background steps that failed for good and wait for an admin's resume. */
  private waitingSteps: Array<{ step: string; resumed: boolean }> = [];
  /** The status detail from before the first of the waiting steps failed, restored on resume. */
  private detailBeforeFailure: string | null = null;
  /** The status detail an action's failed write put up, and the one it replaced: taken down by the next action that is recorded. */
  private failedAction: { shown: string; before: string | null } | null = null;

  constructor(private readonly input: DueDiligenceInput) {
    const track = (): TrackState => ({ round: 0, activeSlots: 0, accepting: false, quorumFailureReported: false });
    this.tracks = { expert: track(), vc: track(), academic: track() };
    setHandler(getStateQuery, () => this.view());
    setHandler(submitReviewUpdate, (req) => this.submitReview(req), { validator: (req) => this.validateTaskAction(req) });
    setHandler(declineTaskUpdate, (req) => this.decline(req), { validator: (req) => this.validateTaskAction(req) });
    setHandler(decideUpdate, (req) => this.decide(req), { validator: (req) => this.validateDecision(req) });
    setHandler(provideInformationUpdate, (req) => this.answer(req), { validator: (req) => this.validateAnswer(req) });
    setHandler(recordSigningUpdate, (req) => this.sign(req), { validator: (req) => this.validateSigning(req) });
    setHandler(withdrawUpdate, (req) => this.withdraw(req), { validator: (req) => this.validateWithdrawal(req) });
    setHandler(resumeUpdate, (req) => this.resume(req), { validator: (_req) => this.validateResume() });
  }

  private get policy() {
    return this.input.policy;
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
    // A withdrawal delivered with the start is handled before run() gets here.
    if (this.isOver()) return this.finish();

    const problems = screenProject(input, this.policy);
    if (problems.length > 0) {
      await this.move('rejected', problems.map((p) => p.problem).join('; '), 'screening_rejected', null, { reasons: problems });
      return this.finish();
    }
    await this.move('in_review', null, 'screening_passed', null, {});
    // Withdrawn while that step was being recorded: stop rather than assign reviewers to it.
    if (this.isOver() || !(await this.review(TRACKS, false))) return this.finish();

    for (;;) {
      await this.awaitDecision();
      if (this.isOver()) return this.finish();
      if (this.status === 'approved') break;
      if (this.status === 'information_requested') {
        const request = this.infoRequests[this.infoRequests.length - 1]!;
        await condition(() => request.answered || this.isOver());
        if (this.isOver()) return this.finish();
        if (request.reopenTracks.length > 0 && !(await this.review(request.reopenTracks, true))) return this.finish();
      }
    }

    let signed = await condition(() => this.isOver(), durationToMs(this.policy.signingDeadline));
    // A signing handed in at the deadline is not overtaken by the lapse while it is being recorded.
    if (!signed && this.beingRecorded) {
      await condition(() => !this.beingRecorded);
      signed = this.isOver();
    }
    if (!signed) {
      await this.move('lapsed', 'not signed before the signing deadline', 'lapsed', null, {}, [
        this.notice('escalation', MANAGERS, `Approval lapsed: ${input.company} was not signed in time`, {}),
      ]);
    }
    return this.finish();
  }

  // ---- review tracks ----------------------------------------------------------------------

  /** Runs a review round on `tracks`, then the synthesis. False when the project ended meanwhile. */
  private async review(tracks: readonly Track[], reopen: boolean): Promise<boolean> {
    for (const track of tracks) {
      const state = this.tracks[track];
      if (reopen) state.round += 1;
      state.accepting = true;
      state.quorumFailureReported = false;
    }
    await Promise.all(tracks.map((track) => this.openTrack(track)));
    await condition(() => this.isOver() || TRACKS.every((t) => this.trackSettled(t)));
    if (this.isOver()) return false;
    await this.synthesise();
    return !this.isOver();
  }

  /** Assigns the track's panel in one step, then follows each slot until it is settled. */
  private async openTrack(track: Track): Promise<void> {
    const count = this.policy.reviewersPerTrack[track];
    const firstSlot = this.tasks.filter((t) => t.track === track).reduce((max, t) => Math.max(max, t.slot + 1), 0);
    const slots = Array.from({ length: count }, (_, i) => ({ slot: firstSlot + i, attempt: 0 }));
    this.tracks[track].activeSlots += slots.length;
    const assigned = await this.assign(track, slots);
    for (const { slot } of slots) {
      void this.followSlot(track, slot, assigned.find((t) => t.slot === slot) ?? null);
    }
  }

  /**
   * One seat on a track's panel: waits for its reviewer, chases them (reminder, then expiry and
   * escalation at the due date) and finds a replacement after a decline or an expiry.
   */
  private async followSlot(track: Track, slot: number, first: TaskView | null): Promise<void> {
    const state = this.tracks[track];
    let task = first;
    let expiries = 0;
    try {
      while (task) {
        const outcome = await this.watch(task);
        if (outcome === 'submitted' || outcome === 'cancelled' || !state.accepting) return;
        if (outcome === 'expired') {
          expiries += 1;
          if (expiries > this.policy.maxReassignments) return;
        }
        const [replacement] = await this.assign(track, [{ slot, attempt: task.attempt + 1 }]);
        task = replacement ?? null;
      }
    } finally {
      state.activeSlots -= 1;
      await this.reportQuorumFailure(track);
    }
  }

  private async assign(track: Track, slots: Array<{ slot: number; attempt: number }>): Promise<TaskView[]> {
    const dueAt = new Date(Date.now() + durationToMs(this.policy.reviewDeadline)).toISOString();
    const input = {
      projectId: this.input.projectId,
      company: this.input.company,
      ...(this.input.creditCode ? { creditCode: this.input.creditCode } : {}),
      sector: this.input.sector,
      track,
      round: this.tracks[track].round,
      slots,
      // One part per person: the submitter never reviews their own project, whatever roles they hold.
      excludeReviewerIds: [this.input.submittedBy, ...this.tasks.filter((t) => t.track === track).map((t) => t.assigneeId)],
      dueAt,
      event: this.event(slots.some((s) => s.attempt > 0) ? 'reviewer_replaced' : 'reviewers_assigned', null, { track, round: this.tracks[track].round }),
    };
    const result = await this.durably(`${input.event.type} (${track})`, () => activities.assignReviewers(input));
    const round = this.tracks[track].round;
    const tasks = result.tasks.filter((t) => !this.tasks.some((known) => known.taskId === t.taskId)).map((t) => ({ ...t, round }));
    this.tasks.push(...tasks);
    if (result.shortfall > 0 && this.tracks[track].accepting && !this.isOver()) {
      await this.flagTrack('reviewer_pool_exhausted', `the ${track} track is short of ${result.shortfall} reviewer(s): the eligible pool is exhausted`, {
        track,
        shortfall: result.shortfall,
      });
    }
    // The track may have closed (quorum, withdrawal) while the assignment was being made.
    if (!this.tracks[track].accepting) await this.closeTasks(tasks, 'cancelled', 'the track no longer takes reviews');
    return tasks;
  }

  /** Waits out a task: reminder before the due date, expiry at it. Returns how the task ended. */
  private async watch(task: TaskView): Promise<TaskView['status']> {
    const closed = () => task.status !== 'open';
    const due = Date.parse(task.dueAt);
    const remindAt = due - durationToMs(this.policy.reminderBefore);
    const shared = patched(SHARED_TASK_TIMERS);
    const closedBefore = (at: number) => (shared ? this.alarms.wait(at, closed) : condition(closed, at - Date.now()));
    if (remindAt > Date.now() && !(await closedBefore(remindAt))) {
      const reminder = {
        projectId: this.input.projectId,
        taskId: task.taskId,
        event: this.event('reminder_sent', null, { taskId: task.taskId, track: task.track, reviewerId: task.assigneeId, dueAt: task.dueAt }),
        notify: [this.notice('reminder', task.assigneeId, `Reminder: your ${task.track} review of ${this.input.company} is due ${task.dueAt}`, { taskId: task.taskId, dueAt: task.dueAt })],
      };
      await this.durably('reminder_sent', () => activities.recordReminder(reminder));
    }
    if (due > Date.now() && (await closedBefore(due))) return task.status;
    // A review handed in just before the due date is not expired while it is being recorded.
    if (this.recordingTasks.has(task.taskId)) await condition(() => !this.recordingTasks.has(task.taskId));
    if (task.status !== 'open') return task.status;
    await this.closeTasks([task], 'expired', 'the due date passed', [
      this.notice('escalation', MANAGERS, `Overdue ${task.track} review of ${this.input.company}: a replacement is being assigned`, {
        taskId: task.taskId,
        reviewerId: task.assigneeId,
        dueAt: task.dueAt,
      }),
    ]);
    return 'expired';
  }

  private submittedInRound(track: Track): number {
    const round = this.tracks[track].round;
    return this.reviews.filter((r) => r.track === track && r.round === round).length;
  }

  private trackOutcome(track: Track): TrackOutcome {
    const required = this.policy.quorum[track];
    const submitted = this.submittedInRound(track);
    return { status: submitted >= required ? 'complete' : 'quorum_failed', required, submitted };
  }

  /** Quorum reached, or no seat can still produce a review. */
  private trackSettled(track: Track): boolean {
    return this.trackOutcome(track).status === 'complete' || this.tracks[track].activeSlots === 0;
  }

  private async reportQuorumFailure(track: Track): Promise<void> {
    const state = this.tracks[track];
    const outcome = this.trackOutcome(track);
    if (state.activeSlots > 0 || outcome.status === 'complete' || state.quorumFailureReported || this.isOver()) return;
    state.quorumFailureReported = true;
    const detail = `the ${track} track cannot reach its quorum (${outcome.submitted} of ${outcome.required} reviews): no eligible reviewer is left`;
    await this.flagTrack('quorum_failed', detail, { track, ...outcome });
  }

  /** A track in trouble: said in the status detail, on the timeline, and to the managers. */
  private async flagTrack(type: string, detail: string, data: Record<string, unknown>): Promise<void> {
    this.statusDetail = detail;
    const change: ProjectChange = {
      projectId: this.input.projectId,
      event: this.event(type, null, data),
      status: { status: this.status, detail },
      notify: [this.notice('quorum_failure', MANAGERS, `${this.input.company}: ${detail}`, data)],
    };
    await this.durably(type, () => activities.recordTransition(change));
  }

  private validateTaskAction(req: SubmitReviewRequest | DeclineRequest): void {
    const task = this.tasks.find((t) => t.taskId === req.taskId);
    if (!task || task.assigneeId !== req.reviewerId) refuse('NOT_FOUND', 'no such task for this reviewer');
    this.checkTaskNotBeingRecorded(task);
    if (this.withdrawing()) refuse('INVALID_STATE', WITHDRAWAL_BEING_RECORDED);
    if (task.status !== 'open') refuse('INVALID_STATE', `the task is ${task.status}, not open`);
    if (this.status !== 'in_review' || !this.tracks[task.track].accepting) {
      refuse('INVALID_STATE', `the project is ${this.status}; the ${task.track} track takes no more reviews`);
    }
    if ('review' in req) {
      const problems = reviewProblems(task.track, req.review);
      if (problems.length > 0) refuse('VALIDATION_FAILED', 'the review is incomplete or invalid', problems);
    } else {
      checkUpdate(DeclineBody, { reason: req.reason, conflictOfInterest: req.conflictOfInterest });
    }
  }

  private async submitReview(req: SubmitReviewRequest): Promise<StatusAnswer> {
    const task = this.tasks.find((t) => t.taskId === req.taskId)!;
    const event = this.event('review_submitted', req.reviewerId, { taskId: task.taskId, track: task.track, requestId: req.requestId ?? null });
    const record = { projectId: this.input.projectId, taskId: task.taskId, reviewerId: req.reviewerId, track: task.track, review: req.review, event, status: this.detailAfterAction() };
    const take = (): boolean => {
      task.status = 'submitted';
      this.reviews.push({ ...req.review, taskId: task.taskId, reviewerId: req.reviewerId, track: task.track, submittedAt: event.occurredAt, round: task.round ?? 0 });
      const complete = this.trackOutcome(task.track).status === 'complete';
      if (complete) this.tracks[task.track].accepting = false;
      return complete;
    };
    let complete: boolean;
    if (patched(STATE_AFTER_WRITE)) {
      complete = await this.writeForTask(task, `review_submitted (task ${task.taskId})`, () => activities.recordReview(record), take);
    } else {
      complete = take();
      const accepting = this.tracks[task.track].accepting;
      try {
        await activities.recordReview(record);
      } catch (error) {
        // A project started before state-after-write whose write now fails for good (the classifier
        // makes it non-retryable): put back what take() moved, so no review counts that was never
        // stored. Emits no command, so its history replays as before.
        if (error instanceof ActivityFailure) {
          task.status = 'open';
          this.reviews.splice(this.reviews.findIndex((r) => r.taskId === task.taskId), 1);
          this.tracks[task.track].accepting = accepting || complete;
        }
        throw error;
      }
    }
    // The track has its quorum: the rest of its panel is released at once, not when the others finish.
    if (complete) await this.closeTasks(this.tasks.filter((t) => t.track === task.track && t.status === 'open'), 'cancelled', 'quorum reached');
    return { status: this.status };
  }

  private async decline(req: DeclineRequest): Promise<StatusAnswer> {
    const task = this.tasks.find((t) => t.taskId === req.taskId)!;
    const afterWrite = patched(STATE_AFTER_WRITE);
    const take = () => {
      task.status = 'declined';
      if (req.conflictOfInterest) this.declinedForConflict.add(req.reviewerId);
    };
    if (!afterWrite) take();
    const record = {
      projectId: this.input.projectId,
      taskId: task.taskId,
      reviewerId: req.reviewerId,
      company: this.input.company,
      reason: req.reason,
      conflictOfInterest: req.conflictOfInterest,
      event: this.event('task_declined', req.reviewerId, {
        taskId: task.taskId,
        track: task.track,
        reason: req.reason,
        conflictOfInterest: req.conflictOfInterest,
        requestId: req.requestId ?? null,
      }),
      status: this.detailAfterAction(),
    };
    if (afterWrite) {
      await this.writeForTask(task, `task_declined (task ${task.taskId})`, () => activities.recordDecline(record), take);
    } else {
      try {
        await activities.recordDecline(record);
      } catch (error) {
        // As for a review: the old ordering moved the task first; a write that failed for good puts it back.
        if (error instanceof ActivityFailure) task.status = 'open';
        throw error;
      }
    }
    return { status: this.status };
  }

  // ---- synthesis and decision -------------------------------------------------------------

  private async synthesise(): Promise<void> {
    const outcomes = { expert: this.trackOutcome('expert'), vc: this.trackOutcome('vc'), academic: this.trackOutcome('academic') };
    for (const track of TRACKS) this.tracks[track].accepting = false;
    await this.move('synthesis', this.statusDetail, 'tracks_complete', null, { tracks: outcomes });
    if (this.isOver()) return;
    await this.closeTasks(this.tasks.filter((t) => t.status === 'open'), 'cancelled', 'the review round is over');
    if (this.isOver()) return;
    // Each track counts its latest round only: a re-opened track's new panel replaces the old one.
    const reviews = this.reviews.filter((r) => r.round === this.tracks[r.track].round).map(({ round: _round, ...review }) => review);
    const report = synthesize({ totalInvestment: this.input.totalInvestment, policy: this.policy, reviews, trackOutcomes: outcomes });
    // Awaiting a decision only once the report is stored: a decision must not overtake it.
    const afterWrite = patched(STATE_AFTER_WRITE);
    const take = () => {
      this.report = report;
      // A withdrawal recorded meanwhile is final.
      if (!this.isOver()) this.status = 'awaiting_decision';
    };
    if (!afterWrite) take();
    const synthesis = {
      projectId: this.input.projectId,
      report,
      event: this.event('synthesis_completed', null, { recommendation: report.recommendation, overallScore: report.overallScore }),
      status: { status: 'awaiting_decision' as const, detail: this.statusDetail },
      notify: [this.notice('decision', MANAGERS, `Decision needed: ${this.input.company} (recommendation: ${report.recommendation})`, { recommendation: report.recommendation })],
    };
    await this.durably('synthesis_completed', () => activities.saveSynthesis(synthesis));
    if (afterWrite) take();
  }

  /** Waits for the next decision, with a reminder before the deadline and an escalation at it. */
  private async awaitDecision(): Promise<void> {
    const decided = this.decisions.length;
    const changed = () => this.decisions.length !== decided || !AWAITING_DECISION.includes(this.status);
    const deadline = durationToMs(this.policy.decisionDeadline);
    const reminderBefore = durationToMs(this.policy.reminderBefore);
    const started = Date.now();
    const remindAt = started + (reminderBefore < deadline ? deadline - reminderBefore : deadline / 2);
    if (!(await condition(changed, remindAt - started))) {
      await this.announce('decision_reminder', { due: new Date(started + deadline).toISOString() }, this.notice('decision_reminder', MANAGERS, `Reminder: decision on ${this.input.company} is due`, {}));
    }
    if (!changed() && !(await condition(changed, Math.max(1, started + deadline - Date.now())))) {
      await this.announce('decision_escalated', {}, this.notice('escalation', ADMINS, `Decision on ${this.input.company} is overdue`, { status: this.status }));
    }
    await condition(changed);
  }

  private validateDecision(req: DecisionRequest): void {
    this.checkNothingBeingRecorded();
    if (!AWAITING_DECISION.includes(this.status)) refuse('INVALID_STATE', `the project is ${this.status}, not awaiting a decision`);
    if (req.managerId === this.input.submittedBy) refuse('FORBIDDEN', 'the submitting officer cannot decide on their own project');
    this.checkReviewerNeverDecides(req);
    if (this.status === 'awaiting_second_approval') {
      if (req.outcome === 'request_info') refuse('RULE_VIOLATION', 'a second approval is go or no_go');
      const first = this.decisions[this.decisions.length - 1];
      if (req.outcome === 'go' && first?.managerId === req.managerId) {
        refuse('RULE_VIOLATION', 'the second approval must come from a different manager');
      }
    }
    const { managerId: _manager, requestId: _request, ...decision } = req;
    checkUpdate(DecisionBody, decision);
  }

  private async decide(req: DecisionRequest): Promise<StatusAnswer> {
    this.beingRecorded = 'another decision on this project is being recorded';
    try {
      const next = this.statusAfterDecision(req);
      const decidedAt = new Date().toISOString();
      const reopenTracks = req.outcome === 'request_info' ? [...new Set(req.reopenTracks ?? [])] : [];
      const take = () => {
        this.decisions.push({ managerId: req.managerId, outcome: req.outcome, decidedAt });
        if (req.outcome === 'request_info') {
          this.infoRequests.push({ round: this.infoRequests.length + 1, questions: req.questions ?? [], reopenTracks, answered: false });
        }
        this.status = next;
      };
      const afterWrite = patched(STATE_AFTER_WRITE);
      if (!afterWrite) take();
      const record = {
        projectId: this.input.projectId,
        decisionSeq: afterWrite ? this.decisions.length + 1 : this.decisions.length,
        managerId: req.managerId,
        outcome: req.outcome,
        rationale: req.rationale,
        conditions: req.conditions ?? [],
        questions: req.questions ?? [],
        reopenTracks,
        event: this.event('decision_recorded', req.managerId, { outcome: req.outcome, rationale: req.rationale, reopenTracks, requestId: req.requestId ?? null }),
        status: { status: next, detail: null },
        notify: [this.decisionNotice(req, next)],
      };
      if (afterWrite) {
        await this.write('decision_recorded', () => activities.recordDecision(record));
        take();
      } else {
        await activities.recordDecision(record);
      }
      this.statusDetail = null;
      return { status: next };
    } finally {
      this.beingRecorded = null;
    }
  }

  private decisionNotice(req: DecisionRequest, next: ProjectStatus): NotificationInput {
    if (req.outcome === 'request_info') {
      return this.notice('information_request', this.input.submittedBy, `Information requested on ${this.input.company}`, { questions: req.questions ?? [] });
    }
    if (next === 'awaiting_second_approval') {
      return this.notice('decision', MANAGERS, `Second approval needed: ${this.input.company}`, { firstApprover: req.managerId });
    }
    return this.notice('decision', this.input.submittedBy, `${this.input.company}: ${next}`, { outcome: req.outcome, status: next });
  }

  private statusAfterDecision(req: DecisionRequest): ProjectStatus {
    if (req.outcome === 'no_go') return 'rejected';
    if (req.outcome === 'request_info') return 'information_requested';
    if (this.status === 'awaiting_second_approval') return 'approved';
    return needsDualApproval(this.input.totalInvestment, this.policy) ? 'awaiting_second_approval' : 'approved';
  }

  private validateAnswer(req: InformationRequest): void {
    this.checkNothingBeingRecorded();
    checkUpdate(InformationBody, { answers: req.answers });
    if (this.status !== 'information_requested') refuse('INVALID_STATE', `the project is ${this.status}; no information was requested`);
    if (req.actorId !== this.input.submittedBy) refuse('FORBIDDEN', 'only the submitting officer answers information requests');
  }

  private async answer(req: InformationRequest): Promise<StatusAnswer> {
    const request = this.infoRequests[this.infoRequests.length - 1]!;
    const next: ProjectStatus = request.reopenTracks.length > 0 ? 'in_review' : 'awaiting_decision';
    const take = () => {
      request.answered = true;
      this.status = next;
    };
    const afterWrite = patched(STATE_AFTER_WRITE);
    if (!afterWrite) take();
    const record = {
      projectId: this.input.projectId,
      round: request.round,
      questions: request.questions,
      answers: req.answers,
      answeredBy: req.actorId,
      event: this.event('information_provided', req.actorId, { round: request.round, reopenTracks: request.reopenTracks, requestId: req.requestId ?? null }),
      status: { status: next, detail: null },
      notify: [this.notice('decision', MANAGERS, `${this.input.company}: the officer answered your questions`, { round: request.round })],
    };
    if (afterWrite) {
      await this.recordProjectAction('the answers to this project\'s questions are being recorded', 'information_provided', () => activities.recordInformation(record), take);
    } else {
      await activities.recordInformation(record);
    }
    return { status: next };
  }

  // ---- signing and withdrawal -------------------------------------------------------------

  private validateSigning(req: SigningRequest): void {
    this.checkNothingBeingRecorded();
    if (this.status !== 'approved') refuse('INVALID_STATE', `the project is ${this.status}, not approved`);
    const { actorId: _actor, requestId: _request, ...signing } = req;
    checkUpdate(SigningBody, signing);
    this.checkSignedAfterApproval(req);
  }

  private async sign(req: SigningRequest): Promise<StatusAnswer> {
    const afterWrite = patched(STATE_AFTER_WRITE);
    if (!afterWrite) this.status = 'signed';
    const record = {
      projectId: this.input.projectId,
      actorId: req.actorId,
      signedAt: req.signedAt,
      agreedInvestment: req.agreedInvestment,
      notes: req.notes ?? null,
      event: this.event('signed', req.actorId, { signedAt: req.signedAt, agreedInvestment: req.agreedInvestment, requestId: req.requestId ?? null }),
      status: { status: 'signed' as const, detail: null },
    };
    if (afterWrite) {
      await this.recordProjectAction('the signing of this project is being recorded', 'signed', () => activities.recordSigning(record), () => {
        this.status = 'signed';
      });
    } else {
      await activities.recordSigning(record);
    }
    return { status: 'signed' };
  }

  private validateWithdrawal(req: WithdrawRequest): void {
    this.checkNothingBeingRecorded();
    if (!WITHDRAWABLE.includes(this.status)) refuse('INVALID_STATE', `the project is ${this.status}; it can no longer be withdrawn`);
    checkUpdate(WithdrawBody, { reason: req.reason });
  }

  private async withdraw(req: WithdrawRequest): Promise<StatusAnswer> {
    const data = { reason: req.reason, requestId: req.requestId ?? null };
    if (patched(STATE_AFTER_WRITE)) {
      const change: ProjectChange = {
        projectId: this.input.projectId,
        event: this.event('withdrawn', req.actorId, data),
        status: { status: 'withdrawn', detail: req.reason },
      };
      await this.recordProjectAction(WITHDRAWAL_BEING_RECORDED, 'withdrawn', () => activities.recordTransition(change), () => {
        for (const track of TRACKS) this.tracks[track].accepting = false;
        this.status = 'withdrawn';
        this.statusDetail = req.reason;
      });
    } else {
      for (const track of TRACKS) this.tracks[track].accepting = false;
      await this.move('withdrawn', req.reason, 'withdrawn', req.actorId, data);
    }
    await this.closeTasks(this.tasks.filter((t) => t.status === 'open'), 'cancelled', 'withdrawn');
    return { status: 'withdrawn' };
  }

  // ---- failed steps and their resumption ---------------------------------------------------

  private validateResume(): void {
    this.checkNothingBeingRecorded();
    if (!this.waitingSteps.some((w) => !w.resumed)) refuse('INVALID_STATE', `no step of this project is waiting to be resumed (the project is ${this.status})`);
  }

  /** An admin says the cause is fixed: recorded first, then every waiting step runs again. */
  private async resume(req: ResumeRequest): Promise<StatusAnswer> {
    const steps = this.waitingSteps.filter((w) => !w.resumed);
    const detail = this.detailBeforeFailure;
    const change = {
      projectId: this.input.projectId,
      resumedBy: req.actorId,
      event: this.event('step_resumed', req.actorId, { steps: steps.map((w) => w.step), reason: req.reason, requestId: req.requestId ?? null }),
      status: { status: this.status, detail },
    };
    await this.recordProjectAction('a resumption of this project is being recorded', 'step_resumed', () => activities.recordStepResumed(change), () => {
      this.statusDetail = detail;
      this.waitingSteps = this.waitingSteps.filter((w) => !steps.includes(w));
      for (const waiting of steps) waiting.resumed = true;
    });
    return { status: this.status };
  }

  /**
   * Runs a background step. One that fails for good (a non-retryable failure, or its bounded retries
   * ran out) is reported (timeline, status detail, managers and admins) and waits for an admin to
   * resume it, then runs again with the same input: the step is idempotent, so it is written once.
   * Adds commands only on failure, so histories without one replay unchanged.
   */
  private durably<T>(step: string, run: () => Promise<T>): Promise<T> {
    // Histories from before this change await each activity directly: the wrapper's extra promise
    // hops would reorder the commands of steps that complete in the same workflow task.
    return patched(DURABLE_STEPS) ? this.runDurably(step, run) : run();
  }

  private async runDurably<T>(step: string, run: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        const waiting = { step, resumed: false };
        if (!this.waitingSteps.some((w) => !w.resumed)) this.detailBeforeFailure = this.statusDetail;
        this.waitingSteps.push(waiting);
        await this.reportFailure(step, error, true);
        await condition(() => waiting.resumed);
      }
    }
  }

  /**
   * A project-level action's write, then `take` (the state it moves): other actions are refused
   * until both are done, so nothing sees the write done but the state not yet moved.
   */
  private async recordProjectAction(beingRecorded: string, step: string, run: () => Promise<void>, take: () => void): Promise<void> {
    this.beingRecorded = beingRecorded;
    try {
      await this.write(step, run);
      take();
    } finally {
      this.beingRecorded = null;
    }
  }

  /** A review's or decline's write, then `take`: the task takes no other action (nor expires) until both are done. */
  private async writeForTask<T>(task: TaskView, step: string, run: () => Promise<void>, take: () => T): Promise<T> {
    this.recordingTasks.add(task.taskId);
    try {
      await this.write(step, run);
      return take();
    } finally {
      this.recordingTasks.delete(task.taskId);
    }
  }

  /**
   * The write of an action a person asked for. When it fails for good, nothing has moved: the
   * failure is reported like a background step's, and the action is refused back to its caller with
   * a code the API maps (bad data 400, a broken constraint 409, otherwise STEP_FAILED: 503).
   */
  private async write(step: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
      if (this.failedAction) {
        if (this.statusDetail === this.failedAction.shown) this.statusDetail = this.failedAction.before;
        this.failedAction = null;
      }
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      const { reason, details } = await this.reportFailure(step, error, false);
      const type = refusalCodeFor(failureTypeOf(error));
      throw ApplicationFailure.create({ type, message: `${step} could not be recorded: ${reason}`, details: [details], nonRetryable: true });
    }
  }

  /**
   * Says that a step failed for good: on the timeline, in the status detail, to managers and admins,
   * in the failure count. If even that cannot be written, the failure still stands (the workflow's
   * history and its status detail show it) and a background step still waits for its resume.
   */
  private async reportFailure(step: string, failure: ActivityFailure, awaitsResume: boolean): Promise<{ reason: string; details: FieldProblem[] }> {
    const reason = printable(failure.cause?.message ?? failure.message);
    const failureType = failureTypeOf(failure);
    const cause = failure.cause instanceof ApplicationFailure ? failure.cause : undefined;
    const details = cause && Array.isArray(cause.details?.[0]) ? (cause.details[0] as FieldProblem[]) : [];
    const detail = awaitsResume ? `step ${step} failed: ${reason}; an admin can resume it` : `step ${step} failed: ${reason}; nothing was changed, the action can be sent again`;
    if (!awaitsResume) this.failedAction = { shown: detail, before: this.failedAction && this.statusDetail === this.failedAction.shown ? this.failedAction.before : this.statusDetail };
    this.statusDetail = detail;
    const data = { step, reason, failureType, awaitsResume };
    const subject = `${this.input.company}: step ${step} failed${awaitsResume ? ' and waits for an admin to resume it' : ''}`;
    const record = {
      projectId: this.input.projectId,
      step,
      reason,
      failureType,
      awaitsResume,
      event: this.event('step_failed', null, data),
      status: { status: this.status, detail },
      notify: [this.notice('escalation', MANAGERS, subject, data), this.notice('escalation', ADMINS, subject, data)],
    };
    try {
      await activities.recordStepFailure(record);
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
    }
    return { reason, details };
  }

  /**
   * For a review's or decline's write (which otherwise leaves the status alone): takes down the
   * detail an earlier action's failed write put up, now that an action is recorded again.
   */
  private detailAfterAction(): { status: ProjectStatus; detail: string | null } | undefined {
    if (!this.failedAction || this.statusDetail !== this.failedAction.shown) return undefined;
    return { status: this.status, detail: this.failedAction.before };
  }

  // ---- business checks the validators call ---------------------------------------------------

  private checkTaskNotBeingRecorded(task: TaskView): void {
    if (this.recordingTasks.has(task.taskId)) refuse('INVALID_STATE', 'a submission for this task is being recorded');
  }

  private checkNothingBeingRecorded(): void {
    if (this.beingRecorded) refuse('INVALID_STATE', this.beingRecorded);
  }

  /**
   * One part per person, as the API's partIn sees it: whoever reviewed the project, holds an open task
   * on it, or declined it for a conflict of interest never decides it. A manager whose task expired,
   * was cancelled or was declined for another reason did not review it and may decide.
   */
  private checkReviewerNeverDecides(req: DecisionRequest): void {
    const reviewer = this.tasks.some((t) => t.assigneeId === req.managerId && (t.status === 'submitted' || t.status === 'open'));
    if (reviewer) refuse('FORBIDDEN', 'you are a reviewer of this project; a reviewer never decides it');
    if (this.declinedForConflict.has(req.managerId)) refuse('FORBIDDEN', 'you declared a conflict of interest with this project; you cannot decide it');
  }

  /** An agreement is signed after the approval it follows (the last go decision), never before. */
  private checkSignedAfterApproval(req: SigningRequest): void {
    const approval = [...this.decisions].reverse().find((d) => d.outcome === 'go');
    const signedAt = Date.parse(req.signedAt);
    if (approval && Number.isFinite(signedAt) && signedAt < Date.parse(approval.decidedAt)) {
      refuse('VALIDATION_FAILED', 'the agreement cannot be signed before the approval', [
        { field: 'signedAt', problem: `must not be before the approval (${approval.decidedAt})` },
      ]);
    }
  }

  // ---- plumbing ---------------------------------------------------------------------------

  private async closeTasks(tasks: TaskView[], taskStatus: 'cancelled' | 'expired', reason: string, notify?: NotificationInput[]): Promise<void> {
    const open = tasks.filter((t) => t.status === 'open');
    if (open.length === 0) return;
    for (const task of open) task.status = taskStatus;
    const taskIds = open.map((t) => t.taskId);
    const input = {
      projectId: this.input.projectId,
      taskIds,
      taskStatus,
      event: this.event(taskStatus === 'cancelled' ? 'tasks_cancelled' : 'task_expired', null, { taskIds, reason }),
      notify,
    };
    await this.durably(input.event.type, () => activities.closeTasks(input));
  }

  /** Changes status in memory at once (validators see it), then projects it durably. */
  private async move(
    status: ProjectStatus,
    detail: string | null,
    type: string,
    actorId: string | null,
    data: Record<string, unknown>,
    notify?: NotificationInput[],
  ): Promise<void> {
    // A withdrawal being recorded decides where the project goes next: wait for it (its write may fail).
    if (this.withdrawing()) await condition(() => !this.withdrawing());
    // A final status is final: a step that was already under way (a withdrawal handled while it
    // waited) is still recorded on the timeline, but doesn't move the project again.
    const final = this.isOver();
    if (!final) {
      this.status = status;
      this.statusDetail = detail;
    }
    const change: ProjectChange = {
      projectId: this.input.projectId,
      event: this.event(type, actorId, data),
      status: final ? undefined : { status, detail },
      notify,
    };
    await this.durably(type, () => activities.recordTransition(change));
  }

  /** A timeline event with notifications, without a status change. */
  private async announce(type: string, data: Record<string, unknown>, notification: NotificationInput): Promise<void> {
    const change: ProjectChange = { projectId: this.input.projectId, event: this.event(type, null, data), notify: [notification] };
    await this.durably(type, () => activities.recordTransition(change));
  }

  private event(type: string, actorId: string | null, data: Record<string, unknown>): TimelineEventInput {
    return { seq: ++this.seq, type, actorId, occurredAt: new Date().toISOString(), data };
  }

  /**
   * Keyed by a counter of the workflow's own (deterministic, replayed identically), so the outbox
   * holds each message once however often the step that carries it is retried.
   */
  private notice(kind: NotificationKind, recipient: string, subject: string, payload: Record<string, unknown>): NotificationInput {
    this.notices += 1;
    return { key: `${this.input.projectId}:n${this.notices}`, kind, recipient, subject, payload: { projectId: this.input.projectId, ...payload } };
  }

  private isOver(): boolean {
    return FINAL.includes(this.status);
  }

  private withdrawing(): boolean {
    return this.beingRecorded === WITHDRAWAL_BEING_RECORDED;
  }

  /** Waits for update handlers and for every seat's follow-up, so no assignment is left behind. */
  private async finish(): Promise<WorkflowResult> {
    await condition(() => allHandlersFinished() && TRACKS.every((t) => this.tracks[t].activeSlots === 0));
    return { status: this.status, report: this.report };
  }

  private view(): WorkflowStateView {
    const trackView = (track: Track): TrackView => {
      const state = this.tracks[track];
      const outcome = this.trackOutcome(track);
      const status = outcome.status === 'complete' ? 'complete' : state.accepting ? 'in_review' : state.quorumFailureReported ? 'quorum_failed' : 'closed';
      return { status, round: state.round, required: outcome.required, submitted: outcome.submitted };
    };
    const pending = this.infoRequests.find((r) => !r.answered);
    return {
      projectId: this.input.projectId,
      status: this.status,
      statusDetail: this.statusDetail,
      tasks: this.tasks.map((t) => ({ ...t })),
      tracks: { expert: trackView('expert'), vc: trackView('vc'), academic: trackView('academic') },
      decisions: this.decisions.map((d) => ({ ...d })),
      synthesisReady: this.report !== undefined,
      questions: pending?.questions ?? [],
    };
  }
}
