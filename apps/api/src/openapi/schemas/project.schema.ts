import { z } from 'zod';
import { DECISION_OUTCOMES, PROJECT_SOURCES, PROJECT_STAGES, TRACKS } from '@dueflow/domain';
import type { StatusAnswer as StatusAnswerType } from '@dueflow/contract';
import type { ChainVerdict } from '@dueflow/persistence';
import { Policy } from './policy.schema';
import { Review } from './review.schema';
import { Count, Money, PersonRef, ProjectStatus, Sector, TaskStatus, Timestamp, Uuid, component, keyed, sameShape } from './registry';
import { SynthesisReport } from './synthesis.schema';

/** A project as lists and submissions show it. */
export const ProjectSummary = component(
  'ProjectSummary',
  z.object({
    id: Uuid,
    name: z.string(),
    company: z.string(),
    sector: Sector,
    totalInvestment: Money,
    source: z.enum(PROJECT_SOURCES),
    stage: z.enum(PROJECT_STAGES).nullable(),
    status: ProjectStatus,
    statusDetail: z.string().nullable().describe('why it is where it is: a screening refusal, a track short of reviewers, a lapse'),
    submittedBy: Uuid,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
);
export type ProjectSummary = z.output<typeof ProjectSummary>;

export const ProjectPage = component(
  'ProjectPage',
  z.object({ items: z.array(ProjectSummary), nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last') }),
);

const PanelTask = z.object({
  id: Uuid,
  status: TaskStatus,
  slot: z.int().min(0),
  attempt: z.int().min(0),
  assignee: PersonRef,
  dueAt: Timestamp,
  closedAt: Timestamp.nullable(),
});

/** One review track of a project: its quorum, and the tasks and reviews the caller may see. */
export const TrackPanel = component(
  'TrackPanel',
  z.object({
    status: z.enum(['pending', 'in_review', 'complete', 'short_of_quorum']),
    required: Count,
    submitted: Count,
    tasks: z.array(PanelTask),
    reviews: z.array(Review),
  }),
);
export type TrackPanel = z.output<typeof TrackPanel>;

const Decision = z.object({
  seq: z.int().min(1),
  managerId: Uuid,
  outcome: z.enum(DECISION_OUTCOMES),
  rationale: z.string(),
  conditions: z.array(z.string()),
  questions: z.array(z.string()),
  decidedAt: Timestamp,
});

const Signing = z.object({ signedAt: Timestamp, agreedInvestment: Money, notes: z.string().nullable(), recordedBy: Uuid });

/** The whole project as the caller may see it (reviewers: only their own task and review). */
export const ProjectDetail = component(
  'ProjectDetail',
  ProjectSummary.extend({
    creditCode: z.string().nullable().describe('the company\'s unified social credit code (统一社会信用代码), when the officer gave it'),
    expectedAnnualOutput: Money.nullable(),
    landAreaMu: z.number().min(0).nullable(),
    headcount: Count.nullable(),
    summary: z.string(),
    contact: z.record(z.string(), z.string()).nullable(),
    policyVersion: z.int().min(0),
    policy: Policy.describe('the policy snapshot the project runs under'),
    tracks: keyed(TRACKS, TrackPanel),
    synthesis: SynthesisReport.nullable().describe('once ready, for the panel; null for reviewers'),
    decisions: z.array(Decision),
    signing: Signing.nullable(),
  }),
);
export type ProjectDetail = z.output<typeof ProjectDetail>;

export const TimelineEvent = component(
  'TimelineEvent',
  z.object({
    seq: z.int().min(0),
    type: z.string().describe('submitted, reviewers_assigned, decision_recorded, ... (docs/api-extensions.md)'),
    actor: z.object({ id: Uuid.nullable(), name: z.string().nullable() }).describe('id null: dueflow itself'),
    at: Timestamp,
    data: z.record(z.string(), z.unknown()),
    hash: z.string().describe('this event\'s link in the project\'s audit hash chain'),
  }),
);
export type TimelineEvent = z.output<typeof TimelineEvent>;

export const Timeline = component('Timeline', z.object({ items: z.array(TimelineEvent) }));

/**
 * GET /projects/{id}/timeline/verify. The audit chain is young; its verdict's shape lives here alone,
 * and the compiler points here when ChainVerdict (libs/persistence audit-chain.ts) changes.
 */
export const TimelineVerification = component(
  'TimelineVerification',
  z.object({
    projectId: Uuid,
    valid: z.boolean(),
    events: Count,
    head: z.string().describe('the hash the stored events chain up to'),
    firstBrokenLink: z
      .object({
        position: z.int().min(1).describe('1-based place in append order'),
        seq: z.int().min(0).nullable().describe('null for a head mismatch'),
        reason: z.enum(['content-altered', 'link-broken', 'head-mismatch']),
        expected: z.string(),
        found: z.string(),
      })
      .nullable(),
  }),
);
sameShape<z.output<typeof TimelineVerification>, ChainVerdict & { projectId: string }>(true);

export const ProjectReport = component('ProjectReport', SynthesisReport.extend({ projectId: Uuid, createdAt: Timestamp }));

/** What every process action (review, decision, signing, withdrawal...) answers: the project's status after it. */
export const StatusAnswer = component('StatusAnswer', z.object({ status: ProjectStatus }));
sameShape<z.output<typeof StatusAnswer>, StatusAnswerType>(true);
