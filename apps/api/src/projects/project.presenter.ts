import { TRACKS, Track } from '@dueflow/domain';
import type {
  DecisionEntity,
  InformationResponseEntity,
  ProjectListRow,
  ProjectRecord,
  ReviewEntity,
  ReviewTaskEntity,
  TimelineEventEntity,
} from '@dueflow/persistence';
import { ProjectPart, seesPanel, seesWholeProject } from '../auth/project-part';
import type { InformationRound, ProjectDetail, ProjectSummary, Review, TimelineEvent, TrackPanel } from '../openapi/schemas';
import type { ProjectedEvent } from './timeline-projection';

/** A failed step's detail, "step X failed: <technical cause>; <what happens>": the cause is for managers and admins. */
const FAILED_STEP = /^(step .+? failed): [\s\S]*(; (?:an admin can resume it|nothing was changed, the action can be sent again))$/;

/**
 * Why the project is where it is, as the viewer's part may read it: managers and admins the whole
 * detail; the officer the same without a failed step's technical cause (that stays on the managers'
 * timeline); a reviewer nothing (it may name other tracks' trouble).
 */
export function statusDetailFor(part: ProjectPart, detail: string | null): string | null {
  if (detail === null || seesWholeProject(part)) return detail;
  if (part !== 'officer') return null;
  return detail.replace(FAILED_STEP, '$1$2');
}

