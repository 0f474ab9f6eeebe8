import type { DecisionOutcome, Money, ProjectStatus, ReviewInput, Sector, SynthesisReport, Track } from '@dueflow/domain';
import type { TaskView } from './payloads';

/**
 * One audited step of a project. `seq` is assigned by the workflow, so a retried or replayed
 * activity writes the same event once (unique per project and seq).
 */
export interface TimelineEventInput {
  seq: number;
  type: string;
  actorId: string | null;
  occurredAt: string;
  data: Record<string, unknown>;
}

export type NotificationKind =
  | 'assignment'
  | 'reminder'
  | 'escalation'
  | 'quorum_failure'
  | 'decision'
  | 'information_request'
  | 'decision_reminder';

/**
 * A message for the outbox, written in the same transaction as the step that causes it. `key` is
 * unique for the message (derived from project and event seq), so a retried step queues it once.
 */
export interface NotificationInput {
  key: string;
  kind: NotificationKind;
  /** A user id, or `role:<role>` for whoever holds the role. */
  recipient: string;
  subject: string;
  payload: Record<string, unknown>;
}

/** Every activity that changes a project records why (the event) and, when it moves, where to. */
export interface ProjectChange {
  projectId: string;
  event: TimelineEventInput;
  status?: { status: ProjectStatus; detail: string | null };
  notify?: NotificationInput[];
}

export interface AssignReviewersInput extends ProjectChange {
  company: string;
  /** The project's unified social credit code, when it has one: conflicts are matched on it. */
  creditCode?: string;
  sector: Sector;
  track: Track;
  /** The track's review round these slots belong to (0 first, +1 per re-opening), stored on each task. */
  round: number;
  slots: Array<{ slot: number; attempt: number }>;
  excludeReviewerIds: string[];
  dueAt: string;
}

export interface AssignReviewersResult {
  tasks: TaskView[];
  shortfall: number;
}

export interface RecordReviewInput extends ProjectChange {
  taskId: string;
  reviewerId: string;
  track: Track;
  review: ReviewInput;
}

export interface SaveSynthesisInput extends ProjectChange {
  report: SynthesisReport;
}

export interface RecordDecisionInput extends ProjectChange {
  decisionSeq: number;
  reopenTracks: Track[];
  managerId: string;
  outcome: DecisionOutcome;
  rationale: string;
  conditions: string[];
  questions: string[];
}

export interface RecordSigningInput extends ProjectChange {
  actorId: string;
  signedAt: string;
  agreedInvestment: Money;
  notes: string | null;
}

export interface CloseTasksInput extends ProjectChange {
  taskIds: string[];
  taskStatus: 'cancelled' | 'expired';
}

export interface RecordDeclineInput extends ProjectChange {
  taskId: string;
  reviewerId: string;
  company: string;
  reason: string;
  conflictOfInterest: boolean;
}

export interface RecordReminderInput extends ProjectChange {
  taskId: string;
}

export interface RecordInformationInput extends ProjectChange {
  round: number;
  questions: string[];
  answers: string[];
  answeredBy: string;
}

/** Implemented by apps/worker; workflows import this type only. */
export interface DueflowActivities {
  recordTransition(input: ProjectChange): Promise<void>;
  assignReviewers(input: AssignReviewersInput): Promise<AssignReviewersResult>;
  recordReview(input: RecordReviewInput): Promise<void>;
  saveSynthesis(input: SaveSynthesisInput): Promise<void>;
  recordDecision(input: RecordDecisionInput): Promise<void>;
  recordSigning(input: RecordSigningInput): Promise<void>;
  closeTasks(input: CloseTasksInput): Promise<void>;
  recordDecline(input: RecordDeclineInput): Promise<void>;
  recordReminder(input: RecordReminderInput): Promise<void>;
  recordInformation(input: RecordInformationInput): Promise<void>;
  recordStepFailure(input: RecordStepFailureInput): Promise<void>;
  recordStepResumed(input: RecordStepResumedInput): Promise<void>;
}

/**
 * A step that failed for good (its retries ran out, or its failure cannot succeed on retry): said
 * on the timeline (`event`), in the status detail and to managers and admins (`notify`), and kept
 * as a row the metrics count. `awaitsResume` when the workflow waits for an admin to resume it
 * (a background step); false when the failure went back to the caller of an action instead.
 */
export interface RecordStepFailureInput extends ProjectChange {
  step: string;
  reason: string;
  /** The failure's type: a domain code, DATA_EXCEPTION, INTEGRITY_VIOLATION, or the error's name. */
  failureType: string | null;
  awaitsResume: boolean;
}

/** An admin resumed the project's failed steps: the timeline says so and the status detail is restored. */
export interface RecordStepResumedInput extends ProjectChange {
  resumedBy: string;
}
