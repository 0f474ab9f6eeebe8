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
  sector: Sector;
  totalInvestment: Money;
  submittedBy: string;
  /** The policy snapshot the project was submitted under. */
  policy: Policy;
  requestId?: string;
}

export interface TaskView {
  taskId: string;
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
  decisions: DecisionView[];
  synthesisReady: boolean;
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
  requestId?: string;
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
