import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { workflowIdFor } from '@dueflow/contract';
import { PANEL_SIZE, Plan } from './plans';
import type { Submission } from './traffic';
import type { WebhookReceiver } from './webhook-receiver';

/**
 * The books, checked against what the clients were told. Each finding is `lost` (something a
 * client was promised, or the plan makes certain, is missing) or `duplicated` (a row or a delivery
 * too many), with a count and a sentence.
 *
 * Notifications, precisely. The outbox is at-least-once by design: a row is marked sent once, but
 * a worker killed after the webhook answered and before `sent_at` was written sends the row again
 * when its lease runs out, with the same `Idempotency-Key` (the row id), which the receiver dedupes
 * on. So:
 * - lost: a row never marked sent; a row marked sent that the receiver never accepted; a
 *   notification the timeline says was caused (assignment, decision, reminder, ...) with no row;
 * - duplicated: a second row for one logical notification (same project, kind and cause; for an
 *   assignment, the same task) under a different id and dedupe key, which no receiver can dedupe;
 *   a delivery of an id that no row has;
 * - redeliveries (same Idempotency-Key accepted again) are reported as a figure, not counted as
 *   duplicates: the receiver's dedupe absorbs them, which is the contract.
 */
export interface Finding {
  kind: 'lost' | 'duplicated';
  n: number;
  what: string;
}

export interface AuditResult {
  lost: number;
  duplicated: number;
  findings: Finding[];
  figures: Record<string, number>;
}

interface Rows {
  projects: Array<{ id: string; idempotency_key: string | null; company: string; status: string }>;
  tasks: Array<{ id: string; project_id: string; track: string; slot: number; attempt: number; status: string }>;
  reviews: Array<{ task_id: string; project_id: string }>;
  decisions: Array<{ project_id: string; seq: number; outcome: string }>;
  signings: Array<{ project_id: string }>;
  syntheses: Array<{ project_id: string }>;
  information: Array<{ project_id: string }>;
  events: Array<{ project_id: string; seq: number; type: string; data: Record<string, unknown> }>;
  notifications: Array<{ id: string; dedupe_key: string; project_id: string | null; kind: string; payload: Record<string, unknown>; sent_at: Date | null }>;
}

/** The unique indexes the books rely on: if one went missing, duplicates could hide behind it. */
const REQUIRED_UNIQUE_INDEXES = [
  'projects_idempotency_uq',
  'review_tasks_slot_uq',
  'reviews_task_uq',
  'decisions_project_seq_uq',
  'timeline_events_project_seq_uq',
  'notifications_dedupe_uq',
  'information_responses_round_uq',
];

