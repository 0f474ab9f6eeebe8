import { ApiFailure, type Schemas } from '../../api/client';
import { wordKeys } from '@dueflow/words';

export type Task = Schemas['TaskDetail'];
export type Severity = Schemas['Severity'];
export type Recommendation = Schemas['Recommendation'];
export type DraftBody = Schemas['ReviewDraftRequestBody'];
export type ReviewBody = Schemas['ReviewRequestBody'];

/**
 * A rubric criterion as GET /tasks/{id} sends it. The API also sends what the criterion asks and what
 * each score means (apps/api review.schema.ts), which the generated schema.d.ts does not have yet.
 */
export type Criterion = Schemas['Rubric']['criteria'][number] & {
  description?: string;
  levels?: Array<{ score: number; meaning: string }>;
};

export const SCORES = [1, 2, 3, 4, 5] as const;
export const SEVERITIES: Severity[] = wordKeys('severity');
export const RECOMMENDATIONS: Recommendation[] = wordKeys('recommendation');

export interface RiskRow {
  /** React's key: rows are added and removed anywhere. */
  key: number;
  category: string;
  severity?: Severity;
  description: string;
}

/** The review as the page holds it while the reviewer works on it. */
export interface ReviewState {
  scores: Record<string, number>;
  recommendation?: Recommendation;
  riskPoints: RiskRow[];
  comments: string;
  coInvestment: { willing?: boolean; amount?: number };
}

let nextKey = 1;
export const riskRow = (from: Partial<Omit<RiskRow, 'key'>> = {}): RiskRow => ({ key: nextKey++, category: '', description: '', ...from });

/** The saved draft (or nothing) as the page's state; scores of criteria the rubric no longer has are left out. */
export function fromDraft(draft: Task['draft'], criteria: Criterion[]): ReviewState {
  const keys = new Set(criteria.map((c) => c.key));
  return {
    scores: Object.fromEntries(Object.entries(draft?.scores ?? {}).filter(([k]) => keys.has(k))),
    recommendation: draft?.recommendation,
    riskPoints: (draft?.riskPoints ?? []).map((r) => riskRow({ category: r.category ?? '', severity: r.severity, description: r.description ?? '' })),
    comments: draft?.comments ?? '',
    coInvestment: { willing: draft?.coInvestment?.willing, amount: draft?.coInvestment?.amount?.amount },
  };
}

const blank = (r: RiskRow) => r.category.trim() === '' && r.description.trim() === '' && !r.severity;

/** What PUT /tasks/{id}/draft takes: whatever is filled in so far. */
export function toDraft(state: ReviewState, vc: boolean): DraftBody {
  const body: DraftBody = { scores: state.scores, comments: state.comments };
  if (state.recommendation) body.recommendation = state.recommendation;
  body.riskPoints = state.riskPoints
    .filter((r) => !blank(r))
    .map((r) => ({
      ...(r.category ? { category: r.category } : {}),
      ...(r.severity ? { severity: r.severity } : {}),
      ...(r.description ? { description: r.description } : {}),
    }));
  if (vc && state.coInvestment.willing !== undefined) {
    body.coInvestment = { willing: state.coInvestment.willing };
    if (state.coInvestment.willing && state.coInvestment.amount !== undefined) body.coInvestment.amount = { amount: state.coInvestment.amount, currency: 'CNY' };
  }
  return body;
}

/**
 * What POST /tasks/{id}/review takes, and for each risk point sent the index of its row on the page
 * (rows left entirely empty are not sent), so the API's `riskPoints.<i>.x` problems land on the right row.
 */
export function toReview(state: ReviewState, vc: boolean): { body: ReviewBody; rowOf: number[] } {
  const rowOf: number[] = [];
  const riskPoints: ReviewBody['riskPoints'] = [];
  state.riskPoints.forEach((r, i) => {
    if (blank(r)) return;
    rowOf.push(i);
    // A missing severity is the API's to report ("is required"), next to the field.
    riskPoints.push({ category: r.category.trim(), severity: r.severity as Severity, description: r.description.trim() });
  });
  const body: ReviewBody = { scores: state.scores, recommendation: state.recommendation as Recommendation, riskPoints, comments: state.comments };
  if (vc && state.coInvestment.willing !== undefined) {
    body.coInvestment = { willing: state.coInvestment.willing };
    if (state.coInvestment.willing && state.coInvestment.amount !== undefined) body.coInvestment.amount = { amount: state.coInvestment.amount, currency: 'CNY' };
  }
  return { body, rowOf };
}

/** The API's 409 for a task whose assignment the process has not taken up yet: worth a retry in a moment. */
export function stillBeingAssigned(error: unknown): boolean {
  return error instanceof ApiFailure && error.status === 409 && /still being assigned/i.test(error.message);
}

/** Runs `call`, trying again a few times while the task is still being assigned; `onWait` hears of each wait. */
export async function retryWhileAssigning<T>(call: () => Promise<T>, onWait: (attempt: number) => void, attempts = 5, pauseMs = 3000): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!stillBeingAssigned(error) || attempt >= attempts) throw error;
      onWait(attempt);
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}

/** 14:05 today, else 2026-12-02 14:05. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const today = new Date();
  if (d.toDateString() === today.toDateString()) return time;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}
