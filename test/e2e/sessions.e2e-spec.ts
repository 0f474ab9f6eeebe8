import { randomUUID } from 'node:crypto';
import { ADMIN } from '../support/factories';
import { Http, RunningDueflow, startDueflow } from '../support/harness';

/**
 * Browser sessions (API.md "Additions"): POST /auth/login also sets the signed token as an HttpOnly,
 * SameSite=Strict cookie the API accepts instead of the Bearer header; a state change signed in by
 * the cookie alone needs `X-Requested-With: dueflow` (CSRF); POST /auth/logout clears the cookie.
 */
describe('browser sessions', () => {
  let stack: RunningDueflow;
  let http: Http;
  const password = 'session-password-1';

  beforeAll(async () => {
    stack = await startDueflow();
    http = new Http(stack.baseUrl);
  });
  afterAll(() => stack?.stop());

  /** A fresh officer of this suite's own, so that deactivating or renaming them touches nobody else. */
  async function newOfficer(): Promise<{ id: string; email: string }> {
    const email = `session-${randomUUID().slice(0, 8)}@dueflow.local`;
    const res = await http.as(ADMIN, 'POST', '/users', { body: { email, name: 'Session Officer', password, roles: ['officer'] } });
    expect(res.status).toBe(201);
    return { id: res.body.id, email };
  }

  /** Signs in and returns the Set-Cookie header, the cookie as a browser sends it back, and the bearer token. */
  async function signIn(email: string): Promise<{ setCookie: string; cookie: string; token: string }> {
    const res = await http.request('POST', '/auth/login', { body: { email, password } });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('dueflow_session='));
    expect(setCookie).toBeDefined();
    return { setCookie: setCookie!, cookie: setCookie!.split(';')[0]!, token: res.body.accessToken };
  }

  const withCookie = (cookie: string, extra: Record<string, string> = {}) => ({ headers: { cookie, ...extra } });

  it('sets an HttpOnly, SameSite=Strict session cookie for the whole site holding the same token, expiring with it', async () => {
    const officer = await newOfficer();
    const { setCookie, cookie, token } = await signIn(officer.email);
    const attributes = setCookie.split(';').map((a) => a.trim());
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('SameSite=Strict');
    expect(attributes).toContain('Path=/');
    // Plain HTTP here: Secure would make a browser drop the cookie.
    expect(attributes).not.toContain('Secure');
    expect(cookie).toBe(`dueflow_session=${token}`);
    const login = await http.request('POST', '/auth/login', { body: { email: officer.email, password } });
    expect(attributes).toContain(`Max-Age=${login.body.expiresIn}`);
  });

  it('lets a GET through on the cookie alone, and the Bearer header wins when both come', async () => {
    const officer = await newOfficer();
    const { cookie } = await signIn(officer.email);
    const me = await http.request('GET', '/me', withCookie(cookie));
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(officer.email);

    const adminToken = await http.token(ADMIN);
    const both = await http.request('GET', '/me', { token: adminToken, ...withCookie(cookie) });
    expect(both.status).toBe(200);
    expect(both.body.email).toBe(ADMIN);
    // A bad Bearer is not rescued by a good cookie.
    const badBearer = await http.request('GET', '/me', { token: 'not.a.token', ...withCookie(cookie) });
    expect(badBearer.status).toBe(401);

    expect((await http.request('GET', '/me', withCookie('dueflow_session=garbage'))).status).toBe(401);
    expect((await http.request('GET', '/me', withCookie('other=1'))).status).toBe(401);
  });

  it('refuses a state change on the cookie alone without X-Requested-With (403, nothing changed), and takes it with the header', async () => {
    const officer = await newOfficer();
    const { cookie, token } = await signIn(officer.email);

    const refused = await http.request('PATCH', '/me', { body: { name: 'Forged Name' }, ...withCookie(cookie) });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/X-Requested-With: dueflow/);
    const wrongValue = await http.request('PATCH', '/me', { body: { name: 'Forged Name' }, ...withCookie(cookie, { 'x-requested-with': 'XMLHttpRequest' }) });
    expect(wrongValue.status).toBe(403);
    expect((await http.request('GET', '/me', withCookie(cookie))).body.name).toBe('Session Officer');
    const [{ name }] = await stack.dataSource.query(`SELECT name FROM users WHERE id = $1`, [officer.id]);
    expect(name).toBe('Session Officer');

    const taken = await http.request('PATCH', '/me', { body: { name: 'Cookie Name' }, ...withCookie(cookie, { 'x-requested-with': 'dueflow' }) });
    expect(taken.status).toBe(200);
    expect(taken.body.name).toBe('Cookie Name');

    // The Bearer token needs no such header: no browser attaches it by itself.
    const bearer = await http.request('PATCH', '/me', { token, body: { name: 'Bearer Name' } });
    expect(bearer.status).toBe(200);
    expect((await http.request('GET', '/me', withCookie(cookie))).body.name).toBe('Bearer Name');
  });

  it('clears the cookie on logout, with or without one, as often as asked', async () => {
    const officer = await newOfficer();
    const { cookie } = await signIn(officer.email);
    for (const options of [withCookie(cookie), withCookie(cookie, { 'x-requested-with': 'dueflow' }), {}]) {
      const out = await http.request('POST', '/auth/logout', options);
      expect(out.status).toBe(200);
      expect(out.body).toEqual({ loggedOut: true });
      const cleared = out.headers.getSetCookie().find((c) => c.startsWith('dueflow_session='));
      expect(cleared).toBeDefined();
      const attributes = cleared!.split(';').map((a) => a.trim());
      expect(attributes[0]).toBe('dueflow_session=');
      expect(attributes).toContain('Max-Age=0');
      expect(attributes).toContain('Path=/');
      expect(attributes).toContain('HttpOnly');
    }
  });

  it('stops a deactivated user\'s cookie at once', async () => {
    const officer = await newOfficer();
    const { cookie } = await signIn(officer.email);
    expect((await http.request('GET', '/me', withCookie(cookie))).status).toBe(200);
    const off = await http.as(ADMIN, 'POST', `/users/${officer.id}/deactivate`, { body: { reason: 'sessions suite' } });
    expect(off.status).toBe(200);
    const after = await http.request('GET', '/me', withCookie(cookie));
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/deactivated/);
  });
});
