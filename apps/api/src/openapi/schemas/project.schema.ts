import { z } from 'zod';
import { DECISION_OUTCOMES, PROJECT_SOURCES, PROJECT_STAGES, TRACKS } from '@dueflow/domain';
import type { StatusAnswer as StatusAnswerType } from '@dueflow/contract';
import type { ChainVerdict } from '@dueflow/persistence';
import { Policy } from './policy.schema';
import { Review } from './review.schema';
import { Count, Money, PersonRef, ProjectStatus, Sector, TaskStatus, Timestamp, Track, Uuid, component, partialKeyed, sameShape } from './registry';
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
  round: Count.describe('the track\'s review round the task was assigned in'),
  slot: z.int().min(0),
  attempt: z.int().min(0),
  assignee: PersonRef.optional().describe('omitted for the project\'s officer: reviewers are anonymous to the submitter'),
  dueAt: Timestamp,
  closedAt: Timestamp.nullable(),
});

const TrackStatus = z.enum(['pending', 'in_review', 'complete', 'short_of_quorum']);

/** An earlier review round of a track (before a manager re-opened it): what it had, for managers and admins. */
const EarlierRound = z.object({
  round: Count,
  status: TrackStatus,
  submitted: Count,
  tasks: z.array(PanelTask),
  reviews: z.array(Review),
});

/**
 * One review track of a project in its current round: the round's status (from the tasks and
 * reviews the workflow recorded for that round), its quorum, and the tasks and reviews the caller
 * may see. A re-opened track starts again at `pending`/`in_review` in its new round.
 */
export const TrackPanel = component(
  'TrackPanel',
  z.object({
    round: Count.describe('the current review round: 0 first, +1 each time a manager re-opens the track'),
    status: TrackStatus.describe('of the current round'),
    required: Count,
    submitted: Count.describe('reviews submitted in the current round'),
    tasks: z.array(PanelTask).describe('of the current round (a reviewer: their own, of any round)'),
    reviews: z.array(Review).describe('of the current round (a reviewer: their own, of any round)'),
    earlierRounds: z.array(EarlierRound).optional().describe('managers and admins: the rounds before the current one, oldest first'),
  }),
);
export type TrackPanel = z.output<typeof TrackPanel>;

/**
 * One information request of a manager (`request_info`) and the officer's answers, round by round.
 * A reviewer of a re-opened round reads the rounds up to the one that re-opened it, without who
 * asked or answered.
 */
export const InformationRound = component(
  'InformationRound',
  z.object({
    round: z.int().min(1),
    questions: z.array(z.string()),
    answers: z.array(z.string()).describe('empty while the officer has not answered'),
    reopenTracks: z.array(Track),
    requestedAt: Timestamp,
    requestedBy: Uuid.optional().describe('the manager who asked (not shown to reviewers)'),
    answeredAt: Timestamp.nullable(),
    answeredBy: Uuid.nullable().optional().describe('the officer who answered (not shown to reviewers)'),
  }),
);
export type InformationRound = z.output<typeof InformationRound>;

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
/** Review scores are keyed by criterion: the labels to show them by. */
const CriterionLabels = z.record(z.string(), z.string()).describe('every rubric criterion key → its label in the reader\'s language (their account\'s `locale`)');

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
    tracks: partialKeyed(TRACKS, TrackPanel).describe('every track for the officer, managers and admins; a reviewer gets only the track(s) they review on'),
    synthesis: SynthesisReport.nullable().describe('once ready, for the panel; null for reviewers. Its rules and forecast assumptions are in the reader\'s language'),
    criteria: CriterionLabels,
    decisions: z.array(Decision).describe('empty for reviewers'),
    information: z.array(InformationRound).describe('the information requests and answers the caller may read (see InformationRound)'),
    signing: Signing.nullable().describe('null for reviewers'),
  }),
);
export type ProjectDetail = z.output<typeof ProjectDetail>;

export const TimelineEvent = component(
  'TimelineEvent',
  z.object({
    seq: z.int().min(0),
    type: z.string().describe('submitted, reviewers_assigned, decision_recorded, ... (docs/api-extensions.md)'),
    actor: z.object({ id: Uuid.nullable(), name: z.string().nullable() }).describe('id null: dueflow itself (name `dueflow`), or withheld from the caller (name null)'),
    at: Timestamp,
    data: z
      .record(z.string(), z.unknown())
      .describe('managers and admins: as recorded; the officer and reviewers: only the fields their part may see (see docs/api-extensions.md)'),
    information: z
      .object({ round: z.int().min(1), questions: z.array(z.string()), answers: z.array(z.string()) })
      .optional()
      .describe('information_provided, for the officer, managers and admins: the questions and answers (kept out of `data`, which the hash covers as recorded)'),
    hash: z.string().describe('this event\'s link in the project\'s audit hash chain (over the event as recorded)'),
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

export const ProjectReport = component(
  'ProjectReport',
  SynthesisReport.extend({
    projectId: Uuid,
    createdAt: Timestamp,
    information: z.array(InformationRound).describe('the managers\' information requests and the officer\'s answers, round by round'),
    criteria: CriterionLabels,
  }).describe('rules and forecast assumptions in the reader\'s language'),
);

/** What every process action (review, decision, signing, withdrawal...) answers: the project's status after it. */
export const StatusAnswer = component('StatusAnswer', z.object({ status: ProjectStatus }));
sameShape<z.output<typeof StatusAnswer>, StatusAnswerType>(true);
