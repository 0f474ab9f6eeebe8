/** Core vocabulary of the due-diligence process. Framework-free: imported by workflows too. */

export const TRACKS = ['expert', 'vc', 'academic'] as const;
export type Track = (typeof TRACKS)[number];

export const SECTORS = [
  'high_end_equipment',
  'new_energy_materials',
  'digital_economy',
  'medical_devices',
  'integrated_circuits',
  'artificial_intelligence',
  'robotics',
  'connected_vehicles',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const ROLES = ['officer', 'reviewer', 'manager', 'admin'] as const;

/** The languages a person can use dueflow in (console, e-mail, dossier). */
export const USER_LOCALES = ['zh-CN', 'en'] as const;
export type UserLocale = (typeof USER_LOCALES)[number];
export type Role = (typeof ROLES)[number];

export const PROJECT_SOURCES = ['direct', 'capital_referral', 'industry_chain', 'incubator'] as const;
export type ProjectSource = (typeof PROJECT_SOURCES)[number];

export const PROJECT_STAGES = ['nursery', 'incubator', 'accelerator', 'industrial_community'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STATUSES = [
  'screening',
  'in_review',
  'synthesis',
  'awaiting_decision',
  'information_requested',
  'awaiting_second_approval',
  'approved',
  'signed',
  'rejected',
  'withdrawn',
  'lapsed',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Statuses from which the workflow never moves again. */
export const TERMINAL_STATUSES: readonly ProjectStatus[] = ['signed', 'rejected', 'withdrawn', 'lapsed'];

export const TASK_STATUSES = ['open', 'submitted', 'declined', 'expired', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const RECOMMENDATIONS = ['go', 'conditional', 'no_go'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DECISION_OUTCOMES = ['go', 'no_go', 'request_info'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const CURRENCIES = ['CNY'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Integer yuan. */
export interface Money {
  amount: number;
  currency: Currency;
}

export interface RiskPoint {
  category: string;
  severity: Severity;
  description: string;
}

export interface CoInvestment {
  willing: boolean;
  amount?: Money;
}

/** What a reviewer submits for a task. */
export interface ReviewInput {
  scores: Record<string, number>;
  recommendation: Recommendation;
  riskPoints: RiskPoint[];
  comments: string;
  coInvestment?: CoInvestment;
}

/** A submitted review as the synthesis sees it. */
export interface SubmittedReview extends ReviewInput {
  taskId: string;
  reviewerId: string;
  track: Track;
  submittedAt: string;
}

/** Where a problem was found in an input, named by its dotted path. */
export interface FieldProblem {
  field: string;
  problem: string;
}
