import { z } from 'zod';
import { DECISION_OUTCOMES, PROJECT_SOURCES, PROJECT_STAGES, PROJECT_STATUSES, SECTORS, TRACKS, creditCodeProblem, normalizeCreditCode } from '@dueflow/domain';
import { MoneyInput, closed, email, int, money, oneOf, pageParameters } from './common';
import { text, texts } from './text';

/** A unified social credit code (统一社会信用代码), check character verified; stored upper-case. */
export const creditCode = () =>
  z
    .string({ error: 'must be a string' })
    .overwrite(normalizeCreditCode)
    .superRefine((value, ctx) => {
      const problem = creditCodeProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({ minLength: 18, maxLength: 18, description: 'unified social credit code (统一社会信用代码), 18 characters with its check character' });

export const ContactInput = closed(
  {
    name: text({ max: 200 }).optional(),
    email: email().optional(),
    phone: text({ max: 50 }).optional(),
    title: text({ max: 200 }).optional(),
  },
  '{name?, email?, phone?, title?}',
);

export const CreateProjectRequest = closed(
  {
    name: text({ min: 1, max: 200 }),
    company: text({ min: 1, max: 200 }),
    creditCode: creditCode().optional(),
    sector: oneOf(SECTORS),
    totalInvestment: MoneyInput,
    expectedAnnualOutput: MoneyInput.optional(),
    landAreaMu: z
      .number({ error: 'must be a number from 0 to 1000000' })
      .min(0, { error: 'must be a number from 0 to 1000000' })
      .max(1_000_000, { error: 'must be a number from 0 to 1000000' })
      .optional(),
    headcount: int(0, 10_000_000).optional(),
    source: oneOf(PROJECT_SOURCES),
    stage: oneOf(PROJECT_STAGES).optional(),
    summary: text({ min: 1, max: 10_000 }),
    contact: ContactInput.optional(),
  },
  'describing the project',
);

/** Query strings arrive as text: `limit` is read as a number, anything else refused. */
export const ListProjectsQuery = closed(
  {
    status: oneOf(PROJECT_STATUSES).optional(),
    sector: oneOf(SECTORS).optional(),
    ...pageParameters(),
  },
  'of query parameters',
);

const ONE_QUESTION = 'must list at least one question when requesting information';

export const DecisionBody = closed(
  {
    outcome: oneOf(DECISION_OUTCOMES),
    rationale: text({ min: 1, max: 10_000 }),
    conditions: texts({ max: 2000 }, { max: 50 }).optional(),
    questions: texts({ min: 1, max: 2000 }, { max: 50 }).optional(),
    reopenTracks: z
      .array(oneOf(TRACKS), { error: `must be an array of tracks (${TRACKS.join(', ')})` })
      .max(TRACKS.length, { error: `must list each of ${TRACKS.join(', ')} at most once` })
      .refine((tracks) => new Set(tracks).size === tracks.length, { error: `must list each of ${TRACKS.join(', ')} at most once` })
      .optional(),
  },
  '{outcome, rationale, conditions?, questions?, reopenTracks?}',
).refine((d) => d.outcome !== 'request_info' || (d.questions?.length ?? 0) > 0, {
  path: ['questions'],
  error: ONE_QUESTION,
  // Checked even when another field is bad, so the caller learns every problem at once.
  when: ({ value }) => typeof value === 'object' && value !== null && (value as { outcome?: unknown }).outcome === 'request_info',
});

export const InformationBody = closed({ answers: texts({ min: 1, max: 10_000 }, { min: 1, max: 50 }) }, '{answers}');

/** How far ahead of this server's clock a signing date may be: clock skew between offices, not a post-dated agreement. */
export const SIGNING_CLOCK_SKEW_MS = 5 * 60_000;

export const SigningBody = closed(
  {
    signedAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO-8601 date-time' })
      .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'must be an ISO-8601 date-time' })
      // Date.now() is the workflow's clock inside its Update validator: deterministic there.
      .refine((s) => !(Date.parse(s) > Date.now() + SIGNING_CLOCK_SKEW_MS), { error: 'must not be in the future' }),
    agreedInvestment: money({ min: 1 }),
    notes: text({ max: 10_000 }).optional(),
  },
  '{signedAt, agreedInvestment, notes?}',
);

export const WithdrawBody = closed({ reason: text({ min: 1, max: 2000 }) }, '{reason}');

/** An admin's resumption of a project's failed step: what was fixed, kept on the timeline. */
export const ResumeBody = closed({ reason: text({ min: 1, max: 2000 }) }, '{reason}');

export type CreateProjectInput = z.output<typeof CreateProjectRequest>;
export type ListProjectsInput = z.output<typeof ListProjectsQuery>;
export type DecisionInput = z.output<typeof DecisionBody>;
export type InformationInput = z.output<typeof InformationBody>;
export type SigningInput = z.output<typeof SigningBody>;
export type WithdrawInput = z.output<typeof WithdrawBody>;
export type ResumeInput = z.output<typeof ResumeBody>;
