import { SECTORS, TRACKS, Track } from '@dueflow/domain';
import { ADMIN, MANAGER, OFFICER, projectBody, reviewBody, stillBeingAssigned } from '../support/factories';
import { FailoverClient, Reply, until } from './failover-client';

/** Every review task a project gets under the default policy: two experts, one VC, one scholar. */
export const TASKS_PER_PROJECT = 4;
export const REVIEWER_PASSWORD = 'topology-reviewer-pass';
const REVIEWER_DOMAIN = 'topology.dueflow.local';

export interface OpenTask {
  id: string;
  track: Track;
  assigneeId: string;
}

/** Reviewer id → email, from GET /users (ids are what tasks carry; logins need emails). */
export class ReviewerDirectory {
  private readonly emails = new Map<string, string>();
  private refreshing: Promise<void> | null = null;

  constructor(private readonly client: FailoverClient) {}

  async refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      const res = await this.client.as(ADMIN, 'GET', '/users?role=reviewer');
      if (res.status !== 200) throw new Error(`GET /users: ${res.status} ${JSON.stringify(res.body)}`);
      for (const user of res.body.items as Array<{ id: string; email: string }>) this.emails.set(user.id, user.email);
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  async emailOf(id: string): Promise<string> {
    if (!this.emails.has(id)) await this.refresh();
    const email = this.emails.get(id);
    if (!email) throw new Error(`no reviewer ${id}`);
    return email;
  }

  /** Reviewers this suite adds share one password; the demo reviewers keep theirs. */
  passwordOf(email: string): string | undefined {
    return email.endsWith(`@${REVIEWER_DOMAIN}`) ? REVIEWER_PASSWORD : undefined;
  }
}

/**
 * Adds reviewers on every track (a number, or a number per track), all sectors, `maxOpenTasks`
 * each: the demo pool (six reviewers, 25 open tasks each) cannot hold hundreds of projects in review.
 */
export async function addReviewers(
  client: FailoverClient,
  directory: ReviewerDirectory,
  tag: string,
  perTrack: number | Record<Track, number>,
  maxOpenTasks: number,
  concurrency = 4,
): Promise<void> {
  const wanted = TRACKS.flatMap((track) => Array.from({ length: typeof perTrack === 'number' ? perTrack : perTrack[track] }, (_, i) => ({ track, i })));
  let next = 0;
  const lane = async () => {
    while (next < wanted.length) {
      const { track, i } = wanted[next++]!;
      const email = `${track}-${tag}-${i}@${REVIEWER_DOMAIN}`;
      const res = await client.as(ADMIN, 'POST', '/users', {
        body: {
          email,
          name: `${track} reviewer ${i} (${tag})`,
          password: REVIEWER_PASSWORD,
          roles: ['reviewer'],
          reviewer: { tracks: [track], sectors: [...SECTORS], affiliation: `Topology ${track} ${tag} ${i}`, maxOpenTasks },
        },
      });
      if (res.status !== 201 && !(res.retried && res.status === 409)) throw new Error(`POST /users ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  await directory.refresh();
}

export interface Submission {
  key: string;
  body: ReturnType<typeof projectBody>;
}

export function submissions(runTag: string, count: number): Submission[] {
  return Array.from({ length: count }, (_, i) => ({ key: `${runTag}-${i}`, body: projectBody() }));
}

/** POST /projects with the submission's Idempotency-Key: a retry on another instance answers with the same project. */
export async function submit(client: FailoverClient, submission: Submission): Promise<string> {
  const res = await client.as(OFFICER, 'POST', '/projects', { body: submission.body, headers: { 'idempotency-key': submission.key } });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST /projects (${submission.key}): ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function openTasks(client: FailoverClient, projectId: string, timeoutMs: number): Promise<OpenTask[]> {
  return until(`${TASKS_PER_PROJECT} open review tasks on ${projectId}`, async () => {
    const res = await client.as(MANAGER, 'GET', `/tasks?projectId=${projectId}&status=open`);
    if (res.status !== 200) throw new Error(`GET /tasks: ${res.status} ${JSON.stringify(res.body)}`);
    const items = res.body.items as Array<{ id: string; track: Track; assignee: { id: string } }>;
    return items.length === TASKS_PER_PROJECT ? items.map((t) => ({ id: t.id, track: t.track, assigneeId: t.assignee.id })) : undefined;
  }, timeoutMs, 300);
}

/**
 * A refusal after a lost connection or a 5xx means an earlier attempt got through (the task is no
 * longer open, the project moved on): that is the outcome the caller wanted, not an error.
 */
function accepted(res: Reply, what: string): void {
  if (res.status === 200) return;
  if (res.retried && (res.status === 409 || res.status === 422)) return;
  throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** How often a review was refused as "still being assigned" while the read model listed the task open. */
export const raceStats = { workflowNotFound: 0 };

/**
 * Submits every review. The read model can list a task as open a moment before the workflow has
 * taken in the assignment (its activity committed, the workflow task that records the result not yet
 * run, e.g. while a dead worker's sticky queue times out); the API then answers 409 "still being
 * assigned". That refusal is counted and the review sent again, as a client would.
 */
export async function reviewAll(client: FailoverClient, directory: ReviewerDirectory, tasks: OpenTask[]): Promise<void> {
  for (const task of tasks) {
    const email = await directory.emailOf(task.assigneeId);
    const password = directory.passwordOf(email);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const res = await client.as(email, 'POST', `/tasks/${task.id}/review`, { password, body: reviewBody(task.track, 4) });
      if (stillBeingAssigned(res) && Date.now() < deadline) {
        raceStats.workflowNotFound += 1;
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      accepted(res, `review of task ${task.id}`);
      break;
    }
  }
}

export async function waitForStatus(client: FailoverClient, projectId: string, status: string, timeoutMs: number): Promise<void> {
  await until(`project ${projectId} to be ${status}`, async () => {
    const res = await client.as(MANAGER, 'GET', `/projects/${projectId}`);
    return res.status === 200 && res.body.status === status;
  }, timeoutMs, 300);
}

export async function decideGo(client: FailoverClient, projectId: string): Promise<void> {
  const res = await client.as(MANAGER, 'POST', `/projects/${projectId}/decision`, { body: { outcome: 'go', rationale: 'Panel strong across tracks.' } });
  accepted(res, `decision on ${projectId}`);
}

export async function recordSigning(client: FailoverClient, projectId: string): Promise<void> {
  const res = await client.as(OFFICER, 'POST', `/projects/${projectId}/signing`, {
    body: { signedAt: new Date().toISOString(), agreedInvestment: { amount: 280_000_000, currency: 'CNY' } },
  });
  accepted(res, `signing of ${projectId}`);
}

/** Review → awaiting_decision → go → approved → signed, for a project whose tasks are open. */
export async function completeProject(client: FailoverClient, directory: ReviewerDirectory, projectId: string, tasks: OpenTask[], timeoutMs: number): Promise<void> {
  await reviewAll(client, directory, tasks);
  await waitForStatus(client, projectId, 'awaiting_decision', timeoutMs);
  await decideGo(client, projectId);
  await waitForStatus(client, projectId, 'approved', timeoutMs);
  await recordSigning(client, projectId);
  await waitForStatus(client, projectId, 'signed', timeoutMs);
}
