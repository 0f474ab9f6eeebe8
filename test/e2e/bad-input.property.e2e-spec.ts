/**
 * Thousands of generated requests the API must refuse, sent to every route it registers (a route
 * added later is covered without touching this file). For each answer: never a 5xx, a write route
 * never says 2xx, every error is the one error shape of apps/api/src/common/error-body.ts, and a
 * 400 about the content names the bad field. Around every batch the row count of every table is
 * compared, and over the whole run a digest of every row: a refused request writes nothing.
 *
 * Size and reproduction, through the environment:
 *   DUEFLOW_PROPERTY_RUNS  how many requests to generate in all (default 2000; 10000+ for a soak)
 *   DUEFLOW_PROPERTY_SEED  fast-check seed (default fixed, so CI runs are reproducible; a failure
 *                          prints the seed and path to replay it)
 *   DUEFLOW_PROPERTY_SURVEY=1  don't stop at the first failure: run everything, then fail with one
 *                          example per (route, problem), to see every bug at once
 *
 * Login throttling: failed sign-ins are counted in PostgreSQL per email and per client address
 * (apps/api/src/auth/login-throttle.ts), shared by every suite of the run. The generated emails are
 * all under the reserved `.invalid` domain, so the lock-outs this run provokes (a 429 is an
 * acceptable refusal here) never reach a demo account, and the suite removes its failures when it
 * ends, so they do not count against 127.0.0.1 for the suites after it.
 */
import { Agent } from 'node:http';
import fc from 'fast-check';
import { loadApiConfig, RegisteredRoute } from '@dueflow/api';
import { Role, TERMINAL_STATUSES } from '@dueflow/domain';
import {
  BadRequest,
  FUZZ_EMAIL_DOMAIN,
  Caller,
  RawResponse,
  RouteContext,
  ROUTE_SPECS,
  SignedInUser,
  callers,
  changedTables,
  contractProblems,
  describeExchange,
  fillPattern,
  isWrite,
  jwtClaims,
  patternParams,
  renderBody,
  requestsFor,
  rowCounts,
  schemaTables,
  send,
  tableFingerprint,
  wrongMethodFor,
} from '../support/bad-input';
import { ADMIN, MANAGER, MANAGER_2, OFFICER, REVIEWERS, projectBody } from '../support/factories';
import { Http, RunningDueflow, eventually, startDueflow } from '../support/harness';

const TOTAL_REQUESTS = Number(process.env['DUEFLOW_PROPERTY_RUNS'] ?? 2000);
const SEED = Number(process.env['DUEFLOW_PROPERTY_SEED'] ?? 20_250_601);
const SURVEY = process.env['DUEFLOW_PROPERTY_SURVEY'] === '1';
/**
 * Requests sent concurrently per property run; rows are counted around each batch. Fixed, so the
 * run sends exactly the requests asked for (fast-check still shrinks each request of a failing batch).
 */
const BATCH = 8;
/** The harness starts the API with the default body limit (README: BODY_LIMIT_BYTES). */
const BODY_LIMIT_BYTES = 256 * 1024;
/** Any well-formed UUID that names nothing, for probing which routes need a token. */
const NOBODY = '00000000-0000-4000-8000-000000000000';

/** The accounts the generated requests are sent as, besides anonymous and forged callers. */
const SIGNED_IN = [OFFICER, MANAGER, ADMIN, REVIEWERS[0]!];

/**
 * A project of this suite's own, driven to a final status before the run, with its (now cancelled)
 * review tasks: real ids to send requests to, whose every write must be refused by state.
 * Final, so its workflow has no timer left that could write during the run.
 */
