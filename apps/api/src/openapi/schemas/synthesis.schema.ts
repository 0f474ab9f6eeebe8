import { z } from 'zod';
import { RECOMMENDATIONS, SEVERITIES, TRACKS } from '@dueflow/domain';
import type { SynthesisReport as SynthesisReportType } from '@dueflow/domain';
import { Count, Money, Track, Uuid, component, keyed, sameShape } from './registry';

export const Recommendation = component('Recommendation', z.enum(RECOMMENDATIONS));
export const Severity = component('Severity', z.enum(SEVERITIES));

const Score = z.number().min(0).max(5);

const TrackScore = z.object({
  score: Score.nullable(),
  weight: z.number().min(0).max(1),
  reviews: Count,
  recommendations: keyed(RECOMMENDATIONS, Count),
  status: z.enum(['complete', 'quorum_failed']),
});

const MergedRisk = z.object({
  category: z.string(),
  severity: Severity.describe('the highest severity any source gave'),
  sources: z.array(z.object({ track: Track, reviewerId: Uuid, severity: Severity, description: z.string() })),
});

/** The third-party synthesis report (libs/domain synthesis.ts), deterministic to the byte. */
export const SynthesisReport = component(
  'SynthesisReport',
  z.object({
    version: z.literal(1),
    overallScore: Score.nullable(),
    trackScores: keyed(TRACKS, TrackScore),
    riskPoints: z.array(MergedRisk),
    endorsements: z.object({
      vcReviews: Count,
      willing: Count,
      totalAmount: Money,
      firms: z.array(z.object({ reviewerId: Uuid, amount: Money.nullable() })),
    }),
    forecast: z.object({
      outlook: z.enum(['favourable', 'moderate', 'cautious']),
      expectedInvestment: Money,
      realisationRate: z.number().min(0).max(1),
      assumptions: z.array(z.string()),
    }),
    recommendation: Recommendation,
    rules: z.array(z.object({ id: z.string(), description: z.string(), fired: z.boolean() })),
  }),
);
sameShape<z.output<typeof SynthesisReport>, SynthesisReportType>(true);
