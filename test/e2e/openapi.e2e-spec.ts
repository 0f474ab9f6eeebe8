import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PROJECT_STATUSES, SECTORS, Track } from '@dueflow/domain';
import { ADMIN, MANAGER, OFFICER, REVIEWERS, projectBody, reviewBody, stillBeingAssigned } from '../support/factories';
import { Http, HttpResult, RunningDueflow, eventually, startDueflow } from '../support/harness';

/** Where the document's components are registered in ajv, so its `#/components/...` refs resolve. */
const BASE = 'https://dueflow.local/openapi.json';
const ERROR_REF = '#/components/schemas/ErrorBody';

/** Swagger UI's own routes, and the console's (`/`, `/app`, `/app/*`: a web page, not the API). */
const isDocsRoute = (url: string) => /^\/docs(?:$|[/-])/.test(url) || url === '/' || /^\/app(?:$|\/)/.test(url);
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const isError = (status: string) => Number(status) >= 400;
/** Writing routes whose request has nothing to say but the path: marking one's notification read. */
/** Writing routes with nothing to say: marking a notification read, signing out (it only clears the cookie). */
const BODYLESS = ['POST /notifications/:id/read', 'POST /auth/logout'];

type Json = Record<string, any>;

describe('the OpenAPI document', () => {
  let stack: RunningDueflow;
  let http: Http;
  let doc: Json;
  let ajv: Ajv2020;

  beforeAll(async () => {
    stack = await startDueflow();
    http = new Http(stack.baseUrl);
    const started = Date.now();
    const res = await http.request('GET', '/docs-json');
    process.stderr.write(`[openapi] first GET /docs-json (document built on demand): ${Date.now() - started} ms\n`);
    expect(res.status).toBe(200);
    doc = res.body;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: BASE, components: { schemas: doc.components.schemas } });
  });
  afterAll(() => stack?.stop());

  const schemaNamed = (ref: string): Json => doc.components.schemas[ref.replace('#/components/schemas/', '')];
  const operation = (method: string, url: string): Json | undefined => doc.paths[toOpenApiPath(url)]?.[method.toLowerCase()];

  /** Fails unless `res` is one of the route's documented answers and its body fits that answer's schema. */
  function expectDocumented(res: HttpResult, method: string, url: string): void {
    const answer = operation(method, url)?.responses?.[String(res.status)];
    if (!answer) throw new Error(`${method} ${url} answered ${res.status}, which its operation does not document`);
    const schema = answer.content?.['application/json']?.schema;
    if (!schema?.$ref) throw new Error(`${method} ${url} → ${res.status} has no JSON schema`);
    const validate = ajv.compile({ $ref: `${BASE}${schema.$ref}` });
    if (!validate(res.body)) {
      throw new Error(
        `${method} ${url} → ${res.status} does not match ${schema.$ref}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 800)}`,
      );
    }
  }

  /** Fails unless `body` fits the request body schema documented for the route. */
  function expectAcceptedBody(body: unknown, method: string, url: string): void {
    const ref = operation(method, url)?.requestBody?.content?.['application/json']?.schema?.$ref;
    const validate = ajv.compile({ $ref: `${BASE}${ref}` });
    if (!validate(body)) throw new Error(`a valid ${method} ${url} body does not match ${ref}: ${ajv.errorsText(validate.errors)}`);
  }

  /** The request as `who` (anonymous when null), checked against the documented answer. */
  async function call(who: string | null, method: string, url: string, path = url, body?: unknown): Promise<HttpResult> {
    const res = who ? await http.as(who, method, path, { body }) : await http.request(method, path, { body });
    expectDocumented(res, method, url);
    return res;
  }

  it('is served anonymously as OpenAPI 3, with Swagger UI at /docs', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'dueflow_session' });
    const page = await http.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('swagger-ui');
    const bundle = await http.request('GET', '/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
  });

  it('documents every route the API serves, with success and error answers', () => {
    const served = stack.routes.filter((r) => !isDocsRoute(r.url));
    expect(served.length).toBeGreaterThanOrEqual(24);
    const problems: string[] = [];
    for (const { method, url } of served) {
      const route = `${method} ${url}`;
      const op = operation(method, url);
      if (!op) {
        problems.push(`${route}: not in the document`);
        continue;
      }
      const responses = Object.entries<Json>(op.responses);
      const successes = responses.filter(([status]) => status.startsWith('2'));
      if (!successes.some(([, r]) => r.content?.['application/json']?.schema?.$ref || r.content?.['text/plain']?.schema)) {
        problems.push(`${route}: no 2xx answer with a schema`);
      }
      const errors = responses.filter(([status]) => isError(status));
      if (errors.length === 0) problems.push(`${route}: no error answers`);
      for (const [status, answer] of errors) {
        if (answer.content?.['application/json']?.schema?.$ref !== ERROR_REF) problems.push(`${route}: ${status} is not an ErrorBody`);
      }
      const has = (status: number) => String(status) in op.responses;
      const needs = (status: number, why: string) => !has(status) && problems.push(`${route}: ${why} but no ${status}`);
      if (op.security?.length) needs(401, 'needs a token');
      if (url.includes(':id')) ['400', '404'].forEach((s) => needs(Number(s), 'has a path id'));
      if (['POST', 'PUT', 'PATCH'].includes(method) && !BODYLESS.includes(route)) {
        // Every writing route of this API takes a JSON body, but for those with nothing to say (BODYLESS).
        const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
        const schema = ref ? schemaNamed(ref) : undefined;
        if (!schema || schema.type !== 'object' || Object.keys(schema.properties ?? {}).length === 0) {
          problems.push(`${route}: no request body schema with properties`);
        }
        [400, 413, 415].forEach((s) => needs(s, 'takes a body'));
      }
      if (op.security?.length || op.parameters?.length || op.requestBody) {
        if (!errors.some(([status]) => status.startsWith('4'))) problems.push(`${route}: takes input or a token but documents no 4xx`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents the routes a caller needs a token for, and names their roles', () => {
    expect(operation('GET', '/health')!.security).toEqual([]);
    expect(operation('POST', '/auth/login')!.responses).toHaveProperty('429');
    const stats = operation('GET', '/stats')!;
    expect(stats.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(stats.description).toContain('Roles: manager, admin.');
    expect(stats.responses).toHaveProperty('403');
  });

  it('generates request schemas from the zod schemas the API validates with', () => {
    const create = schemaNamed(operation('POST', '/projects')!.requestBody.content['application/json'].schema.$ref);
    expect(create.required).toEqual(expect.arrayContaining(['name', 'company', 'sector', 'totalInvestment', 'source', 'summary']));
    expect(create.required).not.toContain('stage');
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    expect(create.properties.sector.enum).toEqual([...SECTORS]);
    expect(create.properties.totalInvestment).toEqual({ $ref: '#/components/schemas/MoneyInput' });
    expect(schemaNamed('MoneyInput').properties.amount).toMatchObject({ type: 'integer', minimum: 0 });
    expect(create.properties.creditCode).toMatchObject({ type: 'string', minLength: 18, maxLength: 18 });

    const review = schemaNamed(operation('POST', '/tasks/:id/review')!.requestBody.content['application/json'].schema.$ref);
    expect(review.properties.riskPoints).toMatchObject({ type: 'array', maxItems: 50, items: { $ref: '#/components/schemas/RiskPointInput' } });
    expect(review.properties.scores.additionalProperties).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });

    const policy = schemaNamed(operation('PUT', '/policy')!.requestBody.content['application/json'].schema.$ref);
    expect(policy.required).toEqual(expect.arrayContaining(['version', 'reviewersPerTrack', 'quorum']));
    expect(operation('PUT', '/policy')!.responses).toHaveProperty('409');

    const listParams = Object.fromEntries(operation('GET', '/projects')!.parameters.map((p: Json) => [p.name, p]));
    expect(listParams.status).toMatchObject({ in: 'query', required: false, schema: { enum: [...PROJECT_STATUSES] } });
    expect(listParams.limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    const detail = operation('GET', '/projects/:id')!;
    expect(detail.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }),
        expect.objectContaining({ name: 'If-None-Match', in: 'header', required: false }),
        expect.objectContaining({ name: 'Prefer', in: 'header', required: false }),
      ]),
    );
    expect(detail.parameters).toHaveLength(3);
    expect(detail.responses['304']).toMatchObject({ headers: { ETag: expect.anything() } });
    expect(detail.responses['304'].content).toBeUndefined();
    expect(detail.responses['200'].headers).toMatchObject({ ETag: expect.anything() });
  });

  it('describes the real answers of a project taken from submission to signing', async () => {
    const session = await call(null, 'POST', '/auth/login', '/auth/login', { email: OFFICER, password: 'dueflow-demo' });
    expect(session.status).toBe(200);

    const body = projectBody();
    expectAcceptedBody(body, 'POST', '/projects');
    const key = `openapi-${randomUUID()}`;
    const submitted = await http.as(OFFICER, 'POST', '/projects', { body, headers: { 'idempotency-key': key } });
    expect(submitted.status).toBe(201);
    expectDocumented(submitted, 'POST', '/projects');
    const replay = await http.as(OFFICER, 'POST', '/projects', { body, headers: { 'idempotency-key': key } });
    expect(replay.status).toBe(200);
    expectDocumented(replay, 'POST', '/projects');
    const id: string = submitted.body.id;

    await call(OFFICER, 'GET', '/projects', '/projects?limit=5&sector=robotics');
    const tasks = await eventually('four open review tasks', async () => {
      const found: Array<{ reviewer: string; id: string; track: Track }> = [];
      for (const reviewer of REVIEWERS) {
        const res = await call(reviewer, 'GET', '/tasks', `/tasks?projectId=${id}&status=open`);
        for (const task of res.body.items) found.push({ reviewer, id: task.id, track: task.track });
      }
      return found.length === 4 ? found : undefined;
    });
    for (const task of tasks) {
      await call(task.reviewer, 'GET', '/tasks/:id', `/tasks/${task.id}`);
      const review = reviewBody(task.track, 4);
      expectAcceptedBody(review, 'POST', '/tasks/:id/review');
      // 409 "still being assigned" until the workflow has taken in the listed task (see postReview): retried, and checked against the document too.
      const sent = await eventually('the review taken', async () => {
        const res = await call(task.reviewer, 'POST', '/tasks/:id/review', `/tasks/${task.id}/review`, review);
        return stillBeingAssigned(res) ? undefined : res;
      });
      expect(sent.status).toBe(200);
    }
    await eventually('awaiting_decision', async () => (await http.as(MANAGER, 'GET', `/projects/${id}`)).body.status === 'awaiting_decision');

    const detail = await call(OFFICER, 'GET', '/projects/:id', `/projects/${id}`);
    expect(detail.body.synthesis).not.toBeNull();
    await call(tasks[0]!.reviewer, 'GET', '/projects/:id', `/projects/${id}`);
    await call(tasks[0]!.reviewer, 'GET', '/tasks/:id', `/tasks/${tasks[0]!.id}`);
    await call(MANAGER, 'GET', '/projects/:id/report', `/projects/${id}/report`);
    await call(MANAGER, 'POST', '/projects/:id/decision', `/projects/${id}/decision`, { outcome: 'go', rationale: 'Documented and fits the cluster.' });
    const signing = { signedAt: new Date().toISOString(), agreedInvestment: { amount: 290_000_000, currency: 'CNY' } };
    expectAcceptedBody(signing, 'POST', '/projects/:id/signing');
    expect((await call(OFFICER, 'POST', '/projects/:id/signing', `/projects/${id}/signing`, signing)).body.status).toBe('signed');

    await call(OFFICER, 'GET', '/projects/:id/timeline', `/projects/${id}/timeline`);
    const verdict = await call(MANAGER, 'GET', '/projects/:id/timeline/verify', `/projects/${id}/timeline/verify`);
    expect(verdict.body.valid).toBe(true);
    await call(MANAGER, 'GET', '/stats');

    const other = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    await call(OFFICER, 'POST', '/projects/:id/withdraw', `/projects/${other.body.id}/withdraw`, { reason: 'Chose another park.' });
  });

  it('describes the real answers of users, policy and operations', async () => {
    await call(OFFICER, 'GET', '/policy');
    const reviewers = await call(ADMIN, 'GET', '/users', '/users?role=reviewer');
    // Not a new reviewer: other suites expect the seeded reviewers to get every seat.
    const user = await call(ADMIN, 'POST', '/users', '/users', {
      email: `openapi-${randomUUID().slice(0, 8)}@dueflow.local`,
      name: 'Documented Officer',
      password: 'documented-password',
      roles: ['officer'],
    });
    expect(user.status).toBe(201);
    // A conflict with a company no project names, so no assignment changes.
    const reviewer = reviewers.body.items.find((u: Json) => u.email === REVIEWERS[0]);
    const company = `Openapi Conflict ${randomUUID()}`;
    const conflict = await call(ADMIN, 'POST', '/users/:id/conflicts', `/users/${reviewer.id}/conflicts`, { company, reason: 'Adviser' });
    expect(conflict.status).toBe(201);

    await call(null, 'GET', '/health');
    await call(null, 'GET', '/health/ready');
    const metrics = await http.request('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(operation('GET', '/metrics')!.responses['200'].content).toHaveProperty('text/plain');
  });

  it('describes the real error answers', async () => {
    const invalid = await call(OFFICER, 'POST', '/projects', '/projects', { ...projectBody(), sector: 'mining', extra: true });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: Json) => d.field)).toEqual(expect.arrayContaining(['sector', 'extra']));
    expect((await call(ADMIN, 'PUT', '/policy', '/policy', { quorum: { expert: 0 } })).status).toBe(400);
    expect((await call(null, 'GET', '/projects')).status).toBe(401);
    expect((await call(OFFICER, 'GET', '/stats')).status).toBe(403);
    expect((await call(OFFICER, 'GET', '/projects/:id', `/projects/${randomUUID()}`)).status).toBe(404);
    expect((await call(OFFICER, 'GET', '/projects/:id', '/projects/not-a-uuid')).status).toBe(400);
  });
});
