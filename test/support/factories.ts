import { randomUUID } from 'node:crypto';
import { RUBRICS, Track } from '@dueflow/domain';

export const OFFICER = 'officer@dueflow.local';
export const MANAGER = 'manager@dueflow.local';
export const MANAGER_2 = 'manager2@dueflow.local';
export const ADMIN = 'admin@dueflow.local';
export const REVIEWERS = [
  'expert1@dueflow.local',
  'expert2@dueflow.local',
  'vc1@dueflow.local',
  'vc2@dueflow.local',
  'academic1@dueflow.local',
  'academic2@dueflow.local',
];

/** A valid project body; each call names a new company so assignments never collide across tests. */
export function projectBody(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8);
  return {
    name: `Precision reducer line ${tag}`,
    company: `Harmonic Drives ${tag} Co., Ltd.`,
    sector: 'robotics',
    totalInvestment: { amount: 300_000_000, currency: 'CNY' },
    expectedAnnualOutput: { amount: 500_000_000, currency: 'CNY' },
    landAreaMu: 40,
    headcount: 220,
    source: 'industry_chain',
    stage: 'accelerator',
    summary: 'Harmonic reducers for industrial robot joints; pilot line running, seeking a production base.',
    contact: { name: 'Li Wei', email: `li.wei.${tag}@example.com` },
    ...overrides,
  };
}

/**
 * The answer to a review or decline of a task that `GET /tasks` lists but its workflow has not
 * taken in yet: 409 "the task is still being assigned; retry in a few seconds". Retry it.
 */
export function stillBeingAssigned(res: { status: number; body?: { message?: unknown } | null }): boolean {
  return res.status === 409 && /still being assigned/.test(String(res.body?.message));
}

/** A complete review for the track's rubric, every criterion scored. */
export function reviewBody(track: Track, score = 4, overrides: Record<string, unknown> = {}) {
  const scores = Object.fromEntries(RUBRICS[track].criteria.map((c) => [c.key, score]));
  return {
    scores,
    recommendation: score >= 4 ? 'go' : score <= 2 ? 'no_go' : 'conditional',
    riskPoints: [{ category: 'Supply chain', severity: 'medium', description: 'Single supplier for precision bearings.' }],
    comments: `Reviewed on the ${track} track.`,
    ...(track === 'vc' ? { coInvestment: { willing: true, amount: { amount: 20_000_000, currency: 'CNY' } } } : {}),
    ...overrides,
  };
}
