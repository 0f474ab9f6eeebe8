import { DEFAULT_POLICY } from '@dueflow/domain';
import { ADMIN, MANAGER, MANAGER_2, OFFICER, REVIEWERS, projectBody, reviewBody } from '../support/factories';
import { Http, RunningDueflow, eventually, postReview, startDueflowWithClient, usePolicy } from '../support/harness';

interface OpenTask {
  reviewer: string;
  id: string;
  track: 'expert' | 'vc' | 'academic';
}

/** Short durations so deadlines, reminders and lapses happen within the test. */
const FAST = { ...DEFAULT_POLICY, reviewDeadline: 'PT4S', reminderBefore: 'PT2S', decisionDeadline: 'PT4S', signingDeadline: 'PT3S', maxReassignments: 1 };
const SLOW = { ...DEFAULT_POLICY, reviewDeadline: 'P14D', reminderBefore: 'P2D' };

describe('the process rules, over HTTP with a real worker', () => {
  /** Every reviewer who can be assigned: the demo ones plus those the tests create. */
  const pool = [...REVIEWERS];
  let stack: RunningDueflow;
  let http: Http;

  beforeAll(async () => ({ stack, http } = await startDueflowWithClient()));
  afterAll(async () => {
    if (http) await usePolicy(http, DEFAULT_POLICY);
    await stack?.stop();
  });


  async function submit(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await http.as(OFFICER, 'POST', '/projects', { body: projectBody(overrides) });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function openTasks(projectId: string, expected: number): Promise<OpenTask[]> {
    return eventually(`${expected} open tasks`, async () => {
      const found: OpenTask[] = [];
      for (const reviewer of pool) {
        const res = await http.as(reviewer, 'GET', `/tasks?projectId=${projectId}&status=open`);
        for (const t of res.body.items) found.push({ reviewer, id: t.id, track: t.track });
      }
      return found.length === expected ? found : undefined;
    });
  }

  async function timelineTypes(projectId: string): Promise<string[]> {
    const res = await http.as(MANAGER, 'GET', `/projects/${projectId}/timeline`);
    return res.body.items.map((e: { type: string }) => e.type);
  }

  async function waitForEvent(projectId: string, type: string, timeoutMs = 20_000, where: (data: any) => boolean = () => true) {
    return eventually(`event ${type}`, async () => {
      const res = await http.as(MANAGER, 'GET', `/projects/${projectId}/timeline`);
      return res.body.items.find((e: { type: string; data: unknown }) => e.type === type && where(e.data));
    }, timeoutMs);
  }

  async function waitForStatus(projectId: string, status: string) {
    return eventually(`status ${status}`, async () => {
      const res = await http.as(MANAGER, 'GET', `/projects/${projectId}`);
      return res.body.status === status ? res.body : undefined;
    });
  }

  async function reviewAll(tasks: OpenTask[], score = 4) {
    for (const t of tasks) {
      const res = await postReview(http, t.reviewer, t.id, reviewBody(t.track, score));
      expect(res.status).toBe(200);
    }
  }

  async function notifications(projectId: string): Promise<Array<{ kind: string; recipient: string }>> {
    return stack.dataSource.query('SELECT kind, recipient FROM notifications WHERE project_id = $1 ORDER BY created_at', [projectId]);
  }

  it('replaces a reviewer who declines, and remembers a declared conflict for the next project', async () => {
    await usePolicy(http, SLOW);
    const company = `Declining Materials ${Date.now()} Ltd.`;
    const id = await submit({ company, sector: 'new_energy_materials' });
    const tasks = await openTasks(id, 4);
    const academic = tasks.find((t) => t.track === 'academic')!;
    const res = await http.as(academic.reviewer, 'POST', `/tasks/${academic.id}/decline`, { body: { reason: 'I advise this company.', conflictOfInterest: true } });
    expect(res.status).toBe(200);
    const replacement = await eventually('a replacement academic', async () => {
      const all = await http.as(MANAGER, 'GET', `/tasks?projectId=${id}&track=academic`);
      return all.body.items.find((t: { status: string; assignee: { id: string } }) => t.status === 'open');
    });
    const declined = (await http.as(MANAGER, 'GET', `/tasks?projectId=${id}&track=academic&status=declined`)).body.items;
    expect(declined).toHaveLength(1);
    expect(replacement.assignee.id).not.toBe(declined[0].assignee.id);
    expect(await timelineTypes(id)).toEqual(expect.arrayContaining(['task_declined', 'reviewer_replaced']));

    const conflicts = await stack.dataSource.query('SELECT reviewer_id FROM conflicts WHERE company = $1', [company]);
    expect(conflicts).toEqual([{ reviewer_id: declined[0].assignee.id }]);
    const next = await submit({ company, sector: 'new_energy_materials' });
    const nextTasks = await openTasks(next, 4);
    expect(nextTasks.some((t) => t.reviewer === academic.reviewer)).toBe(false);
    const assigned = (await http.as(MANAGER, 'GET', `/projects/${next}/timeline`)).body.items.find(
      (e: { type: string; data: { track: string } }) => e.type === 'reviewers_assigned' && e.data.track === 'academic',
    );
    expect(assigned.data.excluded).toEqual(expect.arrayContaining([expect.objectContaining({ reviewerId: declined[0].assignee.id, reason: 'conflict_of_interest' })]));
    for (const p of [id, next]) await http.as(OFFICER, 'POST', `/projects/${p}/withdraw`, { body: { reason: 'test over' } });
  });

  it('never assigns a reviewer from the company itself, and prefers the least loaded', async () => {
    await usePolicy(http, SLOW);
    const company = `Affiliated Robotics ${Date.now()}`;
    const email = `insider-${Date.now()}@example.com`;
    const created = await http.as(ADMIN, 'POST', '/users', {
      body: { email, name: 'Ingrid Insider', password: 'dueflow-demo', roles: ['reviewer'], reviewer: { tracks: ['vc'], sectors: ['robotics'], affiliation: company, maxOpenTasks: 5 } },
    });
    expect(created.status).toBe(201);
    pool.push(email);
    const duplicate = await http.as(ADMIN, 'POST', '/users', { body: { email, name: 'Again', password: 'dueflow-demo', roles: ['officer'] } });
    expect(duplicate.status).toBe(409);
    const id = await submit({ company });
    await openTasks(id, 4);
    const assigned = (await http.as(MANAGER, 'GET', `/projects/${id}/timeline`)).body.items.find(
      (e: { type: string; data: { track: string } }) => e.type === 'reviewers_assigned' && e.data.track === 'vc',
    );
    expect(assigned.data.excluded).toEqual(expect.arrayContaining([expect.objectContaining({ reviewerId: created.body.id, reason: 'same_affiliation' })]));
    const considered = assigned.data.considered as Array<{ sectorMatch: boolean; openTasks: number }>;
    const matching = considered.filter((c) => c.sectorMatch);
    expect(matching.map((c) => c.openTasks)).toEqual([...matching.map((c) => c.openTasks)].sort((a, b) => a - b));
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
    // Other suites share the database and count on the demo pool: retire the extra reviewer.
    await stack.dataSource.query(`UPDATE users SET roles = array_remove(roles, 'reviewer') WHERE id = $1`, [created.body.id]);
    // Roles are read on every request, so that takes effect at once: they can no longer list tasks.
    pool.splice(pool.indexOf(email), 1);
  });

  it('reminds, then expires and replaces an overdue reviewer, and escalates to the managers', async () => {
    await usePolicy(http, FAST);
    const id = await submit();
    await openTasks(id, 4);
    await waitForEvent(id, 'reminder_sent', 10_000);
    await waitForEvent(id, 'task_expired', 15_000);
    // Both demo experts are already on the panel, so only the vc and academic seats can be refilled.
    const replaced = await waitForEvent(id, 'reviewer_replaced', 15_000, (data) => data.assigned.length > 0);
    expect(['vc', 'academic']).toContain(replaced.data.track);
    const expertShort = await waitForEvent(id, 'reviewer_pool_exhausted', 15_000, (data) => data.track === 'expert');
    expect(expertShort.data.shortfall).toBe(1);
    expect((await http.as(MANAGER, 'GET', `/tasks?projectId=${id}&status=expired`)).body.items.length).toBeGreaterThan(0);
    const kinds = (await notifications(id)).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['assignment', 'reminder', 'escalation']));
    expect((await notifications(id)).find((n) => n.kind === 'escalation')!.recipient).toBe('role:manager');
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });

  it('reports a track that cannot reach its quorum and still synthesises with the failure on record', async () => {
    await usePolicy(http, SLOW);
    const company = `Conflicted Circuits ${Date.now()}`;
    const me = await http.request('POST', '/auth/login', { body: { email: 'vc1@dueflow.local', password: 'dueflow-demo' } });
    const own = await http.as('vc1@dueflow.local', 'POST', `/users/${me.body.user.id}/conflicts`, { body: { company, reason: 'Portfolio company.' } });
    expect(own.status).toBe(201);
    const other = await http.as('vc2@dueflow.local', 'POST', `/users/${me.body.user.id}/conflicts`, { body: { company, reason: 'Not mine to declare.' } });
    expect(other.status).toBe(404);
    // An admin declares the conflict for every other VC reviewer.
    const reviewers = (await http.as(ADMIN, 'GET', '/users?role=reviewer')).body.items as Array<{ id: string; reviewer: { tracks: string[] } }>;
    for (const r of reviewers.filter((u) => u.reviewer.tracks.includes('vc') && u.id !== me.body.user.id)) {
      const declared = await http.as(ADMIN, 'POST', `/users/${r.id}/conflicts`, { body: { company, reason: 'Fund holds a stake.' } });
      expect(declared.status).toBe(201);
    }
    const id = await submit({ company, sector: 'integrated_circuits' });
    const tasks = await openTasks(id, 3);
    expect(tasks.some((t) => t.track === 'vc')).toBe(false);
    const exhausted = await waitForEvent(id, 'reviewer_pool_exhausted');
    expect(exhausted.data.track).toBe('vc');
    const project = (await http.as(OFFICER, 'GET', `/projects/${id}`)).body;
    expect(project.statusDetail).toMatch(/vc track/);
    expect((await notifications(id)).map((n) => n.kind)).toContain('quorum_failure');

    await reviewAll(tasks);
    await waitForStatus(id, 'awaiting_decision');
    const report = (await http.as(MANAGER, 'GET', `/projects/${id}/report`)).body;
    expect(report.trackScores.vc.status).toBe('quorum_failed');
    expect(report.recommendation).toBe('conditional');
    expect(report.rules.find((r: { id: string }) => r.id === 'R3').fired).toBe(true);
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });

  it('asks the officer for information, re-opens the VC track, and decides on the new panel', async () => {
    await usePolicy(http, SLOW);
    const id = await submit();
    await reviewAll(await openTasks(id, 4));
    await waitForStatus(id, 'awaiting_decision');

    const noQuestions = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'request_info', rationale: 'Need the cap table.' } });
    expect(noQuestions.status).toBe(400);
    const asked = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, {
      body: { outcome: 'request_info', rationale: 'Need the cap table.', questions: ['Who holds the remaining 40%?'], reopenTracks: ['vc'] },
    });
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe('information_requested');
    expect((await http.as(MANAGER_2, 'POST', `/projects/${id}/information`, { body: { answers: ['not mine'] } })).status).toBe(403);
    const answered = await http.as(OFFICER, 'POST', `/projects/${id}/information`, { body: { answers: ['Two angel investors, 20% each.'] } });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('in_review');
    expect((await http.as(OFFICER, 'POST', `/projects/${id}/information`, { body: { answers: ['again'] } })).status).toBe(409);

    const vcAgain = await openTasks(id, 1);
    expect(vcAgain[0]!.track).toBe('vc');
    await reviewAll(vcAgain, 5);
    await waitForStatus(id, 'awaiting_decision');
    const go = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Answers satisfy us.' } });
    expect(go.body.status).toBe('approved');
    const types = await timelineTypes(id);
    expect(types.filter((t) => t === 'synthesis_completed')).toHaveLength(2);
    expect(types).toContain('information_provided');
    const rows = await stack.dataSource.query('SELECT answers FROM information_responses WHERE project_id = $1', [id]);
    expect(rows).toEqual([{ answers: ['Two angel investors, 20% each.'] }]);
  });

  it('lets exactly one of two concurrent decisions win', async () => {
    await usePolicy(http, SLOW);
    const id = await submit();
    await reviewAll(await openTasks(id, 4));
    await waitForStatus(id, 'awaiting_decision');
    const [a, b] = await Promise.all([
      http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'yes' } }),
      http.as(MANAGER_2, 'POST', `/projects/${id}/decision`, { body: { outcome: 'no_go', rationale: 'no' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const rows = await stack.dataSource.query('SELECT count(*)::int AS n FROM decisions WHERE project_id = $1', [id]);
    expect(rows[0].n).toBe(1);
  });

  it('reminds and escalates a late decision, and lapses an approval that is never signed', async () => {
    await usePolicy(http, FAST);
    const id = await submit();
    await reviewAll(await openTasks(id, 4));
    await waitForStatus(id, 'awaiting_decision');
    await waitForEvent(id, 'decision_reminder', 10_000);
    await waitForEvent(id, 'decision_escalated', 10_000);
    expect((await notifications(id)).map((n) => n.kind)).toEqual(expect.arrayContaining(['decision_reminder', 'escalation']));
    const go = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Late but yes.' } });
    expect(go.body.status).toBe('approved');
    const lapsed = await waitForStatus(id, 'lapsed');
    expect(lapsed.statusDetail).toMatch(/signing deadline/);
    const late = await http.as(OFFICER, 'POST', `/projects/${id}/signing`, { body: { signedAt: '2026-11-26T00:00:00Z', agreedInvestment: { amount: 1, currency: 'CNY' } } });
    expect(late.status).toBe(409);
  });

  it('keeps the policy a project was submitted under', async () => {
    await usePolicy(http, { ...SLOW, signingDeadline: 'P30D' });
    const id = await submit();
    await usePolicy(http, { ...SLOW, signingDeadline: 'P60D' });
    const project = (await http.as(MANAGER, 'GET', `/projects/${id}`)).body;
    expect(project.policy.signingDeadline).toBe('P30D');
    expect((await http.as(OFFICER, 'GET', '/policy')).body.signingDeadline).toBe('P60D');
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });
});
