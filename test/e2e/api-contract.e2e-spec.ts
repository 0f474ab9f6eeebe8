import { ADMIN, MANAGER, OFFICER, REVIEWERS, projectBody, reviewBody } from '../support/factories';
import { Http, RunningDueflow, eventually, startDueflowWithClient } from '../support/harness';

const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

function expectErrorShape(body: any, status: number) {
  expect(body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
}

async function countRows(stack: RunningDueflow, table: string): Promise<number> {
  const rows = await stack.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}

describe('the HTTP contract: authentication, errors, bad input', () => {
  let stack: RunningDueflow;
  let http: Http;

  beforeAll(async () => ({ stack, http } = await startDueflowWithClient()));
  afterAll(() => stack?.stop());

  it('answers health and readiness without a token', async () => {
    expect((await http.request('GET', '/health')).body).toEqual({ status: 'ok' });
    const ready = await http.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ postgres: { status: 'up' }, temporal: { status: 'up' } });
  });

  it('logs in with the right password only, and needs a token everywhere else', async () => {
    const ok = await http.request('POST', '/auth/login', { body: { email: OFFICER, password: 'dueflow-demo' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, user: { email: OFFICER, roles: ['officer'] } });
    const wrong = await http.request('POST', '/auth/login', { body: { email: OFFICER, password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
    expectErrorShape(wrong.body, 401);
    const unknown = await http.request('POST', '/auth/login', { body: { email: 'nobody@dueflow.local', password: 'whatever' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);

    expect((await http.request('GET', '/projects')).status).toBe(401);
    expect((await http.request('GET', '/projects', { token: 'garbage' })).status).toBe(401);
    expect((await http.request('GET', '/tasks', { token: `${ok.body.accessToken}x` })).status).toBe(401);
  });

  it('answers 429 after five failed logins for the same address and email', async () => {
    const email = `target-${Date.now()}@dueflow.local`;
    for (let i = 0; i < 5; i += 1) {
      expect((await http.request('POST', '/auth/login', { body: { email, password: `guess-${i}` } })).status).toBe(401);
    }
    const locked = await http.request('POST', '/auth/login', { body: { email, password: 'guess-5' } });
    expect(locked.status).toBe(429);
    expectErrorShape(locked.body, 429);
    expect((await http.request('POST', '/auth/login', { body: { email: ADMIN, password: 'dueflow-demo' } })).status).toBe(200);
  });

  it('carries the caller\'s X-Request-Id through to the answer', async () => {
    const res = await http.request('GET', '/health', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    const err = await http.request('GET', '/projects', { headers: { 'x-request-id': 'trace-def-456' } });
    expect(err.body.requestId).toBe('trace-def-456');
  });

  it('lists every bad field of a project at once, refuses unknown fields, and writes nothing', async () => {
    const before = await countRows(stack, 'projects');
    const res = await http.as(OFFICER, 'POST', '/projects', {
      body: { name: '', sector: 'moon', totalInvestment: { amount: -5, currency: 'USD' }, source: 'direct', summary: 'x', surprise: true },
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'company', 'sector', 'totalInvestment.amount', 'totalInvestment.currency', 'surprise']));
    expect(res.body.details.find((d: { field: string }) => d.field === 'company').problem).toBe('is required');
    expect(res.body.details.find((d: { field: string }) => d.field === 'surprise').problem).toBe('is not a known field');
    expect(await countRows(stack, 'projects')).toBe(before);
  });

  it('answers malformed JSON, oversized bodies and bad ids with 4xx in the error shape', async () => {
    const malformed = await http.as(OFFICER, 'POST', '/projects', { rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.body, 400);

    // Parses fine, but thousands of levels would overflow the stack of the validation pipe.
    const deep = await http.request('POST', '/auth/login', { rawBody: `${'['.repeat(1500)}${']'.repeat(1500)}` });
    expect(deep.status).toBe(400);
    expectErrorShape(deep.body, 400);
    expect(deep.body.message).toMatch(/nests deeper than 32 levels/);

    const form = await http.request('POST', '/auth/login', { rawBody: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expectErrorShape(form.body, 415);

    // Refused by Fastify's router before any route runs: still the one error shape, with the request id.
    for (const [path, status] of [[`/projects/${'a'.repeat(101)}`, 414], ['/projects/%E0%A4%A', 400]] as const) {
      const res = await http.as(MANAGER, 'GET', path);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ statusCode: status, error: expect.any(String), message: expect.any(String), requestId: res.headers.get('x-request-id') });
    }

    const huge = await http.as(OFFICER, 'POST', '/projects', { body: projectBody({ summary: 'x'.repeat(300 * 1024) }) });
    expect(huge.status).toBe(413);
    expectErrorShape(huge.body, 413);

    const badId = await http.as(MANAGER, 'GET', '/projects/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.details).toEqual([{ field: 'id', problem: 'must be a UUID' }]);

    expect((await http.as(MANAGER, 'GET', `/projects/${ZERO_UUID}`)).status).toBe(404);
    expect((await http.as(MANAGER, 'GET', '/no/such/route')).status).toBe(404);

    const badQuery = await http.as(MANAGER, 'GET', '/projects?limit=0&status=nope');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'status']);
    const badCursor = await http.as(MANAGER, 'GET', '/projects?cursor=abc');
    expect(badCursor.status).toBe(400);
  });

  it('keeps roles apart: an officer cannot decide, a reviewer cannot submit projects', async () => {
    const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    expect(submitted.status).toBe(201);
    const decide = await http.as(OFFICER, 'POST', `/projects/${submitted.body.id}/decision`, { body: { outcome: 'go', rationale: 'mine' } });
    expect(decide.status).toBe(403);
    const asReviewer = await http.as(REVIEWERS[0]!, 'POST', '/projects', { body: projectBody() });
    expect(asReviewer.status).toBe(403);
    const notYet = await http.as(MANAGER, 'POST', `/projects/${submitted.body.id}/decision`, { body: { outcome: 'go', rationale: 'too early' } });
    expect(notYet.status).toBe(409);
    expect(notYet.body.message).toMatch(/not awaiting a decision/);
    await http.as(MANAGER, 'POST', `/projects/${submitted.body.id}/withdraw`, { body: { reason: 'cleanup' } });
  });

  it('returns the same project for a retried Idempotency-Key and refuses a changed body', async () => {
    const body = projectBody();
    const key = `retry-${Date.now()}`;
    const first = await http.as(OFFICER, 'POST', '/projects', { body, headers: { 'idempotency-key': key } });
    const again = await http.as(OFFICER, 'POST', '/projects', { body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const changed = await http.as(OFFICER, 'POST', '/projects', { body: { ...body, name: 'Another name' }, headers: { 'idempotency-key': key } });
    expect(changed.status).toBe(422);
    const rows = await stack.dataSource.query('SELECT count(*)::int AS n FROM projects WHERE idempotency_key = $1', [key]);
    expect(rows[0].n).toBe(1);
    await http.as(OFFICER, 'POST', `/projects/${first.body.id}/withdraw`, { body: { reason: 'cleanup' } });
  });

  it('creates exactly one project and one workflow for 8 concurrent retries with one key', async () => {
    const body = projectBody();
    const key = `burst-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => http.as(OFFICER, 'POST', '/projects', { body, headers: { 'idempotency-key': key } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const projects = await stack.dataSource.query('SELECT count(*)::int AS n FROM projects WHERE idempotency_key = $1', [key]);
    expect(projects[0].n).toBe(1);
    // One workflow: it records `submitted` once, and assigns one panel (4 tasks), never two.
    await eventually('the panel', async () => {
      const tasks = await stack.dataSource.query('SELECT count(*)::int AS n FROM review_tasks WHERE project_id = $1', [id]);
      return tasks[0].n === 4;
    });
    const submitted = await stack.dataSource.query(`SELECT count(*)::int AS n FROM timeline_events WHERE project_id = $1 AND type = 'submitted'`, [id]);
    expect(submitted[0].n).toBe(1);
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'cleanup' } });
  });

  it('refuses an incomplete review with every missing criterion listed, and keeps reviews blind', async () => {
    const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    const id = submitted.body.id;
    const tasks = await eventually('expert tasks', async () => {
      const res = await http.as(MANAGER, 'GET', `/tasks?projectId=${id}&track=expert`);
      return res.body.items.length === 2 ? res.body.items : undefined;
    });
    const emails = new Map<string, string>();
    for (const reviewer of REVIEWERS) {
      const mine = await http.as(reviewer, 'GET', `/tasks?projectId=${id}`);
      for (const t of mine.body.items) emails.set(t.id, reviewer);
    }
    const [a, b] = tasks;
    const reviewerA = emails.get(a.id)!;
    const reviewerB = emails.get(b.id)!;

    const full = reviewBody('expert');
    const { technology: _dropped, market: _alsoDropped, ...partialScores } = full.scores as Record<string, number>;
    const incomplete = await http.as(reviewerA, 'POST', `/tasks/${a.id}/review`, { body: { ...full, scores: { ...partialScores, team: 9 } } });
    expect(incomplete.status).toBe(400);
    const fields = incomplete.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['scores.market', 'scores.team', 'scores.technology']);
    expect(await countRows(stack, 'reviews')).toBeGreaterThanOrEqual(0);
    const noReview = await stack.dataSource.query('SELECT count(*)::int AS n FROM reviews WHERE task_id = $1', [a.id]);
    expect(noReview[0].n).toBe(0);

    const notMine = await http.as(reviewerB, 'POST', `/tasks/${a.id}/review`, { body: full });
    expect(notMine.status).toBe(404);
    expect((await http.as(reviewerB, 'GET', `/tasks/${a.id}`)).status).toBe(404);

    expect((await http.as(reviewerA, 'POST', `/tasks/${a.id}/review`, { body: full })).status).toBe(200);
    expect((await http.as(reviewerA, 'POST', `/tasks/${a.id}/review`, { body: full })).status).toBe(409);

    const seenByB = await http.as(reviewerB, 'GET', `/projects/${id}`);
    expect(seenByB.status).toBe(200);
    expect(seenByB.body.tracks.expert.reviews).toHaveLength(0);
    expect(seenByB.body.tracks.expert.tasks.map((t: { id: string }) => t.id)).toEqual([b.id]);
    const seenByA = await http.as(reviewerA, 'GET', `/projects/${id}`);
    expect(seenByA.body.tracks.expert.reviews).toHaveLength(1);
    // B's timeline is B's own part: their assignment, nothing of A's task or review.
    const timelineOfB = await http.as(reviewerB, 'GET', `/projects/${id}/timeline`);
    expect(timelineOfB.status).toBe(200);
    expect(timelineOfB.body.items.map((e: { type: string }) => e.type)).toEqual(['reviewers_assigned']);
    expect(JSON.stringify(timelineOfB.body)).not.toContain(a.id);
    const seenByManager = await http.as(MANAGER, 'GET', `/projects/${id}`);
    expect(seenByManager.body.tracks.expert.reviews).toHaveLength(1);
    await http.as(MANAGER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'cleanup' } });
  });

  it('pages through projects with a stable cursor, and officers see only their own', async () => {
    const page1 = await http.as(MANAGER, 'GET', '/projects?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await http.as(MANAGER, 'GET', `/projects?limit=2&cursor=${page1.body.nextCursor}`);
    const ids1 = page1.body.items.map((p: { id: string }) => p.id);
    const ids2 = page2.body.items.map((p: { id: string }) => p.id);
    expect(ids2.some((id: string) => ids1.includes(id))).toBe(false);
    const withdrawn = await http.as(MANAGER, 'GET', '/projects?status=withdrawn&limit=100');
    expect(withdrawn.body.items.every((p: { status: string }) => p.status === 'withdrawn')).toBe(true);

    const officerId = (await http.request('POST', '/auth/login', { body: { email: OFFICER, password: 'dueflow-demo' } })).body.user.id;
    const mine = await http.as(OFFICER, 'GET', '/projects?limit=100');
    expect(mine.body.items.every((p: { submittedBy: string }) => p.submittedBy === officerId)).toBe(true);
  });

  it('validates policy updates field by field and keeps the old policy on refusal', async () => {
    const before = await http.as(OFFICER, 'GET', '/policy');
    expect(before.status).toBe(200);
    const bad = await http.as(ADMIN, 'PUT', '/policy', { body: { ...before.body, version: undefined, reviewDeadline: 'two weeks', trackWeights: { expert: 0.9, vc: 0.9, academic: 0.9 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['reviewDeadline', 'trackWeights']));
    expect((await http.as(MANAGER, 'PUT', '/policy', { body: before.body })).status).toBe(403);
    const after = await http.as(OFFICER, 'GET', '/policy');
    expect(after.body).toEqual(before.body);
  });
});
