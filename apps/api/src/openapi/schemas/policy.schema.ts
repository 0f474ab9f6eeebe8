import { z } from 'zod';
import { TRACKS } from '@dueflow/domain';
import type { Policy as PolicyType } from '@dueflow/domain';
import { IsoDuration, Money, Sector, component, keyed, sameShape } from './registry';

const perTrack = (value: z.ZodType<number>) => keyed(TRACKS, value);

/** The rules a project runs under, as GET /policy shows them (PUT /policy takes PolicyReplacement from @dueflow/contract). */
export const Policy = component(
  'Policy',
  z.object({
    reviewersPerTrack: perTrack(z.int().min(1).max(10)),
    quorum: perTrack(z.int().min(1).max(10)).describe('per track, at most reviewersPerTrack'),
    reviewDeadline: IsoDuration,
    reminderBefore: IsoDuration.describe('shorter than reviewDeadline'),
    maxReassignments: z.int().min(0).max(20),
    decisionDeadline: IsoDuration,
    signingDeadline: IsoDuration,
    dualApprovalThreshold: Money,
    trackWeights: perTrack(z.number().min(0).max(1)).describe('the weights add up to 1'),
    sectors: z.array(Sector).min(1),
    minimumInvestment: Money,
  }),
);
sameShape<z.output<typeof Policy>, PolicyType>(true);

export const PolicyVersion = component('PolicyVersion', Policy.extend({ version: z.int().min(0) }));
