import { DomainError } from './errors';
import { FieldProblem, TRACKS, Track } from './types';

export interface RubricCriterion {
  key: string;
  label: string;
  weight: number;
}

export interface Rubric {
  track: Track;
  version: number;
  criteria: RubricCriterion[];
}

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
export const MAX_RISK_POINTS = 50;
export const MAX_CATEGORY_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_COMMENTS_LENGTH = 10000;

function rubric(track: Track, criteria: Array<[key: string, label: string, weight: number]>): Rubric {
  // Frozen: workflows share this module, so nothing may mutate it between runs.
  return Object.freeze({
    track,
    version: 1,
    criteria: Object.freeze(criteria.map(([key, label, weight]) => Object.freeze({ key, label, weight }))) as RubricCriterion[],
  });
}

/** Version 1 of each track's rubric; weights within a rubric add up to 1. */
export const RUBRICS: Record<Track, Rubric> = Object.freeze({
  expert: rubric('expert', [
    ['technology', 'Technology maturity and differentiation', 0.3],
    ['market', 'Market size and demand', 0.2],
    ['industry_chain_fit', "Fit with the park's industry chain", 0.2],
    ['team', 'Management and engineering team', 0.15],
    ['feasibility', 'Feasibility of the investment plan', 0.15],
  ]),
  vc: rubric('vc', [
    ['business_model', 'Business model', 0.25],
    ['financials', 'Financial health and projections', 0.2],
    ['valuation', 'Valuation', 0.2],
    ['exit', 'Exit prospects', 0.15],
    ['capital_endorsement', 'Endorsement by capital markets', 0.2],
  ]),
  academic: rubric('academic', [
    ['novelty', 'Scientific novelty', 0.25],
    ['ip_strength', 'Strength of intellectual property', 0.2],
    ['research_team', 'Research team', 0.2],
    ['technology_readiness', 'Technology readiness level', 0.2],
    ['talent', 'Talent pipeline and academic ties', 0.15],
  ]),
});

export function rubricFor(track: Track): Rubric {
  // Guard: callers at the edge may hand over an unchecked string.
  if (!TRACKS.includes(track)) throw new DomainError('VALIDATION_FAILED', `unknown track: ${String(track)}`, [{ field: 'track', problem: `must be one of ${TRACKS.join(', ')}` }]);
  return RUBRICS[track];
}

/**
 * Round half up to 2 decimals. Goes through 12 significant digits first so binary noise
 * (3.825 stored as 3.82499999…) rounds the way a person computing by hand would.
 */
export function roundTo2(value: number): number {
  const rounded = Math.round(Number((value * 100).toPrecision(12))) / 100;
  return rounded === 0 ? 0 : rounded; // never -0
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

function isValidScore(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE;
}

function scoreProblems(track: Track, scores: unknown): FieldProblem[] {
  if (!isRecord(scores)) return [{ field: 'scores', problem: 'must be an object of criterion scores' }];
  const problems: FieldProblem[] = [];
  const criteria = RUBRICS[track].criteria;
  for (const { key } of criteria) {
    if (!has(scores, key)) problems.push({ field: `scores.${key}`, problem: 'is required' });
    else if (!isValidScore(scores[key])) {
      problems.push({ field: `scores.${key}`, problem: `must be an integer from ${MIN_SCORE} to ${MAX_SCORE}` });
    }
  }
  for (const key of Object.keys(scores)) {
    if (!criteria.some((c) => c.key === key)) {
      problems.push({ field: `scores.${key}`, problem: `is not a criterion of the ${track} rubric` });
    }
  }
  return problems;
}

/**
 * The rules a review must meet for a task of `track` beyond its shape (the shape — types, lengths,
 * the text rule, unknown fields — is ReviewBody in @dueflow/contract, checked first): every criterion
 * of the track's rubric scored 1-5 and no other, and a co-investment only on the vc track.
 */
export function rubricProblems(track: Track, review: unknown): FieldProblem[] {
  rubricFor(track);
  if (!isRecord(review)) return [];
  const problems = has(review, 'scores') ? scoreProblems(track, review.scores) : [];
  if (has(review, 'coInvestment') && track !== 'vc') problems.push({ field: 'coInvestment', problem: 'is only for the vc track' });
  return problems;
}


/**
 * sum(weight * score) / sum(weight) over the track's criteria, rounded to 2 decimals.
 * Throws on a missing or out-of-range criterion: reviews are validated before they are scored,
 * so this is a bug, and a wrong number in a report would be worse than a failure.
 */
export function weightedScore(track: Track, scores: Record<string, number>): number {
  const { criteria } = rubricFor(track);
  const problems = scoreProblems(track, scores).filter((p) => !p.problem.startsWith('is not a criterion'));
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', `scores do not fit the ${track} rubric`, problems);
  let weighted = 0;
  let totalWeight = 0;
  for (const { key, weight } of criteria) {
    weighted += weight * scores[key];
    totalWeight += weight;
  }
  return roundTo2(weighted / totalWeight);
}
