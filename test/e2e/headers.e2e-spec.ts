import { request as httpRequest } from 'node:http';
import { MANAGER, OFFICER } from '../support/factories';
import { Http, HttpResult, RunningDueflow, startDueflowWithClient } from '../support/harness';

/**
 * Response headers over real HTTP: what every answer carries (success, refusal, unknown route,
 * bad input), the per-path Content-Security-Policy (JSON vs the Swagger UI page), no-store, and
 * 405 with Allow for a known path asked with the wrong method.
 */

const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

function expectBaseHeaders(res: { headers: Headers }) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-request-id')).toBeTruthy();
}

function expectJsonHeaders(res: HttpResult) {
  expectBaseHeaders(res);
  expect(res.headers.get('content-security-policy')).toBe(JSON_CSP);
  expect(res.headers.get('cache-control')).toBe('no-store');
}

/** A raw request: fetch normalises a URL with a broken percent-encoding before sending it. */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('response headers', () => {
  let stack: RunningDueflow;
  let http: Http;

  beforeAll(async () => ({ stack, http } = await startDueflowWithClient()));
  afterAll(() => stack?.stop());

  it('are on a 200, a 401, a 404 and a 400 alike', async () => {
    const ok = await http.request('GET', '/health');
    expect(ok.status).toBe(200);
    expectJsonHeaders(ok);

    const unauthenticated = await http.request('GET', '/projects');
    expect(unauthenticated.status).toBe(401);
    expectJsonHeaders(unauthenticated);

    const unknown = await http.request('GET', '/no/such/route');
    expect(unknown.status).toBe(404);
    expectJsonHeaders(unknown);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });

    const malformed = await http.request('POST', '/auth/login', { rawBody: '{"email":' });
    expect(malformed.status).toBe(400);
    expectJsonHeaders(malformed);

    const badParam = await http.as(MANAGER, 'GET', '/projects/not-a-uuid');
    expect(badParam.status).toBe(400);
    expectJsonHeaders(badParam);
  });

  it('are on a URL refused before routing (bad percent-encoding)', async () => {
    const res = await rawGet(stack.baseUrl, '/projects/%zz');
    expect(res.status).toBe(400);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(JSON_CSP);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('say no-store on authenticated reads, a token answer included', async () => {
    const list = await http.as(OFFICER, 'GET', '/projects');
    expect(list.status).toBe(200);
    expectJsonHeaders(list);
    const login = await http.request('POST', '/auth/login', { body: { email: OFFICER, password: 'dueflow-demo' } });
    expect(login.status).toBe(200);
    expect(login.body.accessToken).toBeTruthy();
    expectJsonHeaders(login);
  });

  it('answer 405 with Allow for a known path asked with a method it does not take', async () => {
    const cases: Array<[string, string, string, string?]> = [
      ['DELETE', '/projects', 'GET, HEAD, POST'],
      ['PUT', '/auth/login', 'POST'],
      ['GET', '/auth/login', 'POST'],
      ['DELETE', '/projects/00000000-0000-4000-8000-000000000000', 'GET, HEAD', MANAGER],
      ['PATCH', '/health/ready', 'GET, HEAD'],
    ];
    for (const [method, path, allow, as] of cases) {
      const res = as ? await http.as(as, method, path) : await http.request(method, path, { body: method === 'GET' ? undefined : {} });
      expect({ method, path, status: res.status, allow: res.headers.get('allow') }).toEqual({ method, path, status: 405, allow });
      expect(res.body).toEqual({ statusCode: 405, error: 'Method Not Allowed', message: `${method} is not allowed on ${path}; it takes ${allow}`, requestId: res.headers.get('x-request-id') });
      expectJsonHeaders(res);
    }
    // What Allow promises holds: HEAD of a GET route answers.
    expect((await http.request('HEAD', '/health')).status).toBe(200);
  });

  it('leave unknown paths 404, whatever the method', async () => {
    for (const [method, path] of [
      ['DELETE', '/no/such/route'],
      ['GET', '/projects/00000000-0000-4000-8000-000000000000/nope'],
      ['POST', '/project'],
      ['GET', '/projects/'],
    ] as const) {
      const res = await http.request(method, path);
      expect({ method, path, status: res.status, allow: res.headers.get('allow') }).toEqual({ method, path, status: 404, allow: null });
    }
  });

  it('let the Swagger UI page load under its own policy, with its scripts and stylesheet', async () => {
    const page = await http.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectBaseHeaders(page);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // No inline script: the page's scripts are all files the policy lets it load.
    const html = page.body as string;
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
    const scripts = [...html.matchAll(/<script src=["']([^"']+)["']/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link[^>]+href=["']([^"']+\.css)["']/g)].map((m) => m[1]!);
    expect(scripts).toEqual(expect.arrayContaining([expect.stringContaining('swagger-ui-bundle.js'), expect.stringContaining('swagger-ui-init.js')]));
    expect(styles.length).toBeGreaterThan(0);
    for (const asset of [...scripts, ...styles]) {
      // Resolved as the browser does, against the page's own URL.
      const url = new URL(asset, `${stack.baseUrl}/docs`);
      expect(url.origin).toBe(stack.baseUrl);
      const res = await http.request('GET', url.pathname);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      expect(res.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe(csp);
    }
    // The OpenAPI document is JSON like any other answer.
    const document = await http.request('GET', '/docs-json');
    expect(document.status).toBe(200);
    expectJsonHeaders(document);
  });
});
