import type {
  DecisionOutcome,
  Money,
  Policy,
  ProjectStatus,
  ReviewInput,
  Sector,
  SynthesisReport,
  TaskStatus,
  Track,
} from '@dueflow/domain';

export interface DueDiligenceInput {
  projectId: string;
  company: string;
  /** The company's unified social credit code, normalised, when the officer gave one. */
  creditCode?: string;
  sector: Sector;
  totalInvestment: Money;
  submittedBy: string;
  /** The policy snapshot the project was submitted under. */
  policy: Policy;
  requestId?: string;
}

export interface TaskView {
  taskId: string;
  /** Review round of the track: 0 first, +1 each time a manager re-opens the track. */
  round?: number;
  track: Track;
  slot: number;
  attempt: number;
  assigneeId: string;
  status: TaskStatus;
  dueAt: string;
}

export interface DecisionView {
  managerId: string;
  outcome: DecisionOutcome;
  decidedAt: string;
}

/** What the getState query answers: where the workflow is, from its own memory. */
export interface WorkflowStateView {
  projectId: string;
  status: ProjectStatus;
  statusDetail: string | null;
  tasks: TaskView[];
  tracks: Record<Track, TrackView>;
  decisions: DecisionView[];
  synthesisReady: boolean;
  /** Open questions while information is requested. */
  questions: string[];
}

export interface SubmitReviewRequest {
  taskId: string;
  reviewerId: string;
  review: ReviewInput;
  requestId?: string;
}

export interface DecisionRequest {
  managerId: string;
  outcome: DecisionOutcome;
  rationale: string;
  conditions?: string[];
  questions?: string[];
  /** With request_info: tracks to review again once the answers arrive. */
  reopenTracks?: Track[];
  requestId?: string;
}

export interface DeclineRequest {
  taskId: string;
  reviewerId: string;
  reason: string;
  conflictOfInterest: boolean;
  requestId?: string;
}

export interface InformationRequest {
  actorId: string;
  answers: string[];
  requestId?: string;
}

export interface TrackView {
  status: 'in_review' | 'complete' | 'quorum_failed' | 'closed';
  round: number;
  required: number;
  submitted: number;
}

export interface SigningRequest {
  actorId: string;
  signedAt: string;
  agreedInvestment: Money;
  notes?: string;
  requestId?: string;
}

export interface WithdrawRequest {
  actorId: string;
  reason: string;
  requestId?: string;
}

export interface StatusAnswer {
  status: ProjectStatus;
}

export interface WorkflowResult {
  status: ProjectStatus;
  report?: SynthesisReport;
}

/** An admin's word that the cause of a failed step is fixed: the workflow runs the step again. */
export interface ResumeRequest {
  actorId: string;
  /** What was fixed, for the timeline. */
  reason: string;
  requestId?: string;
}