/** A project as listed: `part` is the viewer's (a list shows managers' and admins' projects whole, an officer's own as its officer). */
export function presentProjectSummary(p: ProjectListRow, part: ProjectPart): ProjectSummary {
  return {
    id: p.id,
    name: p.name,
    company: p.company,
    sector: p.sector,
    totalInvestment: { amount: p.totalInvestment, currency: p.currency },
    source: p.source,
    stage: p.stage,
    status: p.status,
    statusDetail: statusDetailFor(part, p.statusDetail),
    submittedBy: p.submittedBy,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A review; `anonymous` leaves out who wrote it (the officer's view). */
export function presentReview(r: ReviewEntity, anonymous = false): Review {
  return {
    id: r.id,
    taskId: r.taskId,
    ...(anonymous ? {} : { reviewerId: r.reviewerId }),
    track: r.track,
    round: r.round,
    scores: r.scores,
    recommendation: r.recommendation,
    riskPoints: r.riskPoints,
    comments: r.comments,
    coInvestment: r.coInvestment ?? undefined,
    submittedAt: r.submittedAt.toISOString(),
  };
}

function presentTask(t: ReviewTaskEntity, names: Map<string, string>, anonymous: boolean) {
  return {
    id: t.id,
    status: t.status,
    round: t.round,
    slot: t.slot,
    attempt: t.attempt,
    ...(anonymous ? {} : { assignee: { id: t.assigneeId, name: names.get(t.assigneeId) ?? null } }),
    dueAt: t.dueAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
  };
}

/** One information request (a request_info decision) with the officer's answers once given. */
export interface InformationRoundRecord {
  round: number;
  questions: string[];
  answers: string[];
  reopenTracks: Track[];
  requestedAt: Date;
  requestedBy: string;
  answeredAt: Date | null;
  answeredBy: string | null;
}

/**
 * The project's information rounds: round n is the n-th request_info decision (the workflow numbers
 * them so), with the answers recorded for round n.
 */
export function informationRounds(decisions: readonly DecisionEntity[], responses: readonly InformationResponseEntity[]): InformationRoundRecord[] {
  return decisions
    .filter((d) => d.outcome === 'request_info')
    .sort((a, b) => a.seq - b.seq)
    .map((d, i) => {
      const answer = responses.find((r) => r.round === i + 1);
      return {
        round: i + 1,
        questions: answer?.questions ?? d.questions,
        answers: answer?.answers ?? [],
        reopenTracks: d.reopenTracks ?? [],
        requestedAt: d.decidedAt,
        requestedBy: d.managerId,
        answeredAt: answer?.answeredAt ?? null,
        answeredBy: answer?.answeredBy ?? null,
      };
    });
}

/**
 * The information rounds as `part` may read them. The officer, managers and admins read them all.
 * A reviewer of a re-opened round reads the rounds up to the one that re-opened their track, without
 * who asked or answered; other reviewers read none.
 */
export function presentInformation(rounds: readonly InformationRoundRecord[], part: ProjectPart, ownTasks: readonly ReviewTaskEntity[]): InformationRound[] {
  const full = (r: InformationRoundRecord): InformationRound => ({
    round: r.round,
    questions: r.questions,
    answers: r.answers,
    reopenTracks: r.reopenTracks,
    requestedAt: r.requestedAt.toISOString(),
    requestedBy: r.requestedBy,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answeredBy: r.answeredBy,
  });
  if (seesPanel(part)) return rounds.map(full);
  if (part !== 'reviewer') return [];
  const upTo = Math.max(0, ...ownTasks.map((t) => roundThatOpened(rounds, t.track, t.round)));
  return rounds
    .filter((r) => r.round <= upTo)
    .map((r) => {
      const { requestedBy: _asker, answeredBy: _answerer, ...withoutWho } = full(r);
      return withoutWho;
    });
}

/** The information round whose answer opened review round `round` of `track` (0 for the first review round). */
function roundThatOpened(rounds: readonly InformationRoundRecord[], track: Track, round: number): number {
  if (round === 0) return 0;
  const reopenings = rounds.filter((r) => r.answeredAt !== null && r.reopenTracks.includes(track));
  return reopenings[round - 1]?.round ?? 0;
}

/**
 * The track's current review round: the latest the workflow assigned tasks in, or a newer one a
 * manager re-opened it for once the officer answered (before its new panel is assigned).
 */
function currentRound(track: Track, tasks: readonly ReviewTaskEntity[], rounds: readonly InformationRoundRecord[]): number {
  const assigned = Math.max(0, ...tasks.filter((t) => t.track === track).map((t) => t.round));
  const reopened = rounds.filter((r) => r.answeredAt !== null && r.reopenTracks.includes(track)).length;
  return Math.max(assigned, reopened);
}

/**
 * A round's status from what the workflow recorded for that round alone: complete once its reviews
 * reach the quorum (the rule the workflow closes a track by), in review while a task of it is open,
 * short of quorum when its tasks all closed without, pending before any was assigned.
 */
function roundStatus(tasks: readonly ReviewTaskEntity[], reviews: readonly ReviewEntity[], required: number): TrackPanel['status'] {
  if (reviews.length >= required) return 'complete';
  if (tasks.some((t) => t.status === 'open')) return 'in_review';
  return tasks.length > 0 ? 'short_of_quorum' : 'pending';
}

function presentDecision(d: DecisionEntity) {
  return {
    seq: d.seq,
    managerId: d.managerId,
    outcome: d.outcome,
    rationale: d.rationale,
    conditions: d.conditions,
    questions: d.questions,
    decidedAt: d.decidedAt.toISOString(),
  };
}

/**
 * The whole project as `viewerId`, in the part `part` (see project-part.ts), may see it:
 * - managers and admins: everything, each track's current round and its earlier rounds;
 * - the officer: every track's current round, the reviews without who wrote them, the synthesis,
 *   decisions, information rounds and signing;
 * - a reviewer: only the track(s) they review on, with their own tasks and reviews, no synthesis,
 *   decisions or signing, and the information rounds that re-opened their round.
 */
export function presentProjectDetail(record: ProjectRecord, part: ProjectPart, viewerId: string, names: Map<string, string>): Omit<ProjectDetail, 'criteria'> {
  const { project, tasks, reviews, synthesis, decisions, signing } = record;
  const panel = seesPanel(part);
  const whole = seesWholeProject(part);
  const anonymous = part === 'officer';
  const ownTasks = tasks.filter((t) => t.assigneeId === viewerId);
  const rounds = informationRounds(decisions, record.information);
  const tracks: ProjectDetail['tracks'] = {};
  for (const track of TRACKS) {
    if (!panel && !ownTasks.some((t) => t.track === track)) continue;
    const round = currentRound(track, tasks, rounds);
    const required = project.policy.quorum[track];
    const trackTasks = tasks.filter((t) => t.track === track);
    const trackReviews = reviews.filter((r) => r.track === track);
    const ofRound = (n: number) => ({ tasks: trackTasks.filter((t) => t.round === n), reviews: trackReviews.filter((r) => r.round === n) });
    const current = ofRound(round);
    const visible = panel ? current : { tasks: trackTasks.filter((t) => t.assigneeId === viewerId), reviews: trackReviews.filter((r) => r.reviewerId === viewerId) };
    tracks[track] = {
      round,
      status: roundStatus(current.tasks, current.reviews, required),
      required,
      submitted: current.reviews.length,
      tasks: visible.tasks.map((t) => presentTask(t, names, anonymous)),
      reviews: visible.reviews.map((r) => presentReview(r, anonymous)),
      ...(whole
        ? {
            earlierRounds: Array.from({ length: round }, (_, n) => {
              const earlier = ofRound(n);
              return {
                round: n,
                status: roundStatus(earlier.tasks, earlier.reviews, required),
                submitted: earlier.reviews.length,
                tasks: earlier.tasks.map((t) => presentTask(t, names, false)),
                reviews: earlier.reviews.map((r) => presentReview(r)),
              };
            }),
          }
        : {}),
    };
  }
  return {
    ...presentProjectSummary(project, part),
    creditCode: project.creditCode,
    expectedAnnualOutput: project.expectedAnnualOutput,
    landAreaMu: project.landAreaMu,
    headcount: project.headcount,
    summary: project.summary,
    contact: project.contact,
    policyVersion: project.policyVersion,
    policy: project.policy,
    tracks,
    synthesis: panel ? (synthesis?.report ?? null) : null,
    decisions: panel ? decisions.map(presentDecision) : [],
    information: presentInformation(rounds, part, ownTasks),
    signing:
      panel && signing
        ? {
            signedAt: signing.signedAt.toISOString(),
            agreedInvestment: { amount: signing.agreedAmount, currency: signing.currency },
            notes: signing.notes,
            recordedBy: signing.recordedBy,
          }
        : null,
  };
}

/**
 * A timeline event as projected for the viewer (timeline-projection.ts). `information` carries an
 * information_provided event's questions and answers beside the recorded data, for those who read them.
 */
export function presentTimelineEvent(
  e: TimelineEventEntity,
  names: Map<string, string>,
  projected: ProjectedEvent,
  information?: InformationRoundRecord,
): TimelineEvent {
  const actor = !e.actorId
    ? { id: null, name: 'dueflow' }
    : projected.showActor
      ? { id: e.actorId, name: names.get(e.actorId) ?? null }
      : { id: null, name: null };
  return {
    seq: e.seq,
    type: e.type,
    actor,
    at: e.occurredAt.toISOString(),
    data: projected.data,
    ...(information ? { information: { round: information.round, questions: information.questions, answers: information.answers } } : {}),
    hash: e.hash,
  };
}
