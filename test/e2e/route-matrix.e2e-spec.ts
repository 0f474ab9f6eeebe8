import { randomUUID } from 'node:crypto';
import { ADMIN, MANAGER, OFFICER, REVIEWERS, projectBody } from '../support/factories';
import { Http, RunningDueflow, eventually, startDueflow } from '../support/harness';

/**
 * Who may call what: every route the API registers × every kind of caller, with the status each
 * must get. "officer" submitted the project under test and "reviewer" holds one of its tasks; the
 * "other" columns are the same roles without that tie, which is where ownership shows (404, not 403).
 * A route the API serves without a row here fails the suite, so a new route must be placed.
 */
const CALLERS = ['anonymous', 'officer', 'otherOfficer', 'reviewer', 'otherReviewer', 'manager', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Row = { [K in Caller]: number };

const row = (...statuses: number[]): Row => Object.fromEntries(CALLERS.map((c, i) => [c, statuses[i]])) as Row;
const all = (status: number) => row(...CALLERS.map(() => status));

// Bodies: either valid ones the project's current state refuses (to reach ownership checks without
// writing anything), or `{}`, which every route that takes a body refuses with 400 once past the
// role check. Nothing in this suite may change data.
const MATRIX: Record<string, { expect: Row; body?: () => unknown }> = {
  //                                                    anon  off  oOff  rev  oRev  mgr  adm
  'POST /auth/login': { expect: all(400), body: () => ({}) },
  'POST /auth/logout': { expect: all(200) },
  'GET /health': { expect: all(200) },
  'GET /health/ready': { expect: all(200) },
  'GET /metrics': { expect: all(200) },
  'GET /docs': { expect: all(200) },
  'GET /docs-json': { expect: all(200) },
  // The console: its page for everyone (it signs in through the API); `/` and `/app` redirect to it.
  'GET /': { expect: all(200) },
  'GET /app': { expect: all(200) },
  'GET /app/*': { expect: all(200) },
  'GET /policy': { expect: row(401, 200, 200, 200, 200, 200, 200) },
  'PUT /policy': { expect: row(401, 403, 403, 403, 403, 403, 400), body: () => ({}) },
  'POST /projects': { expect: row(401, 400, 400, 403, 403, 403, 403), body: () => ({}) },
  'GET /projects': { expect: row(401, 200, 200, 403, 403, 200, 200) },
  'GET /projects/:id': { expect: row(401, 200, 404, 200, 404, 200, 200) },
  'GET /projects/:id/timeline': { expect: row(401, 200, 404, 200, 404, 200, 200) },
  'GET /projects/:id/timeline/verify': { expect: row(401, 200, 404, 403, 403, 200, 200) },
  'GET /projects/:id/report': { expect: row(401, 409, 404, 403, 403, 409, 409) },
  'POST /projects/:id/decision': {
    expect: row(401, 403, 403, 403, 403, 409, 403),
    body: () => ({ outcome: 'go', rationale: 'matrix probe' }),
  },
  'POST /projects/:id/information': { expect: row(401, 409, 404, 403, 403, 403, 403), body: () => ({ answers: ['matrix probe'] }) },
  'POST /projects/:id/signing': {
    expect: row(401, 409, 404, 403, 403, 409, 403),
    body: () => ({ signedAt: '2026-11-26T10:00:00Z', agreedInvestment: { amount: 1_000_000, currency: 'CNY' } }),
  },
  'POST /projects/:id/withdraw': { expect: row(401, 400, 400, 403, 403, 400, 403), body: () => ({}) },
  'POST /projects/:id/resume': { expect: row(401, 403, 403, 403, 403, 403, 409), body: () => ({ reason: 'matrix probe' }) },
  'GET /tasks': { expect: row(401, 403, 403, 200, 200, 200, 200) },
  'GET /tasks/:id': { expect: row(401, 403, 403, 200, 404, 200, 200) },
  'POST /tasks/:id/review': { expect: row(401, 403, 403, 400, 400, 403, 403), body: () => ({}) },
  // A draft body that is all optional: an unknown field is what reaches 400 without saving anything.
  'PUT /tasks/:id/draft': { expect: row(401, 403, 403, 400, 400, 400, 400), body: () => ({ matrixProbe: true }) },
  'POST /tasks/:id/decline': { expect: row(401, 403, 403, 400, 400, 403, 403), body: () => ({}) },
  'GET /stats': { expect: row(401, 403, 403, 403, 403, 200, 200) },
  'GET /users': { expect: row(401, 403, 403, 403, 403, 200, 200) },
  'POST /users': { expect: row(401, 403, 403, 403, 403, 403, 400), body: () => ({}) },
  'POST /users/:id/conflicts': { expect: row(401, 403, 403, 400, 400, 403, 400), body: () => ({}) },
  'GET /users/:id/conflicts': { expect: row(401, 403, 403, 200, 404, 403, 200) },
  'DELETE /users/:id/conflicts/:conflictId': { expect: row(401, 403, 403, 404, 404, 403, 404) },
  'PATCH /users/:id': { expect: row(401, 403, 403, 403, 403, 403, 400), body: () => ({}) },
  'POST /users/:id/deactivate': { expect: row(401, 403, 403, 403, 403, 403, 400), body: () => ({}) },
  'POST /users/:id/reactivate': { expect: row(401, 403, 403, 403, 403, 403, 400), body: () => ({}) },
  'POST /auth/password': { expect: row(401, 400, 400, 400, 400, 400, 400), body: () => ({}) },
  'GET /me': { expect: row(401, 200, 200, 200, 200, 200, 200) },
  'PATCH /me': { expect: row(401, 400, 400, 400, 400, 400, 400), body: () => ({}) },
  // Everyone has an inbox; nobody has an entry whose id is the project's (an entry of their own is not probed: no writes here).
  'GET /notifications': { expect: row(401, 200, 200, 200, 200, 200, 200) },
  'POST /notifications/:id/read': { expect: row(401, 404, 404, 404, 404, 404, 404) },
};

describe('route × caller matrix', () => {
  let stack: RunningDueflow;
  let http: Http;
  const tokens = new Map<Caller, string | undefined>();
  const ids = { project: '', task: '', reviewer: '' };

  beforeAll(async () => {
    stack = await startDueflow();
    http = new Http(stack.baseUrl);
    const otherOfficer = `officer-${randomUUID().slice(0, 8)}@dueflow.local`;
    const created = await http.as(ADMIN, 'POST', '/users', { body: { email: otherOfficer, name: 'Other Officer', password: 'matrix-password', roles: ['officer'] } });
    expect(created.status).toBe(201);

    const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    ids.project = submitted.body.id;
    const assignment = await eventually('a reviewer and an unrelated reviewer', async () => {
      const withTask: Array<{ email: string; taskId: string }> = [];
      const without: string[] = [];
      for (const email of REVIEWERS) {
        const res = await http.as(email, 'GET', `/tasks?projectId=${ids.project}`);
        if (res.body.items.length) withTask.push({ email, taskId: res.body.items[0].id });
        else without.push(email);
      }
      return withTask.length === 4 ? { reviewer: withTask[0]!, otherReviewer: without[0]! } : undefined;
    });
    ids.task = assignment.reviewer.taskId;
    const reviewerLogin = await http.request('POST', '/auth/login', { body: { email: assignment.reviewer.email, password: 'dueflow-demo' } });
    ids.reviewer = reviewerLogin.body.user.id;

    tokens.set('anonymous', undefined);
    tokens.set('officer', await http.token(OFFICER));
    tokens.set('otherOfficer', await http.token(otherOfficer, 'matrix-password'));
    tokens.set('reviewer', await http.token(assignment.reviewer.email));
    tokens.set('otherReviewer', await http.token(assignment.otherReviewer));
    tokens.set('manager', await http.token(MANAGER));
    tokens.set('admin', await http.token(ADMIN));
  });
  afterAll(() => stack?.stop());

  it('has a row for every route the API serves, and no row for a route it does not', () => {
    const served = stack.routes.map((r) => `${r.method} ${r.url}`).filter((r) => !isSwaggerAsset(r));
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !served.includes(r))).toEqual([]);
  });

  it.each(Object.keys(MATRIX))('%s answers each caller as the matrix says', async (route) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const { expect: expected, body } = MATRIX[route]!;
    const id = pattern.startsWith('/tasks') ? ids.task : pattern.startsWith('/users') ? ids.reviewer : ids.project;
    const path = pattern.replace(':id', id).replace(':conflictId', randomUUID());
    const actual = {} as Row;
    for (const caller of CALLERS) {
      const res = await http.request(method, path, { token: tokens.get(caller), body: body?.() });
      actual[caller] = res.status;
    }
    expect(actual).toEqual(expected);
  });

  it('changed nothing: the project is still in review with its first four tasks open', async () => {
    const res = await http.as(MANAGER, 'GET', `/projects/${ids.project}`);
    expect(res.body.status).toBe('in_review');
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM review_tasks WHERE project_id = $1 AND status = 'open'`, [ids.project]);
    expect(n).toBe(4);
    const [{ d }] = await stack.dataSource.query(`SELECT count(*)::int AS d FROM decisions WHERE project_id = $1`, [ids.project]);
    expect(d).toBe(0);
    const [{ drafts }] = await stack.dataSource.query(`SELECT count(*)::int AS drafts FROM review_drafts WHERE task_id = $1`, [ids.task]);
    expect(drafts).toBe(0);
  });
});

/** The files Swagger UI's page loads (`/docs/…`): static, public, checked by the OpenAPI suite. */
function isSwaggerAsset(route: string): boolean {
  return route.startsWith('GET /docs/');
}
