import { Http, RunningDueflow, startDueflow } from '../support/harness';

/**
 * The console is served by the API on the same origin at /app/: its page for every path below it
 * (the browser's router takes over), its hashed files cached for good, nothing outside the build,
 * and a browser opening `/` is sent there.
 */
describe('the console at /app/', () => {
  let stack: RunningDueflow;
  let http: Http;

  beforeAll(async () => {
    stack = await startDueflow();
    http = new Http(stack.baseUrl);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const raw = (path: string, init: RequestInit = {}) => fetch(`${stack.baseUrl}${path}`, { redirect: 'manual', ...init });

  it('redirects / to /app/ and /app to /app/', async () => {
    const root = await raw('/', { headers: { accept: 'text/html' } });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const bare = await raw('/app');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/app/');
  });

  it('serves the page, with the console CSP, for /app/ and any deep link under it', async () => {
    for (const path of ['/app/', '/app/tasks/3f1e0c56-4d0b-4a55-a1a4-6f2f4b1e9a10', '/app/projects/new?x=1']) {
      const res = await raw(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const html = await res.text();
      expect(html).toMatch(/<script type="module" crossorigin src="\/app\/assets\/index-[\w-]+\.js"><\/script>/);
    }
  });

  it('serves hashed files as immutable, and 404s a missing one instead of the page', async () => {
    const html = await (await raw('/app/')).text();
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const res = await raw(script);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await raw('/app/assets/no-such-chunk-abc123.js')).status).toBe(404);
  });

  it('sends the build\'s precompressed files to browsers that take them', async () => {
    const html = await (await raw('/app/')).text();
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const plain = await raw(script, { headers: { 'accept-encoding': 'identity' } });
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    // fetch decodes what it can; the header and the wire size tell what was sent.
    const { request } = await import('node:http');
    const sent = await new Promise<{ encoding?: string; bytes: number }>((resolve, reject) => {
      const req = request(`${stack.baseUrl}${script}`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(sent.encoding).toBe('br');
    expect(sent.bytes).toBeLessThan(plainBytes / 2);
  });

  it('never serves a file from outside the build', async () => {
    for (const path of ['/app/..%2f..%2fpackage.json', '/app/%2e%2e/%2e%2e/package.json', '/app/assets/..%2f..%2f..%2fpackage.json', '/app/%00']) {
      const res = await raw(path);
      const body = await res.text();
      expect(body).not.toContain('"name": "dueflow"');
      expect([200, 400, 404]).toContain(res.status);
    }
  });

  it('leaves the API as it was: JSON routes still answer JSON with their own policy', async () => {
    const res = await http.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
