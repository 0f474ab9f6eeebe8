import { randomUUID } from 'node:crypto';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '@dueflow/domain';
import { ADMIN, MANAGER, OFFICER, REVIEWERS, projectBody, reviewBody } from '../support/factories';
import { Http, RunningDueflow, eventually, postReview, startDueflowWithClient } from '../support/harness';

type Json = Record<string, any>;

const NUL = '\u0000';
const fields = (res: { body: Json }) => (res.body.details as Array<{ field: string }>).map((d) => d.field).sort();

/** A valid unified social credit code no other test uses. */
function newCreditCode(): string {
  let first17 = '91';
  while (first17.length < 17) first17 += CREDIT_CODE_CHARSET[Math.floor(Math.random() * CREDIT_CODE_CHARSET.length)];
  return first17 + creditCodeCheckCharacter(first17);
}

/**
 * The input rules of issue 13 (one schema per request): the text rule on every text field, conflict
 * matching that invisible characters and legal forms cannot dodge, credit codes, signing limits, the
 * policy round trip with its version, and one detail per bad field. Each "nothing written" is
 * checked in the database itself.
 */
describe('input rules, over HTTP with a real worker', () => {
  let stack: RunningDueflow;
  let http: Http;

  beforeAll(async () => ({ stack, http } = await startDueflowWithClient()));
  afterAll(async () => stack?.stop());

  const count = async (sql: string, params: unknown[]) => Number((await stack.dataSource.query(sql, params))[0].n);

  async function submit(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await http.as(OFFICER, 'POST', '/projects', { body: projectBody(overrides) });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function openTasks(projectId: string, expected: number): Promise<Array<{ reviewer: string; id: string; track: 'expert' | 'vc' | 'academic' }>> {
    return eventually(`${expected} open tasks`, async () => {
      const found = [];
      for (const reviewer of REVIEWERS) {
        const res = await http.as(reviewer, 'GET', `/tasks?projectId=${projectId}&status=open`);
        for (const t of res.body.items) found.push({ reviewer, id: t.id, track: t.track });
      }
      return found.length === expected ? found : undefined;
    });
  }

  async function userId(email: string): Promise<string> {
    return (await http.request('POST', '/auth/login', { body: { email, password: 'dueflow-demo' } })).body.user.id;
  }

  it('refuses a NUL in review comments at once, and the task stays open and reviewable', async () => {
    const id = await submit();
    const [task] = await openTasks(id, 4);
    const started = Date.now();
    const refused = await postReview(http, task!.reviewer, task!.id, reviewBody(task!.track, 4, { comments: `bad${NUL}byte` }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'comments', problem: expect.stringContaining('control characters') }]);
    expect((await http.as(task!.reviewer, 'GET', `/tasks/${task!.id}`)).body.status).toBe('open');
    expect(await count('SELECT count(*) AS n FROM reviews WHERE task_id = $1', [task!.id])).toBe(0);

    const risk = await postReview(http, task!.reviewer, task!.id, reviewBody(task!.track, 4, { riskPoints: [{ category: `x${NUL}`, severity: 'low', description: '\u0007' }] }));
    expect(risk.status).toBe(400);
    expect(fields(risk)).toEqual(['riskPoints.0.category', 'riskPoints.0.description']);

    const accepted = await postReview(http, task!.reviewer, task!.id, reviewBody(task!.track, 4, { comments: 'Cafe\u0301 ok, 投资 ✓' }));
    expect(accepted.status).toBe(200);
    const stored = await stack.dataSource.query('SELECT comments FROM reviews WHERE task_id = $1', [task!.id]);
    expect(stored).toEqual([{ comments: 'Caf\u00e9 ok, 投资 ✓' }]); // normalised to NFC
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });

  it('refuses a NUL in a project, a user and a conflict with 400 naming each field, writing nothing', async () => {
    const tag = randomUUID();
    const project = await http.as(OFFICER, 'POST', '/projects', {
      body: projectBody({ name: `Nul ${tag}${NUL}`, summary: `a${NUL}b`, contact: { name: `Li${NUL}`, email: 'li@example.com', phone: `1${NUL}` } }),
    });
    expect(project.status).toBe(400);
    expect(fields(project)).toEqual(['contact.name', 'contact.phone', 'name', 'summary']);
    expect(await count("SELECT count(*) AS n FROM projects WHERE name LIKE $1", [`Nul ${tag}%`])).toBe(0);

    const email = `nul-${tag}@example.com`;
    const user = await http.as(ADMIN, 'POST', '/users', { body: { email, name: `Nul${NUL}Name`, password: 'long-enough-password', roles: ['officer'] } });
    expect(user.status).toBe(400);
    expect(fields(user)).toEqual(['name']);
    expect(await count('SELECT count(*) AS n FROM users WHERE email = $1', [email])).toBe(0);

    const reviewer = await userId(REVIEWERS[0]!);
    const conflict = await http.as(ADMIN, 'POST', `/users/${reviewer}/conflicts`, { body: { company: `Nul ${tag}${NUL}`, reason: `r${NUL}` } });
    expect(conflict.status).toBe(400);
    expect(fields(conflict)).toEqual(['company', 'reason']);
    expect(await count('SELECT count(*) AS n FROM conflicts WHERE company LIKE $1', [`Nul ${tag}%`])).toBe(0);
  });

  it('matches a conflict declared as "SecCo\\u200b" to a "SecCo" project: that reviewer is not assigned', async () => {
    const company = `SecCo ${randomUUID().slice(0, 8)}`;
    const expert = REVIEWERS[0]!;
    const declared = await http.as(expert, 'POST', `/users/${await userId(expert)}/conflicts`, { body: { company: `${company}\u200b`, reason: 'Former employer.' } });
    expect(declared.status).toBe(201);
    const id = await submit({ company: `${company.toUpperCase()} Co., Ltd.` });
    // The other expert gets a seat; the declared one never does.
    await eventually('the expert panel assigned', async () => (await count("SELECT count(*) AS n FROM review_tasks WHERE project_id = $1 AND track = 'expert'", [id])) > 0);
    const assignees = await stack.dataSource.query("SELECT u.email FROM review_tasks t JOIN users u ON u.id = t.assignee_id WHERE t.project_id = $1 AND t.track = 'expert'", [id]);
    expect(assignees.map((a: { email: string }) => a.email)).not.toContain(expert);
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });

  it('matches a conflict to a project by credit code when the names differ, and shows the code on the project', async () => {
    const code = newCreditCode();
    const expert = REVIEWERS[1]!;
    const declared = await http.as(ADMIN, 'POST', `/users/${await userId(expert)}/conflicts`, {
      body: { company: `Old Trading Name ${randomUUID().slice(0, 8)}`, creditCode: code.toLowerCase(), reason: 'Board seat.' },
    });
    expect(declared.status).toBe(201);
    expect(declared.body.creditCode).toBe(code);
    const mistyped = await http.as(OFFICER, 'POST', '/projects', { body: projectBody({ creditCode: `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}` }) });
    expect(mistyped.status).toBe(400);
    expect(fields(mistyped)).toEqual(['creditCode']);

    const id = await submit({ company: `Renamed Holdings ${randomUUID().slice(0, 8)}`, creditCode: code });
    expect((await http.as(OFFICER, 'GET', `/projects/${id}`)).body.creditCode).toBe(code);
    await eventually('the expert panel assigned', async () => (await count("SELECT count(*) AS n FROM review_tasks WHERE project_id = $1 AND track = 'expert'", [id])) > 0);
    const assignees = await stack.dataSource.query("SELECT u.email FROM review_tasks t JOIN users u ON u.id = t.assignee_id WHERE t.project_id = $1 AND t.track = 'expert'", [id]);
    expect(assignees.map((a: { email: string }) => a.email)).not.toContain(expert);
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });

  it('keeps two declared conflicts with same-named companies of different credit codes, and matches the second', async () => {
    const [first, second] = [newCreditCode(), newCreditCode()];
    const name = `Twin Name ${randomUUID().slice(0, 8)}`;
    const expert = REVIEWERS[0]!;
    const reviewer = await userId(expert);
    const one = await http.as(ADMIN, 'POST', `/users/${reviewer}/conflicts`, { body: { company: name, creditCode: first, reason: 'Advisor.' } });
    const two = await http.as(ADMIN, 'POST', `/users/${reviewer}/conflicts`, { body: { company: `${name} Co., Ltd.`, creditCode: second, reason: 'Shareholder.' } });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body).toMatchObject({ creditCode: second, reason: 'Shareholder.' });
    expect(two.body.id).not.toBe(one.body.id);
    const listed = await http.as(ADMIN, 'GET', `/users/${reviewer}/conflicts`);
    expect(listed.body.items.map((c: { creditCode: string | null }) => c.creditCode)).toEqual(expect.arrayContaining([first, second]));

    const id = await submit({ company: name, creditCode: second });
    await eventually('the expert panel assigned', async () => (await count("SELECT count(*) AS n FROM review_tasks WHERE project_id = $1 AND track = 'expert'", [id])) > 0);
    const assignees = await stack.dataSource.query("SELECT u.email FROM review_tasks t JOIN users u ON u.id = t.assignee_id WHERE t.project_id = $1 AND t.track = 'expert'", [id]);
    expect(assignees.map((a: { email: string }) => a.email)).not.toContain(expert);
    await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });

  it('refuses a signing dated 9999-12-31 or for 0 yuan, naming the field, and signs a sound one', async () => {
    const id = await submit();
    for (const task of await openTasks(id, 4)) expect((await postReview(http, task.reviewer, task.id, reviewBody(task.track))).status).toBe(200);
    await eventually('awaiting_decision', async () => (await http.as(MANAGER, 'GET', `/projects/${id}`)).body.status === 'awaiting_decision');
    expect((await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Fits the cluster.' } })).status).toBe(200);

    const future = await http.as(OFFICER, 'POST', `/projects/${id}/signing`, { body: { signedAt: '9999-12-31T00:00:00Z', agreedInvestment: { amount: 290_000_000, currency: 'CNY' } } });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([{ field: 'signedAt', problem: 'must not be in the future' }]);
    const nothing = await http.as(OFFICER, 'POST', `/projects/${id}/signing`, { body: { signedAt: new Date().toISOString(), agreedInvestment: { amount: 0, currency: 'CNY' } } });
    expect(nothing.status).toBe(400);
    expect(fields(nothing)).toEqual(['agreedInvestment.amount']);
    expect((await http.as(OFFICER, 'GET', `/projects/${id}`)).body.status).toBe('approved');

    const signed = await http.as(OFFICER, 'POST', `/projects/${id}/signing`, { body: { signedAt: new Date().toISOString(), agreedInvestment: { amount: 290_000_000, currency: 'CNY' } } });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('signed');
  });

  it('takes back what GET /policy returned as the next version, and refuses a stale or missing version', async () => {
    const before = await http.as(ADMIN, 'GET', '/policy');
    const saved = await http.as(ADMIN, 'PUT', '/policy', { body: before.body });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...before.body, version: before.body.version + 1 });

    const stale = await http.as(ADMIN, 'PUT', '/policy', { body: { ...before.body, maxReassignments: 3 } });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/someone else changed the policy/);
    const { version: _version, ...withoutVersion } = before.body;
    const missing = await http.as(ADMIN, 'PUT', '/policy', { body: withoutVersion });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'version', problem: 'is required' }]);
    // The largest version the schema takes is still a version (stale), not an overflow in SQL.
    const largest = await http.as(ADMIN, 'PUT', '/policy', { body: { ...before.body, version: 2_147_483_647 } });
    expect(largest.status).toBe(409);
    expect((await http.as(ADMIN, 'GET', '/policy')).body).toEqual(saved.body);
  });

  it('names each bad query parameter once', async () => {
    const res = await http.as(MANAGER, 'GET', '/projects?limit=abc');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'limit', problem: 'must be an integer from 1 to 100' }]);
    const tasks = await http.as(MANAGER, 'GET', '/tasks?projectId=nope&track=legal&page=2');
    expect(tasks.body.details).toEqual([
      { field: 'projectId', problem: 'must be a UUID' },
      { field: 'track', problem: 'must be one of expert, vc, academic' },
      { field: 'page', problem: 'is not a known field' },
    ]);
  });
});