export async function audit(db: DataSource, temporal: Client, submissions: Submission[], receiver: WebhookReceiver): Promise<AuditResult> {
  const findings: Finding[] = [];
  const lost = (n: number, what: string) => n > 0 && findings.push({ kind: 'lost', n, what });
  const duplicated = (n: number, what: string) => n > 0 && findings.push({ kind: 'duplicated', n, what });
  const rows = await load(db);

  const indexes: Array<{ indexname: string; indexdef: string }> = await db.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = ANY($1)`,
    [REQUIRED_UNIQUE_INDEXES],
  );
  for (const name of REQUIRED_UNIQUE_INDEXES) {
    const index = indexes.find((i) => i.indexname === name);
    if (!index || !/^CREATE UNIQUE INDEX/.test(index.indexdef)) throw new Error(`unique index ${name} is missing: the checks below would not be sound`);
  }

  const by = <T extends { project_id: string | null }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of list) if (row.project_id) map.set(row.project_id, [...(map.get(row.project_id) ?? []), row]);
    return map;
  };
  const tasksOf = by(rows.tasks);
  const reviewsOf = by(rows.reviews);
  const decisionsOf = by(rows.decisions);
  const eventsOf = by(rows.events);
  const notificationsOf = by(rows.notifications);
  const count = (list: Array<{ project_id: string }>, id: string) => list.filter((r) => r.project_id === id).length;

  // ---- projects: one per submission, none without one ----
  const keys = new Set(submissions.map((s) => s.key));
  duplicated(rows.projects.filter((p) => !p.idempotency_key || !keys.has(p.idempotency_key)).length, 'project rows no submission asked for');

  for (const s of submissions) {
    const label = `${s.key} (${s.plan.kind})`;
    // A client that gave up before the API recorded anything submitted nothing: there is nothing to find.
    if (s.gaveUp && !s.projectId && !rows.projects.some((p) => p.idempotency_key === s.key)) continue;
    if (s.submitFailed || !s.projectId) {
      lost(1, `${label}: the submission was never accepted (${s.submitFailed ?? 'no answer'})`);
      continue;
    }
    const mine = rows.projects.filter((p) => p.idempotency_key === s.key || p.company === s.company);
    if (mine.length === 0) {
      lost(1, `${label}: no project row`);
      continue;
    }
    duplicated(mine.length - 1, `${label}: ${mine.length} project rows for one submission`);
    const project = mine.find((p) => p.id === s.projectId);
    if (!project) {
      lost(1, `${label}: the id the client was given (${s.projectId}) has no row`);
      continue;
    }
    const id = project.id;
    if (project.status !== s.plan.expected) lost(1, `${label}: ${project.status}, expected ${s.plan.expected}`);

    // ---- tasks: one per seat and attempt ----
    const tasks = tasksOf.get(id) ?? [];
    const seats = new Set(tasks.map((t) => `${t.track}/${t.slot}/${t.attempt}`));
    duplicated(tasks.length - seats.size, `${label}: two tasks for one seat`);
    const expectedTasks = s.plan.kind === 'screened-out' ? 0 : PANEL_SIZE + s.plan.declines;
    if (s.plan.kind === 'withdraw-early') duplicated(tasks.length - expectedTasks, `${label}: ${tasks.length} tasks for a panel of ${expectedTasks}`);
    else bound(findings, label, 'tasks', tasks.length, expectedTasks, expectedTasks);
    const open = tasks.filter((t) => t.status === 'open').length;
    lost(open, `${label}: open tasks left on a ${project.status} project`);
    bound(findings, label, 'declined tasks', tasks.filter((t) => t.status === 'declined').length, s.plan.declines, s.plan.declines);

    // ---- reviews: one per task submitted, each one a client was told was taken ----
    const reviews = reviewsOf.get(id) ?? [];
    const reviewed = new Set(reviews.map((r) => r.task_id));
    duplicated(reviews.length - reviewed.size, `${label}: two reviews for one task`);
    const sent = [...s.tasks.values()].filter((t) => t.action === 'review');
    const promised = sent.filter((t) => t.answered2xx || t.state === 'accepted');
    const missing = promised.filter((t) => !reviewed.has(t.taskId)).length;
    lost(Math.max(missing, s.plan.reviews - reviews.length), `${label}: ${reviews.length} reviews stored, ${promised.length} accepted, ${s.plan.reviews} planned`);
    const unasked = reviews.filter((r) => !sent.some((t) => t.taskId === r.task_id)).length;
    duplicated(Math.max(unasked, reviews.length - s.plan.reviews), `${label}: reviews no reviewer sent`);

    // ---- decisions, signing, synthesis, answers ----
    const decisions = (decisionsOf.get(id) ?? []).sort((a, b) => a.seq - b.seq).map((d) => d.outcome);
    const planned = s.plan.decisions;
    duplicated(decisions.length - planned.length, `${label}: decisions ${decisions.join(',')} for planned ${planned.join(',') || 'none'}`);
    const matching = planned.filter((outcome, i) => decisions[i] === outcome).length;
    lost(planned.length - matching, `${label}: decisions ${decisions.join(',') || 'none'} for planned ${planned.join(',')}`);
    bound(findings, label, 'signings', count(rows.signings, id), s.plan.expected === 'signed' ? 1 : 0, s.plan.expected === 'signed' ? 1 : 0);
    bound(findings, label, 'synthesis reports', count(rows.syntheses, id), s.plan.synthesis ? 1 : 0, s.plan.synthesis ? 1 : 0);
    const answers = s.plan.kind === 'sign-info' ? 1 : 0;
    bound(findings, label, 'information responses', count(rows.information, id), answers, answers);

    // ---- timeline: each step once ----
    const events = (eventsOf.get(id) ?? []).sort((a, b) => a.seq - b.seq);
    for (const [type, [min, max]] of Object.entries(eventBounds(s.plan))) {
      bound(findings, label, `"${type}" events`, events.filter((e) => e.type === type).length, min, max);
    }

    // ---- notifications: each cause queued once ----
    const expected = expectedNotifications(events);
    const actual = new Map<string, number>();
    for (const n of notificationsOf.get(id) ?? []) actual.set(n.kind, (actual.get(n.kind) ?? 0) + 1);
    for (const kind of new Set([...expected.keys(), ...actual.keys()])) {
      bound(findings, label, `"${kind}" notifications`, actual.get(kind) ?? 0, expected.get(kind) ?? 0, expected.get(kind) ?? 0);
    }
    const assignmentTasks = (notificationsOf.get(id) ?? []).filter((n) => n.kind === 'assignment').map((n) => String(n.payload['taskId']));
    duplicated(assignmentTasks.length - new Set(assignmentTasks).size, `${label}: two assignment notifications for one task`);
    lost(tasks.filter((t) => !assignmentTasks.includes(t.id)).length, `${label}: tasks whose assignee was never notified`);
  }

  // ---- the outbox and the receiver ----
  const unsent = rows.notifications.filter((n) => !n.sent_at);
  lost(unsent.length, `notifications never marked sent (${unsent.slice(0, 3).map((n) => `${n.kind} ${n.dedupe_key}`).join('; ')})`);
  const neverReceived = rows.notifications.filter((n) => n.sent_at && !receiver.accepted.has(n.id));
  lost(neverReceived.length, `notifications marked sent that the webhook never accepted (${neverReceived.slice(0, 3).map((n) => n.id).join(', ')})`);
  const ids = new Set(rows.notifications.map((n) => n.id));
  duplicated([...receiver.accepted.keys()].filter((key) => !ids.has(key)).length, 'webhook deliveries of ids no notification row has');
  duplicated(rows.notifications.length - new Set(rows.notifications.map((n) => n.dedupe_key)).size, 'notification rows sharing a dedupe key');

  // ---- Temporal: one workflow per project, finished, agreeing with the read model ----
  const workflows = new Map<string, string>();
  for await (const execution of temporal.workflow.list()) workflows.set(execution.workflowId, execution.status.name);
  const projectWorkflows = new Set(rows.projects.map((p) => workflowIdFor(p.id)));
  duplicated([...workflows.keys()].filter((w) => !projectWorkflows.has(w)).length, 'workflows without a project row');
  for (const s of submissions) {
    if (!s.projectId) continue;
    const workflowId = workflowIdFor(s.projectId);
    const status = workflows.get(workflowId);
    if (!status) {
      lost(1, `${s.key}: no workflow (an orphan project row)`);
      continue;
    }
    if (status !== 'COMPLETED') {
      lost(1, `${s.key}: workflow ${status}, expected it to have completed`);
      continue;
    }
    const result: { status: string } = await temporal.workflow.getHandle(workflowId).result();
    if (result.status !== s.plan.expected) lost(1, `${s.key}: the workflow ended ${result.status}, expected ${s.plan.expected}`);
  }

  const sum = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind).reduce((a, f) => a + f.n, 0);
  return {
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    findings,
    figures: {
      projects: rows.projects.length,
      tasks: rows.tasks.length,
      reviews: rows.reviews.length,
      decisions: rows.decisions.length,
      signings: rows.signings.length,
      timelineEvents: rows.events.length,
      notifications: rows.notifications.length,
      webhookAccepted: receiver.total(),
      webhookRedeliveries: receiver.redeliveries(),
      webhookRefused: receiver.refused,
      webhookMalformed: receiver.malformed,
    },
  };
}

/** Adds a finding when `actual` is outside [min, max]. */
function bound(findings: Finding[], label: string, what: string, actual: number, min: number, max: number): void {
  if (actual > max) findings.push({ kind: 'duplicated', n: actual - max, what: `${label}: ${actual} ${what}, expected ${min === max ? max : `at most ${max}`}` });
  if (actual < min) findings.push({ kind: 'lost', n: min - actual, what: `${label}: ${actual} ${what}, expected ${min === max ? min : `at least ${min}`}` });
}

/** How often each timeline event must appear for the plan: [min, max]. */
function eventBounds(plan: Plan): Record<string, [number, number]> {
  const exactly = (n: number): [number, number] => [n, n];
  const early = plan.kind === 'withdraw-early';
  const screenedOut = plan.kind === 'screened-out';
  const assigned = screenedOut ? exactly(0) : early ? ([0, 3] as [number, number]) : exactly(3);
  return {
    submitted: exactly(1),
    screening_passed: screenedOut ? exactly(0) : early ? [0, 1] : exactly(1),
    screening_rejected: exactly(screenedOut ? 1 : 0),
    reviewers_assigned: assigned,
    reviewer_replaced: exactly(plan.declines),
    task_declined: exactly(plan.declines),
    review_submitted: exactly(plan.reviews),
    tracks_complete: exactly(plan.synthesis ? 1 : 0),
    synthesis_completed: exactly(plan.synthesis ? 1 : 0),
    decision_recorded: exactly(plan.decisions.length),
    information_provided: exactly(plan.kind === 'sign-info' ? 1 : 0),
    signed: exactly(plan.expected === 'signed' ? 1 : 0),
    withdrawn: exactly(plan.expected === 'withdrawn' ? 1 : 0),
    decision_reminder: [0, plan.decisionRounds],
    decision_escalated: [0, plan.decisionRounds],
    // Nothing in this run may expire, lapse or run short of reviewers.
    reminder_sent: exactly(0),
    task_expired: exactly(0),
    lapsed: exactly(0),
    quorum_failed: exactly(0),
    reviewer_pool_exhausted: exactly(0),
  };
}

/** The notifications each timeline event causes (see the workflow and ProcessStore), by kind. */
function expectedNotifications(events: Rows['events']): Map<string, number> {
  const expected = new Map<string, number>();
  const add = (kind: string, n = 1) => expected.set(kind, (expected.get(kind) ?? 0) + n);
  for (const e of events) {
    switch (e.type) {
      case 'reviewers_assigned':
      case 'reviewer_replaced':
        add('assignment', Array.isArray(e.data['assigned']) ? e.data['assigned'].length : 0);
        break;
      case 'reminder_sent':
        add('reminder');
        break;
      case 'task_expired':
      case 'decision_escalated':
      case 'lapsed':
        add('escalation');
        break;
      case 'reviewer_pool_exhausted':
      case 'quorum_failed':
        add('quorum_failure');
        break;
      case 'synthesis_completed':
      case 'information_provided':
        add('decision');
        break;
      case 'decision_reminder':
        add('decision_reminder');
        break;
      case 'decision_recorded':
        add(e.data['outcome'] === 'request_info' ? 'information_request' : 'decision');
        break;
      default:
        break;
    }
  }
  return expected;
}

async function load(db: DataSource): Promise<Rows> {
  const q = <T>(sql: string): Promise<T[]> => db.query(sql);
  const [projects, tasks, reviews, decisions, signings, syntheses, information, events, notifications] = await Promise.all([
    q<Rows['projects'][number]>('SELECT id, idempotency_key, company, status FROM projects'),
    q<Rows['tasks'][number]>('SELECT id, project_id, track, slot, attempt, status FROM review_tasks'),
    q<Rows['reviews'][number]>('SELECT task_id, project_id FROM reviews'),
    q<Rows['decisions'][number]>('SELECT project_id, seq, outcome FROM decisions'),
    q<Rows['signings'][number]>('SELECT project_id FROM signings'),
    q<Rows['syntheses'][number]>('SELECT project_id FROM syntheses'),
    q<Rows['information'][number]>('SELECT project_id FROM information_responses'),
    q<Rows['events'][number]>('SELECT project_id, seq, type, data FROM timeline_events'),
    q<Rows['notifications'][number]>('SELECT id, dedupe_key, project_id, kind, payload, sent_at FROM notifications'),
  ]);
  return { projects, tasks, reviews, decisions, signings, syntheses, information, events, notifications };
}
