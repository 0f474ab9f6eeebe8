import { z } from 'zod';
import { SECTORS, TRACKS, durationToMs, isIsoDuration } from '@dueflow/domain';
import type { Policy, Track } from '@dueflow/domain';
import { MoneyInput, closed, int } from './common';

function perTrack<S extends z.ZodType>(value: S) {
  return closed(Object.fromEntries(TRACKS.map((t) => [t, value])) as Record<Track, S>, `with ${TRACKS.join(', ')}`);
}

const DURATION = 'must be a positive ISO-8601 duration such as P14D or PT30S';
const duration = () =>
  z
    .string({ error: DURATION })
    .refine((s) => isIsoDuration(s) && durationToMs(s) > 0, { error: DURATION })
    .describe('ISO-8601 duration, e.g. P14D or PT30S');

const WEIGHT = 'must be a number from 0 to 1';
const SECTOR_LIST = 'must be a non-empty list of sectors, none repeated';

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Runs a cross-field rule whenever the fields it reads are there, even if others are bad. */
const whenObjects = (...keys: string[]) => ({ value }: { value: unknown }) => isRaw(value) && keys.every((k) => isRaw(value[k]));

const policyShape = {
  reviewersPerTrack: perTrack(int(1, 10)),
  quorum: perTrack(int(1, 10)).describe('per track, at most reviewersPerTrack'),
  reviewDeadline: duration(),
  reminderBefore: duration().describe('shorter than reviewDeadline'),
  maxReassignments: int(0, 20),
  decisionDeadline: duration(),
  signingDeadline: duration(),
  dualApprovalThreshold: MoneyInput,
  trackWeights: perTrack(z.number({ error: WEIGHT }).min(0, { error: WEIGHT }).max(1, { error: WEIGHT })).describe('the weights add up to 1'),
  sectors: z
    .array(z.enum(SECTORS, { error: `each must be one of ${SECTORS.join(', ')}` }), { error: SECTOR_LIST })
    .min(1, { error: SECTOR_LIST })
    .refine((s) => new Set(s).size === s.length, { error: SECTOR_LIST }),
  minimumInvestment: MoneyInput,
};

/** The policy's rules between fields, once each field on its own is fine. */
function withPolicyRules<S extends z.ZodType<Raw>>(schema: S): S {
  return schema
    .superRefine((p, ctx) => {
      const quorum = p.quorum as Raw;
      const seats = p.reviewersPerTrack as Raw;
      for (const track of TRACKS) {
        const q = quorum[track];
        const n = seats[track];
        if (typeof q === 'number' && typeof n === 'number' && q > n) ctx.addIssue({ code: 'custom', path: ['quorum', track], message: 'must not exceed reviewersPerTrack' });
      }
    }, { when: whenObjects('quorum', 'reviewersPerTrack') })
    .superRefine((p, ctx) => {
      const [reminder, deadline] = [p.reminderBefore, p.reviewDeadline];
      if (isIsoDuration(reminder) && isIsoDuration(deadline) && durationToMs(reminder) >= durationToMs(deadline)) {
        ctx.addIssue({ code: 'custom', path: ['reminderBefore'], message: 'must be shorter than reviewDeadline' });
      }
    }, { when: ({ value }) => isRaw(value) })
    .superRefine((p, ctx) => {
      const weights = TRACKS.map((t) => (p.trackWeights as Raw)[t]);
      if (weights.every((w) => typeof w === 'number' && w >= 0 && w <= 1) && Math.abs((weights as number[]).reduce((a, b) => a + b, 0) - 1) > 1e-9) {
        ctx.addIssue({ code: 'custom', path: ['trackWeights'], message: 'weights must add up to 1' });
      }
    }, { when: whenObjects('trackWeights') }) as unknown as S;
}

/** The rules a project runs under (what GET /policy shows, without its version). */
export const PolicyBody = withPolicyRules(closed(policyShape, 'describing the policy'));

/**
 * PUT /policy: what GET /policy returned, edited. `version` is the version the edit started from;
 * a newer one in force means someone else changed the policy meanwhile (409).
 */
export const PolicyReplacement = withPolicyRules(
  closed({ version: int(0, 2_147_483_647).describe('the version this edit started from (GET /policy)'), ...policyShape }, 'describing the policy, with its version'),
);

export type PolicyReplacementInput = z.output<typeof PolicyReplacement>;

/** The schema's output is the domain's Policy: a field added to one and not the other stops compiling. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const policyMatches: Same<z.output<typeof PolicyBody>, Policy> = true;
void policyMatches;
