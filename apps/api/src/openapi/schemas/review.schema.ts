import { z } from 'zod';
import { MAX_SCORE, MIN_SCORE } from '@dueflow/domain';
import type { LocalizedRubric } from '@dueflow/domain';
import { Money, Timestamp, Track, Uuid, component, sameShape } from './registry';
import { Recommendation, Severity } from './synthesis.schema';

export const RiskPoint = component('RiskPoint', z.object({ category: z.string(), severity: Severity, description: z.string() }));

export const CoInvestment = component('CoInvestment', z.object({ willing: z.boolean(), amount: Money.optional() }));

/** A submitted review, as its reviewer and the project's panel see it. */
export const Review = component(
  'Review',
  z.object({
    id: Uuid,
    taskId: Uuid,
    reviewerId: Uuid.optional().describe('omitted for the project\'s officer: reviewers are anonymous to the submitter'),
    track: Track,
    round: z.int().min(0).describe('the track\'s review round the review belongs to: 0 first, +1 each time the track is re-opened'),
    scores: z.record(z.string(), z.int().min(MIN_SCORE).max(MAX_SCORE)).describe('criterion key → score'),
    recommendation: Recommendation,
    riskPoints: z.array(RiskPoint),
    comments: z.string(),
    coInvestment: CoInvestment.optional(),
    submittedAt: Timestamp,
  }),
);
export type Review = z.output<typeof Review>;

/** The criteria a track's review is scored on, in the reader's language (their account's `locale`). */
export const Rubric = component(
  'Rubric',
  z.object({
    track: Track,
    version: z.int().min(1),
    criteria: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        weight: z.number().min(0).max(1),
        description: z.string().describe('what the criterion asks'),
        levels: z.array(z.object({ score: z.int().min(MIN_SCORE).max(MAX_SCORE), meaning: z.string() })).describe('what each score means, 1 to 5'),
      }),
    ),
  }),
);
sameShape<z.output<typeof Rubric>, LocalizedRubric>(true);

/** The assignee's review in progress (PUT /tasks/{id}/draft): any part of a review, as last saved. */
export const ReviewDraft = component(
  'ReviewDraft',
  z.object({
    taskId: Uuid,
    scores: z.record(z.string(), z.int().min(MIN_SCORE).max(MAX_SCORE)).optional().describe('criterion key → score, for the criteria scored so far'),
    recommendation: Recommendation.optional(),
    riskPoints: z.array(z.object({ category: z.string().optional(), severity: Severity.optional(), description: z.string().optional() })).optional(),
    comments: z.string().optional(),
    coInvestment: z
      .object({ willing: z.boolean().optional(), amount: z.object({ amount: z.int().min(0).optional(), currency: Money.shape.currency.optional() }).optional() })
      .optional(),
    savedAt: Timestamp,
  }),
);
