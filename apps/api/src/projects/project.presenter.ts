import { Policy, TRACKS, Track } from '@dueflow/domain';
import type { DecisionEntity, ProjectListRow, ProjectRecord, ReviewEntity, ReviewTaskEntity, TimelineEventEntity } from '@dueflow/persistence';
import { AuthUser, seesEverything } from '../auth/auth-user';
import type { ProjectDetail, ProjectSummary, Review, TimelineEvent, TrackPanel } from '../openapi/schemas';

export function presentProjectSummary(p: ProjectListRow): ProjectSummary {
  return {
    id: p.id,
    name: p.name,
    company: p.company,
    sector: p.sector,
    totalInvestment: { amount: p.totalInvestment, currency: p.currency },
    source: p.source,
    stage: p.stage,
    status: p.status,
    statusDetail: p.statusDetail,
    submittedBy: p.submittedBy,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentReview(r: ReviewEntity): Review {
  return {
    id: r.id,
    taskId: r.taskId,
    reviewerId: r.reviewerId,
    track: r.track,
    scores: r.scores,
    recommendation: r.recommendation,
    riskPoints: r.riskPoints,
    comments: r.comments,
    coInvestment: r.coInvestment ?? undefined,
    submittedAt: r.submittedAt.toISOString(),
  };
}

function presentTask(t: ReviewTaskEntity, names: Map<string, string>) {
  return {
    id: t.id,
    status: t.status,
    slot: t.slot,
    attempt: t.attempt,
    assignee: { id: t.assigneeId, name: names.get(t.assigneeId) ?? null },
    dueAt: t.dueAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
  };
}

function trackStatus(track: Track, policy: Policy, tasks: ReviewTaskEntity[], reviews: ReviewEntity[]): TrackPanel['status'] {
  const submitted = reviews.filter((r) => r.track === track).length;
  const required = policy.quorum[track];
  if (submitted >= required) return 'complete';
  if (tasks.some((t) => t.track === track && t.status === 'open')) return 'in_review';
  return tasks.some((t) => t.track === track) ? 'short_of_quorum' : 'pending';
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
 * The whole project as `viewer` may see it. Blind review: a reviewer sees only their own review and
 * task; the submitting officer, managers and admins see the panel.
 */
export function presentProjectDetail(record: ProjectRecord, viewer: AuthUser, names: Map<string, string>): ProjectDetail {
  const { project, tasks, reviews, synthesis, decisions, signing } = record;
  const seesPanel = seesEverything(viewer) || project.submittedBy === viewer.id;
  const visibleReviews = seesPanel ? reviews : reviews.filter((r) => r.reviewerId === viewer.id);
  const visibleTasks = seesPanel ? tasks : tasks.filter((t) => t.assigneeId === viewer.id);
  const tracks = Object.fromEntries(
    TRACKS.map((track): [Track, TrackPanel] => [
      track,
      {
        status: trackStatus(track, project.policy, tasks, reviews),
        required: project.policy.quorum[track],
        submitted: reviews.filter((r) => r.track === track).length,
        tasks: visibleTasks.filter((t) => t.track === track).map((t) => presentTask(t, names)),
        reviews: visibleReviews.filter((r) => r.track === track).map(presentReview),
      },
    ]),
  ) as ProjectDetail['tracks']; // one entry per track: TRACKS is the whole key set
  return {
    ...presentProjectSummary(project),
    creditCode: project.creditCode,
    expectedAnnualOutput: project.expectedAnnualOutput,
    landAreaMu: project.landAreaMu,
    headcount: project.headcount,
    summary: project.summary,
    contact: project.contact,
    policyVersion: project.policyVersion,
    policy: project.policy,
    tracks,
    synthesis: seesPanel ? (synthesis?.report ?? null) : null,
    decisions: seesPanel ? decisions.map(presentDecision) : [],
    signing: signing
      ? {
          signedAt: signing.signedAt.toISOString(),
          agreedInvestment: { amount: signing.agreedAmount, currency: signing.currency },
          notes: signing.notes,
          recordedBy: signing.recordedBy,
        }
      : null,
  };
}

export function presentTimelineEvent(e: TimelineEventEntity, names: Map<string, string>): TimelineEvent {
  return {
    seq: e.seq,
    type: e.type,
    actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? null } : { id: null, name: 'dueflow' },
    at: e.occurredAt.toISOString(),
    data: e.data,
    hash: e.hash,
  };
}
