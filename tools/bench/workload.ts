/**
 * One complete pipeline, both ways: dueflow's over HTTP (submit, every review, synthesis, decision,
 * signing) and the baseline's straight through @temporalio/client. The baseline's shape is read
 * from the history of a real dueflow pipeline, so both make the same Temporal calls.
 */
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { Track } from '@dueflow/domain';
import { Account, ApiClient, HttpError, projectBody, reviewBody } from './api-client';
import { BARE_WORKFLOW, BarePlan, bareStepUpdate } from './bare.workflow';
import { BARE_TASK_QUEUE } from './stack';
import { pollUntil } from './stats';

/**
 * How a dueflow client waits. For its review tasks (seconds, three assignment steps away) it polls
 * the task list, a cheap read: after 20 ms, then half again as long each time up to 250 ms. For the
 * synthesis it watches the project (`GET /projects/{id}` with If-None-Match and `Prefer: wait`):
 * the API answers when the project takes a step, so no full read of the project is wasted.
 */
export const pollBackoff = (attempt: number) => Math.min(250, 20 * 1.5 ** attempt);
const WATCH_SECONDS = 30;
/** How soon a review refused in the assignment window (see below) is sent again. */
const RETRY_MS = 20;
const POLL_TIMEOUT_MS = 120_000;

/** What dueflow's clients had to do beyond the calls themselves (reported with P1). */
export const clientWaits = { taskPolls: 0, decisionReads: 0, reviewRetries: 0 };

export interface Accounts {
  officer: Account;
  manager: Account;
  admin: Account;
  /** By user id: a task names its assignee by id. */
  reviewers: Map<string, Account>;
}

export interface WorkloadShape {
  starts: number;
  updates: number;
  activities: number;
  /** The activity batches (calls scheduled by the same workflow task run in parallel), per segment. */
  plan: BarePlan;
}

/**
 * Counts a pipeline's Temporal work from its history: every accepted Update opens a segment, and
 * the activities scheduled after it (until the next Update) belong to it, grouped into batches by
 * the workflow task that scheduled them.
 */
export function shapeFromHistory(history: temporal.api.history.v1.IHistory): WorkloadShape {
  const segments: number[][] = [[]];
  let lastBatchKey: string | null = null;
  let updates = 0;
  let activities = 0;
  for (const event of history.events ?? []) {
    if (event.workflowExecutionUpdateAcceptedEventAttributes) {
      updates += 1;
      segments.push([]);
      lastBatchKey = null;
    }
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) {
      activities += 1;
      const segment = segments[segments.length - 1]!;
      const key = String(scheduled.workflowTaskCompletedEventId ?? '');
      if (key === lastBatchKey) segment[segment.length - 1]! += 1;
      else segment.push(1);
      lastBatchKey = key;
    }
  }
  return { starts: 1, updates, activities, plan: { segments } };
}

interface TaskItem {
  id: string;
  track: Track;
  assignee: { id: string };
}

/** Reads the project, then waits on it step by step until it reaches `status`. */
async function watchUntil(api: ApiClient, token: string, projectId: string, status: string): Promise<void> {
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  for (let etag: string | null = null; ; ) {
    clientWaits.decisionReads += 1;
    const seen: { etag: string; body: { status: string } | null } = await api.watch(`/projects/${projectId}`, token, etag, WATCH_SECONDS);
    if (seen.body?.status === status) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${POLL_TIMEOUT_MS} ms waiting for ${projectId} to be ${status}`);
    etag = seen.etag;
  }
}

/** Drives one project from submission to signed, as the people involved would over HTTP. */
export async function dueflowPipeline(api: ApiClient, accounts: Accounts, tag: string, seats: number): Promise<string> {
  const { officer, manager } = accounts;
  const project = await api.call<{ id: string }>('POST', '/projects', officer.token, projectBody(tag));
  const tasks = await pollUntil(
    `the review tasks of ${project.id}`,
    async () => {
      clientWaits.taskPolls += 1;
      const page = await api.call<{ items: TaskItem[] }>('GET', `/tasks?projectId=${project.id}&status=open`, manager.token);
      return page.items.length >= seats ? page.items : undefined;
    },
    pollBackoff,
    POLL_TIMEOUT_MS,
  );
  for (const task of tasks) {
    const reviewer = accounts.reviewers.get(task.assignee.id);
    if (!reviewer) throw new Error(`task ${task.id} went to ${task.assignee.id}, who is not a demo reviewer`);
    // The task is in the read model a moment before the workflow has taken in the assignment; a
    // review sent in that window is refused (409 "still being assigned"; 404 before that answer
    // existed), so the client tries again.
    await pollUntil(
      `the workflow of ${project.id} to know task ${task.id}`,
      () =>
        api.call('POST', `/tasks/${task.id}/review`, reviewer.token, reviewBody(task.track)).then(
          () => true,
          (error: unknown) => {
            if (!(error instanceof HttpError && isAssignmentWindow(error))) throw error;
            clientWaits.reviewRetries += 1;
            return undefined;
          },
        ),
      RETRY_MS,
      POLL_TIMEOUT_MS,
    );
  }
  await watchUntil(api, manager.token, project.id, 'awaiting_decision');
  await api.call('POST', `/projects/${project.id}/decision`, manager.token, { outcome: 'go', rationale: 'Strong panel; fits the robotics chain.' });
  const signed = await api.call<{ status: string }>('POST', `/projects/${project.id}/signing`, officer.token, {
    signedAt: new Date().toISOString(),
    agreedInvestment: { amount: 280_000_000, currency: 'CNY' },
  });
  if (signed.status !== 'signed') throw new Error(`${project.id} ended ${signed.status}, not signed`);
  return project.id;
}

function isAssignmentWindow(error: HttpError): boolean {
  return error.status === 404 || (error.status === 409 && error.body.includes('still being assigned'));
}

/** The baseline's pipeline: one start, then its Updates one after the other. */
export async function barePipeline(client: Client, plan: BarePlan, workflowId: string): Promise<void> {
  const handle = await client.workflow.start(BARE_WORKFLOW, { taskQueue: BARE_TASK_QUEUE, workflowId, args: [plan] });
  for (let i = 1; i < plan.segments.length; i++) await handle.executeUpdate(bareStepUpdate, { args: [] });
}

/** Starts a baseline workflow and leaves it waiting for its Updates (P3, memory). */
export async function startBare(client: Client, plan: BarePlan, workflowId: string): Promise<void> {
  await client.workflow.start(BARE_WORKFLOW, { taskQueue: BARE_TASK_QUEUE, workflowId, args: [plan] });
}

export function totalActivities(batches: number[]): number {
  return batches.reduce((a, b) => a + b, 0);
}
