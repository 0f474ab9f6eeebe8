import { randomUUID } from 'node:crypto';
import { createApiApp, loadApiConfig } from '@dueflow/api';
import { ADMIN, MANAGER, OFFICER, REVIEWERS, projectBody, reviewBody } from '../support/factories';
import { Http, RunningDueflow, eventually, postReview, startDueflowWithClient } from '../support/harness';
import { loadStackInfo } from '../support/test-stack';

interface OpenTask {
  reviewer: string;
  id: string;
  track: 'expert' | 'vc' | 'academic';
}

const FIXED = { reason: 'The constraint that refused the write was dropped.' };

/** A sample's value in the Prometheus text, or NaN when it is not there. */
function gauge(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : Number.NaN;
}

/**
 * A step that fails for good, against the real worker, PostgreSQL and Temporal: the test breaks a
 * real write in PostgreSQL for one project (a CHECK constraint that refuses its synthesis row), so
 * the worker's activity fails with a constraint violation, which no retry can fix.
 */
describe('a step that fails for good', () => {
  let stack: RunningDueflow;
  let http: Http;
  const pool = [...REVIEWERS];
  const guards: string[] = [];
  const createdUsers: string[] = [];

  beforeAll(async () => ({ stack, http } = await startDueflowWithClient()));
  afterAll(async () => {
    for (const guard of guards) await stack?.dataSource.query(`ALTER TABLE syntheses DROP CONSTRAINT IF EXISTS ${guard}`);
    // The users made here hold no part in other suites' projects: they leave the reviewer pool.
    if (createdUsers.length) {
      await stack?.dataSource.query(`UPDATE users SET roles = array_remove(roles, 'reviewer') WHERE id = ANY($1)`, [createdUsers]);
    }
    await stack?.stop();
  });

  async function submit(as = OFFICER, overrides: Record<string, unknown> = {}, password?: string): Promise<string> {
    const token = await http.token(as, password);
    const res = await http.request('POST', '/projects', { token, body: projectBody(overrides) });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function openTasks(projectId: string, expected: number): Promise<OpenTask[]> {
    return eventually(`${expected} open tasks`, async () => {
      const res = await http.as(ADMIN, 'GET', `/tasks?projectId=${projectId}&status=open`);
      if (res.body.items.length !== expected) return undefined;
      const users = await http.as(ADMIN, 'GET', '/users');
      const emailOf = new Map<string, string>(users.body.items.map((u: { id: string; email: string }) => [u.id, u.email]));
      return res.body.items.map((t: { id: string; track: OpenTask['track']; assignee: { id: string } | string }) => ({
        id: t.id,
        track: t.track,
        reviewer: emailOf.get(typeof t.assignee === 'string' ? t.assignee : t.assignee.id)!,
      }));
    });
  }

  async function project(id: string) {
    return (await http.as(MANAGER, 'GET', `/projects/${id}`)).body;
  }

  async function timeline(id: string): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
    return (await http.as(ADMIN, 'GET', `/projects/${id}/timeline`)).body.items;
  }

  async function metrics(): Promise<string> {
    const res = await http.request<string>('GET', '/metrics');
    expect(res.status).toBe(200);
    return res.body;
  }

  /** A user made here takes no seat on later projects (of this suite or another). */
  async function leavePool(userId: string): Promise<void> {
    await stack.dataSource.query(`UPDATE users SET roles = array_remove(roles, 'reviewer') WHERE id = $1`, [userId]);
  }

  async function createUser(roles: string[], reviewer?: Record<string, unknown>): Promise<{ id: string; email: string; password: string }> {
    const email = `two-roles-${randomUUID().slice(0, 8)}@dueflow.local`;
    const password = 'two-roles-password';
    const res = await http.as(ADMIN, 'POST', '/users', { body: { email, name: `Two Roles ${email.slice(10, 18)}`, password, roles, reviewer } });
    expect(res.status).toBe(201);
    createdUsers.push(res.body.id);
    return { id: res.body.id, email, password };
  }

  it('shows the failure, tells managers and admins, counts it, and goes on once an admin resumes it', async () => {
    const id = await submit();
    const tasks = await openTasks(id, 4);
    const guard = `step_failure_probe_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    guards.push(guard);
    await stack.dataSource.query(`ALTER TABLE syntheses ADD CONSTRAINT ${guard} CHECK (project_id <> '${id}'::uuid) NOT VALID`);
    const before = await metrics();

    for (const task of tasks) expect((await postReview(http, task.reviewer, task.id, reviewBody(task.track, 4))).status).toBe(200);

    const stuck = await eventually('the failure to show on the project', async () => {
      const body = await project(id);
      return /an admin can resume it/.test(body.statusDetail ?? '') ? body : undefined;
    });
    expect(stuck.status).toBe('synthesis');
    expect(stuck.statusDetail).toMatch(/^step synthesis_completed failed: .*check constraint.*; an admin can resume it$/);
    const failed = (await timeline(id)).find((e) => e.type === 'step_failed');
    expect(failed?.data).toMatchObject({ step: 'synthesis_completed', failureType: 'INTEGRITY_VIOLATION', awaitsResume: true });

    const notices: Array<{ recipient: string; kind: string }> = await stack.dataSource.query(
      `SELECT recipient, kind FROM notifications WHERE project_id = $1 AND payload->>'step' = 'synthesis_completed' ORDER BY recipient`,
      [id],
    );
    expect(notices).toEqual([
      { recipient: 'role:admin', kind: 'escalation' },
      { recipient: 'role:manager', kind: 'escalation' },
    ]);

    const during = await metrics();
    expect(gauge(during, 'dueflow_steps_failed')).toBe(gauge(before, 'dueflow_steps_failed') + 1);
    expect(gauge(during, 'dueflow_projects_stuck')).toBe(gauge(before, 'dueflow_projects_stuck') + 1);

    // Only an admin resumes.
    expect((await http.as(MANAGER, 'POST', `/projects/${id}/resume`, { body: FIXED })).status).toBe(403);
    expect((await http.as(OFFICER, 'POST', `/projects/${id}/resume`, { body: FIXED })).status).toBe(403);

    await stack.dataSource.query(`ALTER TABLE syntheses DROP CONSTRAINT ${guard}`);
    const resumed = await http.as(ADMIN, 'POST', `/projects/${id}/resume`, { body: FIXED });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toEqual({ status: 'synthesis' });

    const ready = await eventually('awaiting_decision', async () => {
      const body = await project(id);
      return body.status === 'awaiting_decision' ? body : undefined;
    });
    expect(ready.statusDetail).toBeNull();
    expect(ready.synthesis).not.toBeNull();
    const types = (await timeline(id)).map((e) => e.type);
    expect(types.indexOf('step_failed')).toBeLessThan(types.indexOf('step_resumed'));
    expect((await timeline(id)).find((e) => e.type === 'step_resumed')?.data).toMatchObject({ steps: ['synthesis_completed'], reason: FIXED.reason });
    expect(types.filter((t) => t === 'synthesis_completed')).toHaveLength(1);
    expect(gauge(await metrics(), 'dueflow_projects_stuck')).toBe(gauge(before, 'dueflow_projects_stuck'));

    expect((await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Fits the chain.' } })).body.status).toBe('approved');
    const signed = await http.as(OFFICER, 'POST', `/projects/${id}/signing`, {
      body: { signedAt: new Date().toISOString(), agreedInvestment: { amount: 280_000_000, currency: 'CNY' } },
    });
    expect(signed.body).toEqual({ status: 'signed' });
    expect((await timeline(id)).map((e) => e.type)).toContain('signed');
    const verdict = await http.as(ADMIN, 'GET', `/projects/${id}/timeline/verify`);
    expect(verdict.body.valid).toBe(true);

    // Nothing waits any more.
    const again = await http.as(ADMIN, 'POST', `/projects/${id}/resume`, { body: FIXED });
    expect(again.status).toBe(409);
  });

  it('answers a review PostgreSQL cannot store with 400 at once, and leaves the task open for its reviewer', async () => {
    const id = await submit();
    const [task] = await openTasks(id, 4);
    const started = Date.now();
    const refused = await postReview(http, task!.reviewer, task!.id, reviewBody(task!.track, 4, { comments: 'fine\u0000print' }));
    expect(refused.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(10_000);
    const detail = await http.as(task!.reviewer, 'GET', `/tasks/${task!.id}`);
    expect(detail.body.status).toBe('open');
    expect((await postReview(http, task!.reviewer, task!.id, reviewBody(task!.track, 4))).status).toBe(200);
    expect((await project(id)).statusDetail).toBeNull();
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'cleanup' } });
  });

  it('answers 409 to a resume when no step failed, and 404 for an unknown project', async () => {
    const id = await submit();
    await openTasks(id, 4);
    expect((await http.as(ADMIN, 'POST', `/projects/${id}/resume`, { body: {} })).status).toBe(400);
    const res = await http.as(ADMIN, 'POST', `/projects/${id}/resume`, { body: FIXED });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/no step of this project is waiting to be resumed/);
    expect((await http.as(ADMIN, 'POST', `/projects/${randomUUID()}/resume`, { body: FIXED })).status).toBe(404);
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'cleanup' } });
  });

  it('refuses a signing dated before the approval, naming signedAt', async () => {
    const id = await submit();
    for (const task of await openTasks(id, 4)) expect((await postReview(http, task.reviewer, task.id, reviewBody(task.track, 4))).status).toBe(200);
    await eventually('awaiting_decision', async () => (await project(id)).status === 'awaiting_decision');
    expect((await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Go.' } })).status).toBe(200);
    const early = await http.as(OFFICER, 'POST', `/projects/${id}/signing`, {
      body: { signedAt: new Date(Date.now() - 3_600_000).toISOString(), agreedInvestment: { amount: 1_000_000, currency: 'CNY' } },
    });
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([{ field: 'signedAt', problem: expect.stringMatching(/^must not be before the approval \(.+\)$/) }]);
    expect((await project(id)).status).toBe('approved');
  });

  describe('one part per person', () => {
    it('never assigns an officer who also reviews to their own project', async () => {
      const officer = await createUser(['officer', 'reviewer'], { tracks: ['expert', 'vc', 'academic'], sectors: ['robotics'], maxOpenTasks: 50 });
      pool.push(officer.email);
      const id = await submit(officer.email, {}, officer.password);
      const tasks = await openTasks(id, 4);
      expect(tasks.map((t) => t.reviewer)).not.toContain(officer.email);
      const assigned = (await timeline(id)).filter((e) => e.type === 'reviewers_assigned');
      expect(assigned).toHaveLength(3);
      for (const event of assigned) {
        expect((event.data['assigned'] as Array<{ reviewerId: string }>).map((a) => a.reviewerId)).not.toContain(officer.id);
      }
      await http.request('POST', `/projects/${id}/withdraw`, { token: await http.token(officer.email, officer.password), body: { reason: 'cleanup' } });
      await leavePool(officer.id);
    });

    it('refuses a decision from a manager who reviewed the project (403 with the reason)', async () => {
      const manager = await createUser(['manager', 'reviewer'], { tracks: ['vc'], sectors: ['robotics'], maxOpenTasks: 50 });
      const company = `Separation Duties ${randomUUID().slice(0, 8)} Co., Ltd.`;
      // The demo VC reviewers declare a conflict with this company, so the manager takes the VC seat.
      const reviewers = (await http.as(ADMIN, 'GET', '/users?role=reviewer')).body.items as Array<{ id: string; email: string }>;
      for (const email of ['vc1@dueflow.local', 'vc2@dueflow.local']) {
        const vc = reviewers.find((u) => u.email === email)!;
        expect((await http.as(ADMIN, 'POST', `/users/${vc.id}/conflicts`, { body: { company, reason: 'Separation test' } })).status).toBe(201);
      }
      const id = await submit(OFFICER, { company });
      const tasks = await openTasks(id, 4);
      const vcTask = tasks.find((t) => t.track === 'vc')!;
      expect(vcTask.reviewer).toBe(manager.email);
      for (const task of tasks) {
        const token = await http.token(task.reviewer, task.reviewer === manager.email ? manager.password : undefined);
        const res = await eventually('the review taken', async () => {
          const sent = await http.request('POST', `/tasks/${task.id}/review`, { token, body: reviewBody(task.track, 4) });
          return sent.status === 409 && /still being assigned/.test(String(sent.body?.message)) ? undefined : sent;
        });
        expect(res.status).toBe(200);
      }
      await eventually('awaiting_decision', async () => (await project(id)).status === 'awaiting_decision');
      const decided = await http.request('POST', `/projects/${id}/decision`, {
        token: await http.token(manager.email, manager.password),
        body: { outcome: 'go', rationale: 'I liked it.' },
      });
      expect(decided.status).toBe(403);
      expect(decided.body.message).toBe('you are a reviewer of this project; only a manager with no other part in the project decides it');
      expect((await project(id)).status).toBe('awaiting_decision');
      expect((await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'no_go', rationale: 'Cleanup.' } })).status).toBe(200);
      await leavePool(manager.id);
    });
  });
});

/** The API bounds its wait for the workflow: past UPDATE_TIMEOUT_MS it answers 503, never hangs. */
describe('an action the workflow does not answer in time', () => {
  it('answers 503 with Retry-After after UPDATE_TIMEOUT_MS, saying the action may still take effect', async () => {
    const info = loadStackInfo();
    // A task queue no worker polls: the project's workflow starts, but never takes an Update in.
    const config = loadApiConfig({
      NODE_ENV: 'test',
      DATABASE_URL: info.databaseUrl,
      TEMPORAL_ADDRESS: info.temporalAddress,
      TEMPORAL_TASK_QUEUE: `dueflow-no-worker-${randomUUID()}`,
      LOG_LEVEL: 'silent',
      PORT: '0',
      UPDATE_TIMEOUT_MS: '1500',
    });
    const app = await createApiApp(config);
    try {
      await app.listen(0, '127.0.0.1');
      const http = new Http((await app.getUrl()).replace('[::1]', '127.0.0.1'));
      const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
      expect(submitted.status).toBe(201);
      const started = Date.now();
      const res = await http.as(OFFICER, 'POST', `/projects/${submitted.body.id}/withdraw`, { body: { reason: 'No answer expected.' } });
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(res.body.message).toMatch(/did not answer within 1500 ms; the action may still take effect\. Sending it again is safe/);
      expect(elapsed).toBeGreaterThanOrEqual(1_400);
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      await app.close();
    }
  });
});
