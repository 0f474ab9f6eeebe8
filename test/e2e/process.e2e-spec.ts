import type { Track } from '@dueflow/domain';
import { MANAGER, MANAGER_2, OFFICER, REVIEWERS, projectBody, reviewBody } from '../support/factories';
import { Http, RunningDueflow, eventually, postReview, startDueflowWithClient } from '../support/harness';

/** Drives one project through every review it was assigned, over HTTP as each reviewer. */
async function reviewEverything(http: Http, projectId: string, score = 4): Promise<number> {
  const expected = { expert: 2, vc: 1, academic: 1 };
  const open = await eventually('all review tasks assigned', async () => {
    const found: Array<{ reviewer: string; id: string; track: Track }> = [];
    for (const reviewer of REVIEWERS) {
      const res = await http.as(reviewer, 'GET', `/tasks?projectId=${projectId}&status=open`);
      expect(res.status).toBe(200);
      for (const task of res.body.items) found.push({ reviewer, id: task.id, track: task.track });
    }
    return found.length === 4 ? found : undefined;
  });
  expect(open.filter((t) => t.track === 'expert')).toHaveLength(expected.expert);
  expect(open.filter((t) => t.track === 'vc')).toHaveLength(expected.vc);
  expect(open.filter((t) => t.track === 'academic')).toHaveLength(expected.academic);
  for (const task of open) {
    const detail = await http.as(task.reviewer, 'GET', `/tasks/${task.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.rubric.criteria.length).toBeGreaterThanOrEqual(5);
    const res = await postReview(http, task.reviewer, task.id, reviewBody(task.track, score));
    expect(res.status).toBe(200);
  }
  return open.length;
}

async function waitForStatus(http: Http, projectId: string, status: string) {
  return eventually(`project ${projectId} to be ${status}`, async () => {
    const res = await http.as(MANAGER, 'GET', `/projects/${projectId}`);
    return res.body.status === status ? res.body : undefined;
  });
}

describe('a project through the whole process, over HTTP', () => {
  let stack: RunningDueflow;
  let http: Http;

  beforeAll(async () => ({ stack, http } = await startDueflowWithClient()));
  afterAll(() => stack?.stop());

  it('goes from submission through review, synthesis, approval to signed', async () => {
    const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).toBe('screening');
    const id: string = submitted.body.id;

    const early = await http.as(MANAGER, 'GET', `/projects/${id}/report`);
    expect(early.status).toBe(409);

    expect(await reviewEverything(http, id, 4)).toBe(4);
    const awaiting = await waitForStatus(http, id, 'awaiting_decision');
    expect(awaiting.tracks.expert.status).toBe('complete');
    expect(awaiting.tracks.expert.reviews).toHaveLength(2);

    const report = await http.as(MANAGER, 'GET', `/projects/${id}/report`);
    expect(report.status).toBe(200);
    expect(report.body.overallScore).toBe(4);
    expect(report.body.recommendation).toBe('go');
    expect(report.body.riskPoints[0]).toMatchObject({ category: 'supply chain', severity: 'medium' });
    expect(report.body.riskPoints[0].sources).toHaveLength(4);
    expect(report.body.endorsements.willing).toBe(1);

    const decision = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Strong panel, fits the robotics chain.' } });
    expect(decision.status).toBe(200);
    expect(decision.body.status).toBe('approved');

    const signing = await http.as(OFFICER, 'POST', `/projects/${id}/signing`, {
      body: { signedAt: new Date().toISOString(), agreedInvestment: { amount: 280_000_000, currency: 'CNY' }, notes: 'Phase one.' },
    });
    expect(signing.status).toBe(200);
    expect(signing.body.status).toBe('signed');

    const project = await http.as(OFFICER, 'GET', `/projects/${id}`);
    expect(project.body.status).toBe('signed');
    expect(project.body.signing.agreedInvestment).toEqual({ amount: 280_000_000, currency: 'CNY' });
    expect(project.body.decisions).toHaveLength(1);

    const timeline = await http.as(MANAGER, 'GET', `/projects/${id}/timeline`);
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('submitted');
    expect(types).toEqual(expect.arrayContaining(['screening_passed', 'reviewers_assigned', 'review_submitted', 'synthesis_completed', 'decision_recorded', 'signed']));
    expect(types.filter((t: string) => t === 'review_submitted')).toHaveLength(4);
    const seqs = timeline.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const assignment = timeline.body.items.find((e: { type: string }) => e.type === 'reviewers_assigned');
    expect(assignment.data.considered.length).toBeGreaterThan(0);

    const again = await http.as(OFFICER, 'POST', `/projects/${id}/signing`, {
      body: { signedAt: '2026-11-21T08:00:00.000Z', agreedInvestment: { amount: 1, currency: 'CNY' } },
    });
    expect(again.status).toBe(409);
  });

  it('goes to rejected on a no_go, and the rejected project accepts no further decision', async () => {
    const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody({ sector: 'new_energy_materials' }) });
    expect(submitted.status).toBe(201);
    const id: string = submitted.body.id;
    await reviewEverything(http, id, 2);
    await waitForStatus(http, id, 'awaiting_decision');
    const report = await http.as(MANAGER, 'GET', `/projects/${id}/report`);
    expect(report.body.recommendation).toBe('no_go');

    const decision = await http.as(MANAGER_2, 'POST', `/projects/${id}/decision`, { body: { outcome: 'no_go', rationale: 'Scores too weak across tracks.' } });
    expect(decision.status).toBe(200);
    expect(decision.body.status).toBe('rejected');
    const project = await http.as(OFFICER, 'GET', `/projects/${id}`);
    expect(project.body.status).toBe('rejected');

    const late = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Changed my mind.' } });
    expect(late.status).toBe(409);
    const rows = await stack.dataSource.query('SELECT count(*)::int AS n FROM decisions WHERE project_id = $1', [id]);
    expect(rows[0].n).toBe(1);
  });

  it('needs two different managers for a go at or above the dual-approval threshold', async () => {
    const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody({ totalInvestment: { amount: 1_200_000_000, currency: 'CNY' } }) });
    const id: string = submitted.body.id;
    await reviewEverything(http, id, 5);
    await waitForStatus(http, id, 'awaiting_decision');
    const first = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Flagship project.' } });
    expect(first.body.status).toBe('awaiting_second_approval');
    const same = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Again.' } });
    expect(same.status).toBe(422);
    const second = await http.as(MANAGER_2, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Concur.' } });
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('approved');
  });

  it('withdraws a project in review and cancels its open tasks', async () => {
    const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    const id: string = submitted.body.id;
    await eventually('tasks assigned', async () => {
      const res = await http.as(MANAGER, 'GET', `/tasks?projectId=${id}&status=open`);
      return res.body.items.length === 4 ? res.body.items : undefined;
    });
    const res = await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'Company chose another park.' } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    const open = await http.as(MANAGER, 'GET', `/tasks?projectId=${id}&status=open`);
    expect(open.body.items).toHaveLength(0);
    const cancelled = await http.as(MANAGER, 'GET', `/tasks?projectId=${id}&status=cancelled`);
    expect(cancelled.body.items).toHaveLength(4);
  });
});
