import { Money, SECTORS, Sector, Track } from './types';

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

// The policy's validation rules are its schema, PolicyBody in @dueflow/contract: one definition for
// the API, the OpenAPI document and the fuzzer.
