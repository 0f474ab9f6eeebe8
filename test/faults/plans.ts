import type { ProjectStatus, Track } from '@dueflow/domain';

/**
 * What the clients will do with one submitted project, fixed before it is submitted, so its final
 * state is known in advance whatever crashes in between.
 */
export type PlanKind =
  | 'sign' // all four reviews, a go, signed
  | 'sign-dual' // at the dual-approval threshold: a go from each manager, signed
  | 'sign-info' // request_info, the officer answers, then a go, signed
  | 'sign-decline' // an expert declines first (a replacement is assigned), then as `sign`
  | 'no-go' // weak reviews, a no_go: rejected
  | 'screened-out' // below the minimum investment: rejected at screening, no reviewers
  | 'withdraw-early' // withdrawn by the officer as soon as the submission is answered
  | 'withdraw-review' // withdrawn after one to three reviews
  | 'withdraw-decision'; // withdrawn while awaiting the decision

export interface Plan {
  kind: PlanKind;
  expected: ProjectStatus;
  /** Reviews the reviewers submit (the panel is 2 expert + 1 vc + 1 academic). */
  reviews: number;
  /** Score given on every criterion: 4 reads as go, 2 as no_go. */
  score: number;
  /** Tasks declined before reviewing (each gets a replacement). */
  declines: number;
  /** Decision outcomes the managers record, in order. */
  decisions: Array<'go' | 'no_go' | 'request_info'>;
  /** Whether the project reaches the synthesis report. */
  synthesis: boolean;
  /** Times the workflow waits for a decision (each may send a reminder and an escalation). */
  decisionRounds: number;
  /** Wait this long after seeing the project await a decision before deciding (some reminders fire). */
  decisionDelayMs: number;
  totalInvestment: number;
}

/** The mix, repeated: every kind appears in any run of 20 projects. */
const PATTERN: PlanKind[] = [
  'sign', 'no-go', 'sign-dual', 'withdraw-early', 'sign', 'sign-info', 'withdraw-review', 'sign-decline', 'sign', 'screened-out',
  'sign', 'no-go', 'withdraw-decision', 'sign', 'sign-dual', 'withdraw-review', 'sign', 'no-go', 'sign-decline', 'withdraw-early',
];

export const PANEL_SIZE = 4;
export const DUAL_APPROVAL_THRESHOLD = 1_000_000_000;
export const MINIMUM_INVESTMENT = 10_000_000;

export function planFor(index: number): Plan {
  const kind = PATTERN[index % PATTERN.length]!;
  // Every third project waits past the decision reminder (policy: reminder 10 s into the wait).
  const decisionDelayMs = index % 3 === 0 ? 12_000 : 0;
  const base: Plan = {
    kind,
    expected: 'signed',
    reviews: PANEL_SIZE,
    score: 4,
    declines: 0,
    decisions: ['go'],
    synthesis: true,
    decisionRounds: 1,
    decisionDelayMs,
    totalInvestment: 300_000_000,
  };
  switch (kind) {
    case 'sign':
      return base;
    case 'sign-dual':
      return { ...base, decisions: ['go', 'go'], decisionRounds: 2, totalInvestment: 1_200_000_000 };
    case 'sign-info':
      return { ...base, decisions: ['request_info', 'go'], decisionRounds: 2 };
    case 'sign-decline':
      return { ...base, declines: 1 };
    case 'no-go':
      return { ...base, expected: 'rejected', score: 2, decisions: ['no_go'] };
    case 'screened-out':
      return { ...base, expected: 'rejected', reviews: 0, decisions: [], synthesis: false, decisionRounds: 0, totalInvestment: 5_000_000 };
    case 'withdraw-early':
      return { ...base, expected: 'withdrawn', reviews: 0, decisions: [], synthesis: false, decisionRounds: 0 };
    case 'withdraw-review':
      return { ...base, expected: 'withdrawn', reviews: 1 + (index % 3), decisions: [], synthesis: false, decisionRounds: 0 };
    case 'withdraw-decision':
      return { ...base, expected: 'withdrawn', decisions: [], decisionRounds: 1, decisionDelayMs: 0 };
  }
}

/** Which track a decline is made on. */
export const DECLINE_TRACK: Track = 'expert';
