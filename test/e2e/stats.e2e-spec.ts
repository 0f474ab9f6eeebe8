import type { Track } from '@dueflow/domain';
import { ADMIN, MANAGER, OFFICER, REVIEWERS, projectBody, reviewBody } from '../support/factories';
import { Http, RunningDueflow, eventually, postReview, startDueflowWithClient } from '../support/harness';

interface Stats {
  asOf: string;
  funnel: Record<string, number>;
  bySector: Record<string, number>;
  byInvestmentBand: Array<{ key: string; label: string; count: number }>;
  signed: { count: number; agreedInvestment: { amount: number; currency: string } };
  medianDaysToFirstDecision: number | null;
  overdueTasks: number;
}

async function openTasks(http: Http, projectId: string) {
  return eventually('all review tasks assigned', async () => {
    const found: Array<{ reviewer: string; id: string; track: Track }> = [];
    for (const reviewer of REVIEWERS) {
      const res = await http.as(reviewer, 'GET', `/tasks?projectId=${projectId}&status=open`);
      for (const task of res.body.items) found.push({ reviewer, id: task.id, track: task.track });
    }
    return found.length === 4 ? found : undefined;
  });
}

function deltas(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));
}

function zeroed(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(counts).map((k) => [k, 0]));
}

const bandCounts = (stats: Stats) => Object.fromEntries(stats.byInvestmentBand.map((b) => [b.key, b.count]));

describe('GET /stats', () => {
  let stack: RunningDueflow;
  let http: Http;

  beforeAll(async () => ({ stack, http } = await startDueflowWithClient()));
  afterAll(() => stack?.stop());

  const readStats = async (as = MANAGER): Promise<Stats> => {
    const res = await http.as<Stats>(as, 'GET', '/stats');
    expect(res.status).toBe(200);
    return res.body;
  };

  it('is for managers and admins only', async () => {
    expect((await http.request('GET', '/stats')).status).toBe(401);
    expect((await http.as(OFFICER, 'GET', '/stats')).status).toBe(403);
    expect((await http.as(REVIEWERS[0]!, 'GET', '/stats')).status).toBe(403);
    expect((await http.as(ADMIN, 'GET', '/stats')).status).toBe(200);
  });

  it('lists every status, every sector and every band, zeros included', async () => {
    const stats = await readStats(ADMIN);
    expect(Object.keys(stats.funnel)).toEqual([
      'screening',
      'in_review',
      'synthesis',
      'awaiting_decision',
      'information_requested',
      'awaiting_second_approval',
      'approved',
      'signed',
      'rejected',
      'withdrawn',
      'lapsed',
    ]);
    expect(Object.keys(stats.bySector)).toHaveLength(9);
    expect(stats.byInvestmentBand.map((b) => [b.key, b.label])).toEqual([
      ['under_50m', '< 50,000,000'],
      ['50m_to_200m', '50,000,000–199,999,999'],
      ['200m_to_1b', '200,000,000–999,999,999'],
      ['1b_and_above', '>= 1,000,000,000'],
    ]);
    const total = Object.values(stats.funnel).reduce((a, b) => a + b, 0);
    expect(Object.values(stats.bySector).reduce((a, b) => a + b, 0)).toBe(total);
    expect(stats.byInvestmentBand.reduce((a, b) => a + b.count, 0)).toBe(total);
    expect(stats.signed.agreedInvestment.currency).toBe('CNY');
  });

  it('counts new projects, a signing, first decisions and overdue tasks as increments', async () => {
    const before = await readStats();

    // A flagship project, withdrawn during review.
    const big = await http.as(OFFICER, 'POST', '/projects', {
      body: projectBody({ sector: 'robotics', totalInvestment: { amount: 1_200_000_000, currency: 'CNY' } }),
    });
    expect(big.status).toBe(201);
    await openTasks(http, big.body.id);
    const withdrawn = await http.as(OFFICER, 'POST', `/projects/${big.body.id}/withdraw`, { body: { reason: 'Chose another park.' } });
    expect(withdrawn.body.status).toBe('withdrawn');

    // A small project, taken through review and a go decision to signed.
    const small = await http.as(OFFICER, 'POST', '/projects', {
      body: projectBody({ sector: 'medical_devices', totalInvestment: { amount: 30_000_000, currency: 'CNY' } }),
    });
    expect(small.status).toBe(201);
    const smallId: string = small.body.id;
    for (const task of await openTasks(http, smallId)) {
      expect((await postReview(http, task.reviewer, task.id, reviewBody(task.track, 4))).status).toBe(200);
    }
    await eventually('awaiting_decision', async () => (await http.as(MANAGER, 'GET', `/projects/${smallId}`)).body.status === 'awaiting_decision');
    const decision = await http.as(MANAGER, 'POST', `/projects/${smallId}/decision`, { body: { outcome: 'go', rationale: 'Fits the medical cluster.' } });
    expect(decision.body.status).toBe('approved');
    const agreed = 28_500_000;
    const signing = await http.as(OFFICER, 'POST', `/projects/${smallId}/signing`, {
      body: { signedAt: new Date().toISOString(), agreedInvestment: { amount: agreed, currency: 'CNY' } },
    });
    expect(signing.body.status).toBe('signed');

    // An open task past its due date; removed afterwards so it takes no reviewer's capacity.
    const [inserted] = await stack.dataSource.query(
      `INSERT INTO review_tasks (project_id, track, slot, attempt, assignee_id, status, due_at)
       SELECT $1, 'expert', 99, 1, id, 'open', now() - interval '1 day' FROM users WHERE email = $2
       RETURNING id`,
      [big.body.id, REVIEWERS[0]],
    );
    try {
      const after = await readStats();

      expect(deltas(before.funnel, after.funnel)).toEqual({ ...zeroed(before.funnel), withdrawn: 1, signed: 1 });
      expect(deltas(before.bySector, after.bySector)).toEqual({ ...zeroed(before.bySector), robotics: 1, medical_devices: 1 });
      expect(deltas(bandCounts(before), bandCounts(after))).toEqual({ under_50m: 1, '50m_to_200m': 0, '200m_to_1b': 0, '1b_and_above': 1 });
      expect(after.signed.count - before.signed.count).toBe(1);
      expect(after.signed.agreedInvestment).toEqual({ amount: before.signed.agreedInvestment.amount + agreed, currency: 'CNY' });

      // Other suites may have left open tasks that fell due between the two reads; count those apart.
      const [crossed] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM review_tasks WHERE status = 'open' AND due_at >= $1 AND due_at < $2 AND id <> $3`,
        [before.asOf, after.asOf, inserted.id],
      );
      expect(after.overdueTasks - before.overdueTasks).toBe(1 + crossed.n);

      expect(typeof after.medianDaysToFirstDecision).toBe('number');
      expect(after.medianDaysToFirstDecision).toBeGreaterThanOrEqual(0);
      const median = after.medianDaysToFirstDecision!;
      expect(Math.round(median * 100) / 100).toBe(median);
    } finally {
      await stack.dataSource.query('DELETE FROM review_tasks WHERE id = $1', [inserted.id]);
    }
  });
});
