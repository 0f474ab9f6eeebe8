import type { ProjectPart } from '../auth/project-part';

/** One stored timeline event, as the projection reads it. */
export interface StoredEvent {
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

/** What the viewer sees of an event: its data, and whether its actor is named. */
export interface ProjectedEvent {
  data: Record<string, unknown>;
  /** False when who acted is withheld from the viewer (a reviewer, from the officer). */
  showActor: boolean;
}

/** Who is looking: their part, their id and the tasks of theirs on the project. */
export interface EventViewer {
  part: ProjectPart;
  id: string;
  ownTaskIds: ReadonlySet<string>;
}

type Projector = (event: StoredEvent, viewer: EventViewer) => ProjectedEvent | null;

const pick =
  (...keys: string[]): Projector =>
  (event) => ({ data: only(event.data, keys), showActor: true });

function only(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
}

interface AssignedEntry {
  taskId?: unknown;
  reviewerId?: unknown;
}

const assignedOf = (data: Record<string, unknown>): AssignedEntry[] => (Array.isArray(data['assigned']) ? (data['assigned'] as AssignedEntry[]) : []);
const taskIdsOf = (data: Record<string, unknown>): unknown[] => (Array.isArray(data['taskIds']) ? (data['taskIds'] as unknown[]) : []);

/** An assignment as the officer sees it: that it happened on a track, and how many, not who. */
const assignmentMilestone: Projector = (event) => ({
  data: { ...only(event.data, ['track', 'round', 'shortfall', 'dueAt']), count: assignedOf(event.data).length },
  showActor: true,
});

/**
 * The officer follows the milestones of their project. Not listed, not shown: the reviewer pool
 * (who was considered, excluded and why), reminders and expiries of individual reviewers, decline
 * reasons, managers' reminders and escalations, request ids, and any event type added later.
 */
const OFFICER_EVENTS: Record<string, Projector> = {
  submitted: pick('company', 'sector', 'totalInvestment', 'policy'),
  screening_passed: pick(),
  screening_rejected: pick('reasons'),
  reviewers_assigned: assignmentMilestone,
  reviewer_replaced: assignmentMilestone,
  reviewer_pool_exhausted: pick('track', 'shortfall'),
  // The reviewer who submitted stays anonymous to the officer.
  review_submitted: (event) => ({ data: only(event.data, ['track']), showActor: false }),
  quorum_failed: pick('track', 'status', 'required', 'submitted'),
  tracks_complete: pick('tracks'),
  synthesis_completed: pick('recommendation', 'overallScore'),
  decision_recorded: pick('outcome', 'rationale', 'reopenTracks'),
  information_provided: pick('round', 'reopenTracks'),
  signed: pick('signedAt', 'agreedInvestment'),
  withdrawn: pick('reason'),
  lapsed: pick(),
  // The project is held up, and later goes on: the officer sees that, not the technical cause.
  step_failed: pick('step', 'awaitsResume'),
  step_resumed: pick('steps'),
};

/** A reviewer follows their own part: their assignment, reminder, submission or decline, and how their task closed. */
const REVIEWER_EVENTS: Record<string, Projector> = {
  reviewers_assigned: ownAssignment,
  reviewer_replaced: ownAssignment,
  reminder_sent: (event, viewer) => (event.data['reviewerId'] === viewer.id ? { data: only(event.data, ['taskId', 'track', 'dueAt']), showActor: true } : null),
  review_submitted: (event, viewer) => (event.actorId === viewer.id ? { data: only(event.data, ['taskId', 'track']), showActor: true } : null),
  task_declined: (event, viewer) =>
    event.actorId === viewer.id ? { data: only(event.data, ['taskId', 'track', 'reason', 'conflictOfInterest']), showActor: true } : null,
  task_expired: ownClosure,
  tasks_cancelled: ownClosure,
};

function ownAssignment(event: StoredEvent, viewer: EventViewer): ProjectedEvent | null {
  const mine = assignedOf(event.data).filter((a) => a.reviewerId === viewer.id);
  if (mine.length === 0) return null;
  return { data: { ...only(event.data, ['track', 'round', 'dueAt']), taskIds: mine.map((a) => a.taskId) }, showActor: true };
}

function ownClosure(event: StoredEvent, viewer: EventViewer): ProjectedEvent | null {
  const mine = taskIdsOf(event.data).filter((id) => typeof id === 'string' && viewer.ownTaskIds.has(id));
  return mine.length === 0 ? null : { data: { taskIds: mine, reason: event.data['reason'] }, showActor: true };
}

/**
 * The event as the viewer's part may see it, or null when it is none of their business. Managers
 * and admins see every event as recorded (so the chain can be checked against it); officers and
 * reviewers see an allow-list of types, each projected to an allow-list of fields: an event type
 * nobody listed stays hidden from them.
 */
export function projectEvent(event: StoredEvent, viewer: EventViewer): ProjectedEvent | null {
  switch (viewer.part) {
    case 'manager':
    case 'admin':
      return { data: event.data, showActor: true };
    case 'officer':
      return listed(OFFICER_EVENTS, event, viewer);
    case 'reviewer':
      return listed(REVIEWER_EVENTS, event, viewer);
    case 'none':
      return null;
  }
}

/** Own keys only: an event type such as `constructor` must not reach Object.prototype. */
function listed(projectors: Record<string, Projector>, event: StoredEvent, viewer: EventViewer): ProjectedEvent | null {
  return Object.hasOwn(projectors, event.type) ? projectors[event.type]!(event, viewer) : null;
}