async function closedProject(stack: RunningDueflow, http: Http): Promise<{ projectId: string; taskIds: string[] }> {
  const submitted = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
  if (submitted.status !== 201) throw new Error(`fixture project refused: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const projectId: string = submitted.body.id;
  const statusOf = async () => (await stack.dataSource.query('SELECT status FROM projects WHERE id = $1', [projectId]))[0]?.status as string;
  await eventually('the fixture project to leave screening', async () => (await statusOf()) !== 'screening');
  if (!TERMINAL_STATUSES.includes((await statusOf()) as never)) {
    const withdrawn = await http.as(OFFICER, 'POST', `/projects/${projectId}/withdraw`, { body: { reason: 'fixture of the bad-input suite' } });
    if (withdrawn.status !== 200) throw new Error(`fixture withdrawal refused: ${withdrawn.status} ${JSON.stringify(withdrawn.body)}`);
  }
  await eventually('the fixture project to close', async () => {
    const open = await stack.dataSource.query(`SELECT count(*)::int AS n FROM review_tasks WHERE project_id = $1 AND status = 'open'`, [projectId]);
    return TERMINAL_STATUSES.includes((await statusOf()) as never) && open[0].n === 0;
  });
  const tasks: Array<{ id: string }> = await stack.dataSource.query('SELECT id FROM review_tasks WHERE project_id = $1', [projectId]);
  return { projectId, taskIds: tasks.map((t) => t.id) };
}

/**
 * Waits until nothing else writes (the worker's outbox dispatcher may still be delivering earlier
 * suites' notifications): the same digest of every row twice, a few dispatcher polls apart.
 */
async function settledFingerprint(stack: RunningDueflow, tables: string[]): Promise<Record<string, string>> {
  const deadline = Date.now() + 30_000;
  let previous = await tableFingerprint(stack.dataSource, tables);
  for (;;) {
    await new Promise((r) => setTimeout(r, 2500));
    const current = await tableFingerprint(stack.dataSource, tables);
    const changed = changedTables(previous, current);
    if (changed.length === 0) return current;
    if (Date.now() > deadline) throw new Error(`the database never settled; still changing: ${changed.join(', ')}`);
    previous = current;
  }
}

/** Per route: does it need a token (an anonymous probe says), which ids exist for it, what else its URL serves. */
async function routeContexts(stack: RunningDueflow, existing: Record<string, string[]>): Promise<RouteContext[]> {
  const agent = new Agent({ keepAlive: true });
  try {
    const contexts: RouteContext[] = [];
    for (const route of stack.routes) {
      const names = patternParams(route.url);
      const probe: BadRequest = {
        route: `${route.method} ${route.url}`,
        method: route.method,
        path: fillPattern(route.url, Object.fromEntries(names.map((n) => [n, NOBODY]))),
        caller: 'anonymous',
        headers: {},
        body: { kind: 'none' },
        refusedBecause: ['anonymous probe, no body'],
        badUrl: false,
      };
      const answer = await send(stack.baseUrl, agent, probe);
      const problems = contractProblems(probe, answer, false);
      if (problems.length > 0) throw new Error(`the anonymous probe broke the contract:\n${describeExchange(probe, answer)}\n  problems: ${problems.join('; ')}`);
      const prefix = Object.keys(existing).find((p) => route.url.startsWith(p));
      contexts.push({
        route,
        spec: ROUTE_SPECS[`${route.method} ${route.url}`],
        needsAuth: answer.status === 401,
        existingIds: names.length > 0 && prefix ? existing[prefix]! : [],
        methodsOnUrl: stack.routes.filter((r) => r.url === route.url).map((r) => r.method),
      });
    }
    return contexts;
  } finally {
    agent.destroy();
  }
}

/** What the run saw: printed at the end, and in detail in survey mode. */
class RunStats {
  requests = 0;
  readonly byStatus = new Map<number, number>();
  readonly byRoute = new Map<string, Map<number, number>>();
  /** The fields 400s named, per route: shows the bodies reach each field's validation. */
  readonly fieldsByRoute = new Map<string, Set<string>>();
  /** Survey mode: the first example of each distinct (route, problem). */
  readonly problems = new Map<string, string>();

  record(req: BadRequest, answer: RawResponse | Error, problems: string[]): void {
    this.requests += 1;
    const status = answer instanceof Error ? 0 : answer.status;
    const perRoute = this.byRoute.get(req.route) ?? new Map<number, number>();
    this.byRoute.set(req.route, increment(perRoute, status));
    increment(this.byStatus, status);
    if (!(answer instanceof Error) && answer.status === 400) {
      const fields = this.fieldsByRoute.get(req.route) ?? new Set<string>();
      for (const d of (JSON.parse(answer.text) as { details?: Array<{ field: string }> }).details ?? []) fields.add(d.field.replace(/\.\d+/g, '.N'));
      this.fieldsByRoute.set(req.route, fields);
    }
    for (const problem of problems) {
      const key = `${req.route} → ${status}: ${problem.replace(/\d+/g, 'N').slice(0, 120)}`;
      if (!this.problems.has(key)) this.problems.set(key, describeExchange(req, answer));
    }
  }

  summary(seconds: string, routes: number): string {
    return `[bad-input] ${this.requests} requests to ${routes} routes in ${seconds} s (seed ${SEED}): ${histogram(this.byStatus)}`;
  }

  byRouteTable(): string {
    return [...this.byRoute]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, counts]) => `  ${route}: ${histogram(counts)}${this.fieldsByRoute.has(route) ? `\n    fields named: ${[...this.fieldsByRoute.get(route)!].sort().join(', ')}` : ''}`)
      .join('\n');
  }
}

function increment(counts: Map<number, number>, key: number): Map<number, number> {
  return counts.set(key, (counts.get(key) ?? 0) + 1);
}

function histogram(counts: Map<number, number>): string {
  return [...counts.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
}

describe('bad input, generated: every route refuses it cleanly and writes nothing', () => {
  let stack: RunningDueflow;
  let http: Http;
  let allCallers: Caller[];
  let contexts: RouteContext[];
  let tables: string[];

  beforeAll(async () => {
    stack = await startDueflow();
    http = new Http(stack.baseUrl);
    // Real tokens first: the run must not be able to lock these accounts out before they log in.
    const users: SignedInUser[] = [];
    for (const email of SIGNED_IN) {
      const token = await http.token(email);
      users.push({ email, token, roles: jwtClaims(token)['roles'] as Role[] });
    }
    // The harness starts the API without JWT_SECRET, so it signs with the secret file the configuration makes (and this reads).
    const { JWT_SECRET } = loadApiConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://127.0.0.1/unused' });
    allCallers = callers(users, JWT_SECRET);
    const fixture = await closedProject(stack, http);
    const userIds = users.map((u) => jwtClaims(u.token)['sub'] as string);
    contexts = await routeContexts(stack, { '/projects': [fixture.projectId], '/tasks': fixture.taskIds, '/users': userIds });
    tables = await schemaTables(stack.dataSource);
  }, 120_000);

  afterAll(async () => {
    await stack?.dataSource.query(`DELETE FROM login_attempts WHERE account_key LIKE $1`, [`%@${FUZZ_EMAIL_DOMAIN}`]);
    await stack?.stop();
  });

  it('finds the routes to test, and some tables to watch', () => {
    expect(stack.routes.length).toBeGreaterThan(0);
    expect(tables).toEqual(expect.arrayContaining(['projects', 'users', 'review_tasks']));
    // Routes without a spec are still exercised generically (junk bodies, bad ids, forged callers).
    const unknown = stack.routes.filter((r: RegisteredRoute) => !ROUTE_SPECS[`${r.method} ${r.url}`]).map((r) => `${r.method} ${r.url}`);
    if (SURVEY && unknown.length > 0) process.stderr.write(`[bad-input] routes exercised without a spec: ${unknown.join(', ')}\n`);
  });

  it(
    `never answers 5xx, always in the error shape, and writes nothing (${TOTAL_REQUESTS} requests)`,
    async () => {
      const before = await settledFingerprint(stack, tables);
      const agent = new Agent({ keepAlive: true, maxSockets: BATCH });
      const stats = new RunStats();
      const started = Date.now();

      // Writes weigh more: they have bodies to break and rows to protect. Every route still gets its share.
      const perRoute = contexts.map((ctx) => ({
        arbitrary: requestsFor(ctx, allCallers, BODY_LIMIT_BYTES),
        weight: isWrite(ctx.route.method) ? 3 : ctx.spec || ctx.existingIds.length > 0 ? 2 : 1,
      }));
      const wrongMethods = contexts.flatMap((ctx) => wrongMethodFor(ctx, allCallers) ?? []);
      const oneRequest = wrongMethods.length > 0 ? fc.oneof({ arbitrary: fc.oneof(...perRoute), weight: 19 }, { arbitrary: fc.oneof(...wrongMethods), weight: 1 }) : fc.oneof(...perRoute);

      const checkBatch = async (batch: BadRequest[]) => {
        const countsBefore = await rowCounts(stack.dataSource, tables);
        const answers = await Promise.all(batch.map((req) => send(stack.baseUrl, agent, req).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))));
        const countsAfter = await rowCounts(stack.dataSource, tables);
        const failures: string[] = [];
        batch.forEach((req, i) => {
          const answer = answers[i]!;
          const problems = answer instanceof Error ? ['the request failed at the HTTP level'] : contractProblems(req, answer, renderBody(req.body).transportFault);
          stats.record(req, answer, problems);
          if (problems.length > 0) failures.push(`${describeExchange(req, answer)}\n  problems: ${problems.join('; ')}`);
        });
        const written = changedTables(countsBefore, countsAfter);
        if (written.length > 0) {
          const counts = written.map((t) => `${t} ${countsBefore[t]} → ${countsAfter[t]}`).join(', ');
          failures.push(`rows were written (${counts}) by this batch of refused requests:\n${batch.map((req, i) => describeExchange(req, answers[i]!)).join('\n')}`);
          stats.problems.set(`rows written: ${written.join(', ')} (#${stats.problems.size})`, failures[failures.length - 1]!);
        }
        if (failures.length > 0 && !SURVEY) throw new Error(failures.join('\n\n'));
      };
      const property = fc.asyncProperty(fc.array(oneRequest, { minLength: BATCH, maxLength: BATCH }), checkBatch);

      try {
        await fc.assert(property, { numRuns: Math.ceil(TOTAL_REQUESTS / BATCH), seed: SEED });
        // A short run can miss a route by chance (the draw is random): each one it missed gets a batch of its own.
        for (const ctx of contexts) {
          if (stats.byRoute.has(`${ctx.route.method} ${ctx.route.url}`)) continue;
          await checkBatch(fc.sample(requestsFor(ctx, allCallers, BODY_LIMIT_BYTES), { numRuns: BATCH, seed: SEED }));
        }
      } finally {
        agent.destroy();
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(`${stats.summary(seconds, contexts.length)}\n`);
      if (SURVEY) {
        process.stderr.write(`[bad-input] answers by route:\n${stats.byRouteTable()}\n`);
        if (stats.problems.size > 0) throw new Error(`${stats.problems.size} distinct problems:\n\n${[...stats.problems].map(([key, example]) => `## ${key}\n${example}`).join('\n\n')}`);
      }

      // Every registered route was exercised (the generator chooses among them evenly).
      const untouched = contexts.map((c) => `${c.route.method} ${c.route.url}`).filter((r) => !stats.byRoute.has(r));
      expect(untouched).toEqual([]);

      // Updates leave counts alone: compare every row's content too.
      const after = await tableFingerprint(stack.dataSource, tables);
      expect(changedTables(before, after)).toEqual([]);
    },
    60_000 + TOTAL_REQUESTS * 30,
  );

  it('leaves every real account able to log in, and a successful login writes nothing', async () => {
    const before = await tableFingerprint(stack.dataSource, tables);
    const fresh = new Http(stack.baseUrl);
    for (const email of [...SIGNED_IN, MANAGER_2]) await expect(fresh.token(email)).resolves.toEqual(expect.any(String));
    const after = await tableFingerprint(stack.dataSource, tables);
    expect(changedTables(before, after)).toEqual([]);
  });
});
