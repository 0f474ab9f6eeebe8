import { z } from 'zod';
import {
  MAX_CATEGORY_LENGTH,
  MAX_COMMENTS_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_RISK_POINTS,
  MAX_SCORE,
  MIN_SCORE,
  RECOMMENDATIONS,
  RUBRICS,
  SEVERITIES,
  TASK_STATUSES,
  TRACKS,
  Track,
  rubricProblems,
} from '@dueflow/domain';
import type { FieldProblem } from '@dueflow/domain';
import { MoneyInput, bool, closed, int, oneOf, uuid } from './common';
import { checkRequest } from './check';
import { text } from './text';

export const ListTasksQuery = closed(
  {
    status: oneOf(TASK_STATUSES).optional(),
    projectId: uuid().optional(),
    track: oneOf(TRACKS).optional(),
  },
  'of query parameters',
);

export const RiskPointInput = closed(
  {
    category: text({ min: 1, max: MAX_CATEGORY_LENGTH }),
    severity: oneOf(SEVERITIES),
    description: text({ min: 1, max: MAX_DESCRIPTION_LENGTH }),
  },
  '{category, severity, description}',
);

export const CoInvestmentInput = closed({ willing: bool(), amount: MoneyInput.optional() }, '{willing, amount?}').refine((c) => c.willing || c.amount === undefined, {
  path: ['amount'],
  error: 'is only allowed when willing is true',
});

/**
 * A review. Whether its scores fit the task's rubric (every criterion of the track, nothing else)
 * depends on the task, so reviewProblems() adds the domain's rubric rules to this shape.
 */
export const ReviewBody = closed(
  {
    // Which keys and what range is the rubric's rule (rubricProblems), checked with the task's track
    // so that a missing criterion and an out-of-range one are reported together; the document says it.
    scores: z
      .record(z.string(), z.unknown(), { error: 'must be an object of criterion scores' })
      .meta({ description: "every criterion key of the task's rubric, each scored", additionalProperties: { type: 'integer', minimum: MIN_SCORE, maximum: MAX_SCORE } }),
    recommendation: oneOf(RECOMMENDATIONS),
    riskPoints: z
      .array(RiskPointInput, { error: `must be an array of at most ${MAX_RISK_POINTS} risk points` })
      .max(MAX_RISK_POINTS, { error: `must have at most ${MAX_RISK_POINTS} entries` }),
    comments: text({ max: MAX_COMMENTS_LENGTH }),
    coInvestment: CoInvestmentInput.optional(),
  },
  '{scores, recommendation, riskPoints, comments, coInvestment?}',
);

/** The longest criterion key a draft may name (the rubrics' keys are far shorter); unknown keys are refused by the task's rubric. */
const MAX_CRITERION_KEY_LENGTH = 64;
/** More criteria than any rubric has; the task's rubric refuses the keys it does not know. */
const MAX_DRAFT_SCORES = 20;

/**
 * A review in progress (PUT /tasks/{id}/draft): any part of a ReviewBody, nested objects partial
 * too, with the same text rule and limits, so a draft is bounded like the review it will become.
 * Unknown fields are refused; which score keys exist is the task's rubric (draftProblems).
 */
export const ReviewDraftBody = closed(
  {
    scores: z
      .record(z.string().max(MAX_CRITERION_KEY_LENGTH, { error: `must be a criterion key of at most ${MAX_CRITERION_KEY_LENGTH} characters` }), int(MIN_SCORE, MAX_SCORE), {
        error: 'must be an object of criterion scores',
      })
      .refine((scores) => Object.keys(scores).length <= MAX_DRAFT_SCORES, { error: `must score at most ${MAX_DRAFT_SCORES} criteria` })
      .optional(),
    recommendation: oneOf(RECOMMENDATIONS).optional(),
    riskPoints: z
      .array(
        closed(
          {
            category: text({ max: MAX_CATEGORY_LENGTH }).optional(),
            severity: oneOf(SEVERITIES).optional(),
            description: text({ max: MAX_DESCRIPTION_LENGTH }).optional(),
          },
          '{category?, severity?, description?}',
        ),
        { error: `must be an array of at most ${MAX_RISK_POINTS} risk points` },
      )
      .max(MAX_RISK_POINTS, { error: `must have at most ${MAX_RISK_POINTS} entries` })
      .optional(),
    comments: text({ max: MAX_COMMENTS_LENGTH }).optional(),
    coInvestment: closed(
      {
        willing: bool().optional(),
        amount: closed(
          {
            amount: MoneyInput.shape.amount.optional(),
            currency: MoneyInput.shape.currency.optional(),
          },
          '{amount?, currency?}',
        ).optional(),
      },
      '{willing?, amount?}',
    ).optional(),
  },
  '{scores?, recommendation?, riskPoints?, comments?, coInvestment?}',
);

export const DeclineBody = closed({ reason: text({ min: 1, max: 2000 }), conflictOfInterest: bool() }, '{reason, conflictOfInterest}');

export type ListTasksInput = z.output<typeof ListTasksQuery>;
export type ReviewBodyInput = z.output<typeof ReviewBody>;
export type DeclineInput = z.output<typeof DeclineBody>;
export type ReviewDraftInput = z.output<typeof ReviewDraftBody>;

/** Every problem with a review for a task of `track`: its shape, then the rubric; one per field. */
export function reviewProblems(track: Track, review: unknown): FieldProblem[] {
  const checked = checkRequest(ReviewBody, review);
  const problems = checked.ok ? rubricProblems(track, checked.value) : [...checked.problems, ...rubricProblems(track, review)];
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
}

/** A draft's score keys that the rubric of a task of `track` does not have; the rest is the schema's. */
export function draftProblems(track: Track, draft: ReviewDraftInput): FieldProblem[] {
  const known = new Set(RUBRICS[track].criteria.map((c) => c.key));
  return Object.keys(draft.scores ?? {})
    .filter((key) => !known.has(key))
    .map((key) => ({ field: `scores.${key}`, problem: `is not a criterion of the ${track} rubric` }));
}
