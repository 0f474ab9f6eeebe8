import { isIsoDuration, durationToMs } from './duration';
import { CURRENCIES, FieldProblem, Money, SECTORS, Sector, TRACKS, Track } from './types';

/** The rules a project is run under. A project keeps the snapshot it was submitted with. */
export interface Policy {
  reviewersPerTrack: Record<Track, number>;
  quorum: Record<Track, number>;
  reviewDeadline: string;
  reminderBefore: string;
  maxReassignments: number;
  decisionDeadline: string;
  signingDeadline: string;
  dualApprovalThreshold: Money;
  trackWeights: Record<Track, number>;
  sectors: Sector[];
  minimumInvestment: Money;
}

export const DEFAULT_POLICY: Policy = {
  reviewersPerTrack: { expert: 2, vc: 1, academic: 1 },
  quorum: { expert: 2, vc: 1, academic: 1 },
  reviewDeadline: 'P14D',
  reminderBefore: 'P2D',
  maxReassignments: 2,
  decisionDeadline: 'P7D',
  signingDeadline: 'P90D',
  dualApprovalThreshold: { amount: 1_000_000_000, currency: 'CNY' },
  trackWeights: { expert: 0.4, vc: 0.35, academic: 0.25 },
  sectors: [...SECTORS],
  minimumInvestment: { amount: 10_000_000, currency: 'CNY' },
};

const DURATION_FIELDS = ['reviewDeadline', 'reminderBefore', 'decisionDeadline', 'signingDeadline'] as const;
const KNOWN_FIELDS = new Set<string>(Object.keys(DEFAULT_POLICY));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function moneyProblems(value: unknown, field: string): FieldProblem[] {
  if (!isRecord(value)) return [{ field, problem: 'must be an object {amount, currency}' }];
  const problems: FieldProblem[] = [];
  const { amount, currency } = value;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    problems.push({ field: `${field}.amount`, problem: 'must be a non-negative integer (yuan)' });
  }
  if (!CURRENCIES.includes(currency as never)) {
    problems.push({ field: `${field}.currency`, problem: `must be one of ${CURRENCIES.join(', ')}` });
  }
  for (const key of Object.keys(value)) {
    if (key !== 'amount' && key !== 'currency') problems.push({ field: `${field}.${key}`, problem: 'is not a known field' });
  }
  return problems;
}

function perTrackIntegers(value: unknown, field: string, min: number, max: number): FieldProblem[] {
  if (!isRecord(value)) return [{ field, problem: `must be an object with ${TRACKS.join(', ')}` }];
  const problems: FieldProblem[] = [];
  for (const track of TRACKS) {
    const n = value[track];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      problems.push({ field: `${field}.${track}`, problem: `must be an integer from ${min} to ${max}` });
    }
  }
  for (const key of Object.keys(value)) {
    if (!TRACKS.includes(key as Track)) problems.push({ field: `${field}.${key}`, problem: 'is not a track' });
  }
  return problems;
}

/** Every problem with a candidate policy; empty when it is valid. */
export function validatePolicy(candidate: unknown): FieldProblem[] {
  if (!isRecord(candidate)) return [{ field: '', problem: 'policy must be an object' }];
  const p = candidate;
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(p)) {
    if (!KNOWN_FIELDS.has(key)) problems.push({ field: key, problem: 'is not a known field' });
  }
  problems.push(...perTrackIntegers(p.reviewersPerTrack, 'reviewersPerTrack', 1, 10));
  problems.push(...perTrackIntegers(p.quorum, 'quorum', 1, 10));
  if (isRecord(p.quorum) && isRecord(p.reviewersPerTrack)) {
    for (const track of TRACKS) {
      const q = p.quorum[track];
      const n = p.reviewersPerTrack[track];
      if (typeof q === 'number' && typeof n === 'number' && q > n) {
        problems.push({ field: `quorum.${track}`, problem: 'must not exceed reviewersPerTrack' });
      }
    }
  }
  for (const field of DURATION_FIELDS) {
    if (!isIsoDuration(p[field]) || durationToMs(p[field] as string) <= 0) {
      problems.push({ field, problem: 'must be a positive ISO-8601 duration such as P14D or PT30S' });
    }
  }
  if (isIsoDuration(p.reminderBefore) && isIsoDuration(p.reviewDeadline)) {
    if (durationToMs(p.reminderBefore) >= durationToMs(p.reviewDeadline)) {
      problems.push({ field: 'reminderBefore', problem: 'must be shorter than reviewDeadline' });
    }
  }
  const maxReassignments = p.maxReassignments;
  if (typeof maxReassignments !== 'number' || !Number.isInteger(maxReassignments) || maxReassignments < 0 || maxReassignments > 20) {
    problems.push({ field: 'maxReassignments', problem: 'must be an integer from 0 to 20' });
  }
  problems.push(...moneyProblems(p.dualApprovalThreshold, 'dualApprovalThreshold'));
  problems.push(...moneyProblems(p.minimumInvestment, 'minimumInvestment'));
  if (!isRecord(p.trackWeights)) {
    problems.push({ field: 'trackWeights', problem: `must be an object with ${TRACKS.join(', ')}` });
  } else {
    const weights = p.trackWeights;
    let sum = 0;
    for (const track of TRACKS) {
      const w = weights[track];
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 1) {
        problems.push({ field: `trackWeights.${track}`, problem: 'must be a number from 0 to 1' });
      } else sum += w;
    }
    for (const key of Object.keys(weights)) {
      if (!TRACKS.includes(key as Track)) problems.push({ field: `trackWeights.${key}`, problem: 'is not a track' });
    }
    if (problems.every((x) => !x.field.startsWith('trackWeights')) && Math.abs(sum - 1) > 1e-9) {
      problems.push({ field: 'trackWeights', problem: 'weights must add up to 1' });
    }
  }
  if (!Array.isArray(p.sectors) || p.sectors.length === 0) {
    problems.push({ field: 'sectors', problem: 'must be a non-empty list of sectors' });
  } else {
    p.sectors.forEach((s, i) => {
      if (!SECTORS.includes(s as Sector)) problems.push({ field: `sectors.${i}`, problem: `must be one of ${SECTORS.join(', ')}` });
    });
    if (new Set(p.sectors).size !== p.sectors.length) problems.push({ field: 'sectors', problem: 'must not repeat a sector' });
  }
  return problems;
}
