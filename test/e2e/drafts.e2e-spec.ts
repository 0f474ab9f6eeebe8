import { MANAGER, OFFICER, REVIEWERS, projectBody, reviewBody } from '../support/factories';
import { Http, RunningDueflow, eventually, postReview, startDueflow } from '../support/harness';

/**
 * Review drafts (API.md "Additions"): PUT /tasks/{id}/draft keeps the assignee's review in progress,
 * GET /tasks/{id} gives it back to them alone, and it ends with the task being open.
 */
describe('review drafts', () => {
  let stack: RunningDueflow;
  let http: Http;
  let task: { id: string; track: 'expert' | 'vc' | 'academic' };
  let assignee: string;
  let otherReviewer: string;
  let otherAssignee: string;

  beforeAll(async () => {
    stack = await startDueflow();
    http = new Http(stack.baseUrl);
    const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    expect(submitted.status).toBe(201);
    const projectId = submitted.body.id;
    const found = await eventually('the project\'s four tasks', async () => {
      const holders: Array<{ email: string; task: { id: string; track: 'expert' | 'vc' | 'academic' } }> = [];
      const without: string[] = [];
      for (const email of REVIEWERS) {
        const res = await http.as(email, 'GET', `/tasks?projectId=${projectId}`);
        if (res.body.items.length) holders.push({ email, task: { id: res.body.items[0].id, track: res.body.items[0].track } });
        else without.push(email);
      }
      return holders.length === 4 ? { holders, without } : undefined;
    });
    ({ email: assignee, task } = found.holders[0]!);
    otherAssignee = found.holders[1]!.email;
    otherReviewer = found.without[0]!;
  });
  afterAll(() => stack?.stop());

  const criteria = () => Object.keys(reviewBody(task.track).scores);

  it('keeps the assignee\'s draft, gives it back on GET /tasks/{id}, and replaces it on the next save', async () => {
    const empty = await http.as(assignee, 'GET', `/tasks/${task.id}`);
    expect(empty.status).toBe(200);
    expect(empty.body.draft).toBeNull();

    const [first] = criteria();
    const draft = { scores: { [first!]: 3 }, comments: 'Half-way: the 供应链 section is still missing.', riskPoints: [{ category: 'Supply chain' }] };
    const saved = await http.as(assignee, 'PUT', `/tasks/${task.id}/draft`, { body: draft });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...draft, taskId: task.id });
    expect(Date.parse(saved.body.savedAt)).not.toBeNaN();

    const reloaded = await http.as(assignee, 'GET', `/tasks/${task.id}`);
    expect(reloaded.body.draft).toEqual(saved.body);
    // Drafts are no part of the process: the task is as open as before, with no review.
    expect(reloaded.body.status).toBe('open');
    expect(reloaded.body.review).toBeNull();

    const update = { recommendation: 'conditional', coInvestment: { willing: true } };
    const replaced = await http.as(assignee, 'PUT', `/tasks/${task.id}/draft`, { body: update });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ ...update, taskId: task.id, savedAt: replaced.body.savedAt });
    expect((await http.as(assignee, 'GET', `/tasks/${task.id}`)).body.draft).toEqual(replaced.body);
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM review_drafts WHERE task_id = $1`, [task.id]);
    expect(n).toBe(1);
  });

  it('is the assignee\'s alone: others get 404 on PUT and never see it on GET, managers included', async () => {
    const before = (await http.as(assignee, 'GET', `/tasks/${task.id}`)).body.draft;
    for (const who of [otherReviewer, otherAssignee, MANAGER]) {
      const put = await http.as(who, 'PUT', `/tasks/${task.id}/draft`, { body: { comments: 'not mine' } });
      expect({ who, status: put.status }).toEqual({ who, status: 404 });
    }
    const asManager = await http.as(MANAGER, 'GET', `/tasks/${task.id}`);
    expect(asManager.status).toBe(200);
    expect(asManager.body).not.toHaveProperty('draft');
    expect(JSON.stringify(asManager.body)).not.toContain('conditional');
    expect((await http.as(assignee, 'GET', `/tasks/${task.id}`)).body.draft).toEqual(before);
  });

  it('refuses bad drafts with 400 naming the field, and keeps the saved one', async () => {
    const before = (await http.as(assignee, 'GET', `/tasks/${task.id}`)).body.draft;
    const bad: Array<[unknown, string]> = [
      [{ comments: 'nul \u0000 inside' }, 'comments'],
      [{ riskPoints: [{ description: 'bad \u0000' }] }, 'riskPoints.0.description'],
      [{ notes: 'unknown field' }, 'notes'],
      [{ riskPoints: [{ category: 'x', extra: 1 }] }, 'riskPoints.0.extra'],
      [{ scores: { no_such_criterion: 3 } }, 'scores.no_such_criterion'],
      [{ scores: { [criteria()[0]!]: 9 } }, `scores.${criteria()[0]}`],
      [{ comments: 'x'.repeat(20_001) }, 'comments'],
    ];
    for (const [body, field] of bad) {
      const res = await http.as(assignee, 'PUT', `/tasks/${task.id}/draft`, { body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await http.as(assignee, 'GET', `/tasks/${task.id}`)).body.draft).toEqual(before);
  });

  it('ends with the task: after the review is submitted, PUT answers 409 and the draft is gone', async () => {
    const submitted = await postReview(http, assignee, task.id, reviewBody(task.track));
    expect(submitted.status).toBe(200);
    const put = await http.as(assignee, 'PUT', `/tasks/${task.id}/draft`, { body: { comments: 'too late' } });
    expect(put.status).toBe(409);
    const detail = await http.as(assignee, 'GET', `/tasks/${task.id}`);
    expect(detail.body.status).not.toBe('open');
    expect(detail.body).not.toHaveProperty('draft');
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM review_drafts WHERE task_id = $1`, [task.id]);
    expect(n).toBe(0);
  });
});
