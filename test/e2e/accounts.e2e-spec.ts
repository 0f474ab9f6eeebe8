import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import bcrypt from 'bcryptjs';
import { loadApiConfig } from '@dueflow/api';
import { ADMIN, MANAGER, OFFICER, projectBody } from '../support/factories';
import { signJwt } from '../support/bad-input';
import { Http, RunningDueflow, eventually, startDueflow } from '../support/harness';

/**
 * Accounts and sign-in (issue 13, items 3 and 7), against two API instances on one database: who
 * a token's holder is comes from the database on every request, a change made through one
 * instance acts on the next request on the other, and both count the same failed sign-ins.
 */

/** The secret that used to be written in config.ts: anyone could mint tokens with it. */
const OLD_SOURCE_SECRET = 'dueflow-local-development-secret-not-for-production';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: any;
}

/** One request from a chosen loopback address (127.x.y.z all reach the API), so each test has its own sign-in count per address. */
function from(baseUrl: string, address: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
  const url = new URL(path, baseUrl);
  const data = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = {};
  if (data !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, localAddress: address, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** A loopback address no other test of this run signs in from. */
let nextAddress = 10;
const freshAddress = () => `127.0.13.${nextAddress++}`;

const unique = (what: string) => `${what}-${randomUUID().slice(0, 8)}@dueflow.local`;
const PASSWORD = 'accounts-password-1';

describe('accounts and sign-in', () => {
  let a: RunningDueflow;
  let b: RunningDueflow;
  let httpA: Http;
  let httpB: Http;
  let secret: string;
  let adminToken: string;

  beforeAll(async () => {
    a = await startDueflow();
    b = await startDueflow();
    httpA = new Http(a.baseUrl);
    httpB = new Http(b.baseUrl);
    // The harness starts the API without JWT_SECRET: the secret is the generated file's, the same for both instances.
    secret = loadApiConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://127.0.0.1/unused' }).JWT_SECRET;
    adminToken = await httpA.token(ADMIN);
  }, 120_000);
  /** Reviewers this suite created: taken out of the pool at the end, so later suites' assignments go to the demo reviewers as they expect. */
  const createdReviewers: string[] = [];
  afterAll(async () => {
    if (createdReviewers.length) await a?.dataSource.query(`UPDATE users SET deactivated_at = now(), deactivation_reason = 'accounts suite ended' WHERE id = ANY($1) AND deactivated_at IS NULL`, [createdReviewers]);
    await b?.stop();
    await a?.stop();
  });

  async function createUser(body: Record<string, unknown>): Promise<{ id: string; email: string; token: () => Promise<string> }> {
    const email = (body['email'] as string | undefined) ?? unique('user');
    const created = await httpA.request('POST', '/users', { token: adminToken, body: { email, name: 'Account Test', password: PASSWORD, roles: ['officer'], ...body } });
    expect(created.status).toBe(201);
    if ((created.body.roles as string[]).includes('reviewer')) createdReviewers.push(created.body.id);
    const password = (body['password'] as string | undefined) ?? PASSWORD;
    return { id: created.body.id, email, token: () => new Http(a.baseUrl).token(email, password) };
  }

  const vcReviewer = (email = unique('vc')) => ({ email, roles: ['reviewer'], reviewer: { tracks: ['vc'], sectors: ['robotics'], maxOpenTasks: 5 } });

  describe('tokens', () => {
    it('keeps the token-signing secret in a file of the data dir, readable by its owner only, that both instances use', async () => {
      const config = loadApiConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://127.0.0.1/unused' });
      expect(config.JWT_SECRET).not.toBe(OLD_SOURCE_SECRET);
      expect(statSync(config.JWT_SECRET_FILE!).mode & 0o777).toBe(0o600);
      // A token issued by A is good on B.
      expect((await httpB.request('GET', '/users', { token: adminToken })).status).toBe(200);
    });

    it('refuses an admin token signed with the secret that used to be in the source', async () => {
      const adminId = (await httpA.request('GET', '/me', { token: adminToken })).body.id;
      const now = Math.floor(Date.now() / 1000);
      const forged = signJwt({ sub: adminId, email: ADMIN, name: 'x', roles: ['admin'], iss: 'dueflow', iat: now, exp: now + 600 }, OLD_SOURCE_SECRET);
      const res = await httpA.request('GET', '/users', { token: forged });
      expect(res.status).toBe(401);
    });

    it('refuses a token without exp', async () => {
      const officerId = (await httpA.as(OFFICER, 'GET', '/me')).body.id;
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: officerId, email: OFFICER, name: 'x', roles: ['officer'], iss: 'dueflow', iat: now };
      expect((await httpA.request('GET', '/projects', { token: signJwt({ ...claims, exp: now + 600 }, secret) })).status).toBe(200);
      const forever = await httpA.request('GET', '/projects', { token: signJwt(claims, secret) });
      expect(forever.status).toBe(401);
      expect(forever.body.message).toMatch(/no expiry/);
    });

    it('answers 401, not 500, for a token naming a user that does not exist or a subject that is not a user id', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { email: OFFICER, name: 'x', roles: ['officer'], iss: 'dueflow', iat: now, exp: now + 600 };
      const body = projectBody();
      const nobody = await httpA.request('POST', '/projects', { token: signJwt({ ...claims, sub: randomUUID() }, secret), body });
      expect(nobody.status).toBe(401);
      const malformed = await httpA.request('GET', '/projects', { token: signJwt({ ...claims, sub: 'officer@dueflow.local' }, secret) });
      expect(malformed.status).toBe(401);
      const [{ n }] = await a.dataSource.query(`SELECT count(*)::int AS n FROM projects WHERE name = $1`, [body.name]);
      expect(n).toBe(0);
    });

    it('takes roles from the database, not from the token', async () => {
      const officerId = (await httpA.as(OFFICER, 'GET', '/me')).body.id;
      const now = Math.floor(Date.now() / 1000);
      const escalated = signJwt({ sub: officerId, email: OFFICER, name: 'x', roles: ['admin'], iss: 'dueflow', iat: now, exp: now + 600 }, secret);
      expect((await httpA.request('GET', '/users', { token: escalated })).status).toBe(403);
    });

    it('applies a role change on the very next request with the old token, on both instances', async () => {
      const user = await createUser({ roles: ['officer'] });
      const token = await user.token();
      expect((await httpA.request('GET', '/users', { token })).status).toBe(403);
      expect((await httpB.request('GET', '/users', { token })).status).toBe(403);
      const promoted = await httpA.request('PATCH', `/users/${user.id}`, { token: adminToken, body: { roles: ['officer', 'manager'] } });
      expect(promoted.status).toBe(200);
      expect(promoted.body.roles).toEqual(['officer', 'manager']);
      // B heard of the change from PostgreSQL, not from this request.
      expect((await httpB.request('GET', '/users', { token })).status).toBe(200);
      expect((await httpA.request('GET', '/users', { token })).status).toBe(200);
      const demoted = await httpB.request('PATCH', `/users/${user.id}`, { token: adminToken, body: { roles: ['officer'], name: 'Renamed' } });
      expect(demoted.status).toBe(200);
      expect((await httpA.request('GET', '/users', { token })).status).toBe(403);
      expect((await httpA.request('GET', '/me', { token })).body).toMatchObject({ name: 'Renamed', roles: ['officer'] });
    });

    it('stops every token of a deactivated user at once on both instances, refuses their sign-in, and lets them back on reactivation', async () => {
      const user = await createUser({ roles: ['officer'] });
      const token = await user.token();
      expect((await httpB.request('GET', '/projects', { token })).status).toBe(200);
      const off = await httpA.request('POST', `/users/${user.id}/deactivate`, { token: adminToken, body: { reason: 'left the company' } });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ id: user.id, active: false, openTasks: 0 });
      expect((await httpB.request('GET', '/projects', { token })).status).toBe(401);
      expect((await httpA.request('GET', '/projects', { token })).status).toBe(401);
      const address = freshAddress();
      const login = await from(a.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password: PASSWORD } });
      expect(login.status).toBe(401);
      expect(login.body.message).toMatch(/deactivated/);
      // Idempotent.
      expect((await httpA.request('POST', `/users/${user.id}/deactivate`, { token: adminToken, body: { reason: 'test' } })).status).toBe(200);
      const listed = await httpA.request('GET', '/users', { token: adminToken });
      expect(listed.body.items.find((u: { id: string }) => u.id === user.id)).toMatchObject({ active: false, deactivatedAt: expect.any(String) });

      const on = await httpB.request('POST', `/users/${user.id}/reactivate`, { token: adminToken, body: { reason: 'test' } });
      expect(on.status).toBe(200);
      expect(on.body.active).toBe(true);
      expect((await httpA.request('GET', '/projects', { token })).status).toBe(200);
      expect((await from(a.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password: PASSWORD } })).status).toBe(200);
    });

    it('reassigns the open review task of a deactivated reviewer, and never assigns them again (a crash after marking them is finished by a retry)', async () => {
      const [first, second] = [await createUser(vcReviewer()), await createUser(vcReviewer())];
      const body = projectBody();
      // Only the two new VC reviewers are free for this company: every other VC reviewer declares a conflict with it.
      const reviewers = (await httpA.request('GET', '/users?role=reviewer', { token: adminToken })).body.items as Array<{ id: string; reviewer: { tracks: string[] } }>;
      for (const demo of reviewers.filter((r) => r.reviewer.tracks.includes('vc') && r.id !== first.id && r.id !== second.id)) {
        expect((await httpA.request('POST', `/users/${demo.id}/conflicts`, { token: adminToken, body: { company: body.company, reason: 'test: keep the VC track to the new reviewers' } })).status).toBe(201);
      }
      const submitted = await httpA.as(OFFICER, 'POST', '/projects', { body });
      expect(submitted.status).toBe(201);
      const projectId: string = submitted.body.id;
      const vcTask = async () => {
        const tasks = (await httpA.as(MANAGER, 'GET', `/tasks?projectId=${projectId}`)).body.items as Array<{ id: string; track: string; status: string; assignee: { id: string } }>;
        return tasks.filter((t) => t.track === 'vc');
      };
      const assigned = await eventually('the VC task', async () => (await vcTask()).find((t) => t.status === 'open'));
      const holder = [first, second].find((u) => u.id === assigned.assignee.id)!;
      const other = [first, second].find((u) => u.id !== assigned.assignee.id)!;
      expect(holder).toBeDefined();
      const token = await holder.token();
      expect((await httpB.request('GET', `/tasks/${assigned.id}`, { token })).status).toBe(200);

      // As if a deactivation had crashed right after its first step: the user is marked, the task not yet declined.
      // Written behind the API's back, the change reaches B by PostgreSQL's notification alone, within milliseconds.
      await a.dataSource.query(`UPDATE users SET deactivated_at = now() WHERE id = $1`, [holder.id]);
      await eventually('B to refuse the token', async () => (await httpB.request('GET', `/tasks/${assigned.id}`, { token })).status === 401, 2_000);
      expect((await vcTask()).find((t) => t.id === assigned.id)?.status).toBe('open');

      // The retry declines what is left; while the workflow is still taking the task in, it says so (openTasks) and is repeated.
      const done = await eventually('the deactivation to reassign the task', async () => {
        const res = await httpA.request('POST', `/users/${holder.id}/deactivate`, { token: adminToken, body: { reason: 'test' } });
        expect(res.status).toBe(200);
        return res.body.openTasks === 0 ? res : undefined;
      });
      expect(done.body.active).toBe(false);
      const replaced = await eventually('a replacement VC task', async () => (await vcTask()).find((t) => t.status === 'open' && t.id !== assigned.id));
      expect(replaced.assignee.id).toBe(other.id);
      const old = (await vcTask()).find((t) => t.id === assigned.id)!;
      expect(old.status).not.toBe('open');
    });
  });

  describe('administration', () => {
    it('keeps a reviewer profile exactly with the reviewer role, and an admin from locking themself out', async () => {
      const user = await createUser({ roles: ['officer'] });
      const profile = { tracks: ['vc'], sectors: ['robotics'], maxOpenTasks: 3 };
      const withoutRole = await httpA.request('PATCH', `/users/${user.id}`, { token: adminToken, body: { reviewer: profile } });
      expect(withoutRole.status).toBe(400);
      expect(withoutRole.body.details).toEqual([{ field: 'reviewer', problem: 'only for users with the reviewer role' }]);
      const roleOnly = await httpA.request('PATCH', `/users/${user.id}`, { token: adminToken, body: { roles: ['reviewer'] } });
      expect(roleOnly.status).toBe(400);
      expect(roleOnly.body.details).toEqual([{ field: 'reviewer', problem: 'is required for the reviewer role' }]);
      const both = await httpA.request('PATCH', `/users/${user.id}`, { token: adminToken, body: { roles: ['reviewer'], reviewer: profile } });
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({ roles: ['reviewer'], reviewer: { ...profile, affiliation: null }, openTasks: 0 });
      const back = await httpA.request('PATCH', `/users/${user.id}`, { token: adminToken, body: { roles: ['officer'] } });
      expect(back.status).toBe(200);
      expect(back.body.reviewer).toBeUndefined();

      const adminId = (await httpA.request('GET', '/me', { token: adminToken })).body.id;
      expect((await httpA.request('PATCH', `/users/${adminId}`, { token: adminToken, body: { roles: ['manager'] } })).status).toBe(403);
      expect((await httpA.request('POST', `/users/${adminId}/deactivate`, { token: adminToken, body: { reason: 'test' } })).status).toBe(403);
      expect((await httpA.request('GET', '/me', { token: adminToken })).body.roles).toEqual(['admin']);
      expect((await httpA.request('PATCH', `/users/${randomUUID()}`, { token: adminToken, body: { name: 'x' } })).status).toBe(404);
      expect((await httpA.request('POST', `/users/${randomUUID()}/deactivate`, { token: adminToken, body: { reason: 'test' } })).status).toBe(404);
      expect((await httpA.request('PATCH', `/users/${user.id}`, { token: adminToken, body: { roles: ['boss'], name: '' } })).body.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'roles.0']);
      // Nothing to change, or a deactivation without a reason: refused, nothing written.
      const empty = await httpA.request('PATCH', `/users/${user.id}`, { token: adminToken, body: {} });
      expect(empty.status).toBe(400);
      expect(empty.body.details.map((d: { field: string }) => d.field)).toEqual(['name', 'roles', 'reviewer']);
      const noReason = await httpA.request('POST', `/users/${user.id}/deactivate`, { token: adminToken, body: {} });
      expect(noReason.status).toBe(400);
      expect(noReason.body.details).toEqual([{ field: 'reason', problem: 'is required' }]);
      expect((await httpA.request('GET', '/me', { token: await user.token() })).status).toBe(200);
    });

    it('lists and removes conflicts of interest: the reviewer their own, an admin anyone\'s, nobody else', async () => {
      const owner = await createUser(vcReviewer());
      const stranger = await createUser(vcReviewer());
      const ownerToken = await owner.token();
      const strangerToken = await stranger.token();
      const declared = await httpA.request('POST', `/users/${owner.id}/conflicts`, { token: ownerToken, body: { company: 'Conflicted Co., Ltd.', reason: 'I consult for them' } });
      expect(declared.status).toBe(201);
      const listed = await httpA.request('GET', `/users/${owner.id}/conflicts`, { token: ownerToken });
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual([declared.body]);
      expect((await httpA.request('GET', `/users/${owner.id}/conflicts`, { token: adminToken })).body.items).toEqual([declared.body]);
      expect((await httpA.request('GET', `/users/${owner.id}/conflicts`, { token: strangerToken })).status).toBe(404);
      expect((await httpA.as(OFFICER, 'GET', `/users/${owner.id}/conflicts`)).status).toBe(403);
      expect((await httpA.request('DELETE', `/users/${owner.id}/conflicts/${declared.body.id}`, { token: strangerToken })).status).toBe(404);
      expect((await httpA.request('DELETE', `/users/${stranger.id}/conflicts/${declared.body.id}`, { token: strangerToken })).status).toBe(404);
      const removed = await httpA.request('DELETE', `/users/${owner.id}/conflicts/${declared.body.id}`, { token: ownerToken });
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual(declared.body);
      expect((await httpA.request('GET', `/users/${owner.id}/conflicts`, { token: ownerToken })).body.items).toEqual([]);
      expect((await httpA.request('DELETE', `/users/${owner.id}/conflicts/${declared.body.id}`, { token: adminToken })).status).toBe(404);
    });

    it('shows the caller their own account and lets them change their name and console language', async () => {
      const user = await createUser({ roles: ['officer'] });
      const token = await user.token();
      const me = await httpA.request('GET', '/me', { token });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ id: user.id, email: user.email, name: 'Account Test', roles: ['officer'], locale: 'zh-CN' });
      const changed = await httpA.request('PATCH', '/me', { token, body: { locale: 'en', name: 'Olga' } });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ name: 'Olga', locale: 'en' });
      const bad = await httpA.request('PATCH', '/me', { token, body: { locale: 'fr', roles: ['admin'] } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['locale', 'roles']);
      expect((await httpB.request('GET', '/me', { token })).body).toMatchObject({ name: 'Olga', locale: 'en', roles: ['officer'] });
    });
  });

  describe('passwords', () => {
    it('tells every character of a 97-character password apart (bcrypt stopped at 72 bytes)', async () => {
      const password = `${'correct-horse-battery-staple-'.repeat(3)}${'x'.repeat(10)}`.slice(0, 97);
      expect(password).toHaveLength(97);
      const user = await createUser({ roles: ['officer'], password });
      const address = freshAddress();
      const sameStart = `${password.slice(0, 72)}${'y'.repeat(25)}`;
      expect((await from(a.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password: sameStart } })).status).toBe(401);
      expect((await from(a.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password: password.slice(0, 72) } })).status).toBe(401);
      expect((await from(a.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password } })).status).toBe(200);
      const [{ hash }] = await a.dataSource.query(`SELECT password_hash AS hash FROM users WHERE id = $1`, [user.id]);
      expect(hash).toMatch(/^\$argon2id\$/);
    });

    it('signs in a user whose stored hash is bcrypt, and rehashes it to argon2id', async () => {
      const user = await createUser({ roles: ['officer'] });
      await a.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, await bcrypt.hash('an-older-password', 10)]);
      const address = freshAddress();
      expect((await from(a.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password: 'not-it-at-all' } })).status).toBe(401);
      expect((await from(a.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password: 'an-older-password' } })).status).toBe(200);
      const [{ hash }] = await a.dataSource.query(`SELECT password_hash AS hash FROM users WHERE id = $1`, [user.id]);
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect((await from(b.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password: 'an-older-password' } })).status).toBe(200);
    });

    it('changes the caller\'s password only with the current one', async () => {
      const user = await createUser({ roles: ['officer'] });
      const token = await user.token();
      const address = freshAddress();
      const wrong = await from(a.baseUrl, address, 'POST', '/auth/password', { token, body: { currentPassword: 'not-the-password', newPassword: 'a-new-password-1' } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details).toEqual([{ field: 'currentPassword', problem: 'is not the current password' }]);
      const short = await from(a.baseUrl, address, 'POST', '/auth/password', { token, body: { currentPassword: PASSWORD, newPassword: 'short' } });
      expect(short.status).toBe(400);
      expect(short.body.details).toEqual([{ field: 'newPassword', problem: 'must be at least 10 characters' }]);
      expect((await from(a.baseUrl, address, 'POST', '/auth/password', { body: { currentPassword: PASSWORD, newPassword: 'a-new-password-1' } })).status).toBe(401);
      const changed = await from(a.baseUrl, address, 'POST', '/auth/password', { token, body: { currentPassword: PASSWORD, newPassword: 'a-new-password-1' } });
      expect(changed.status).toBe(200);
      expect(changed.body.changedAt).toEqual(expect.any(String));
      expect((await from(a.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password: PASSWORD } })).status).toBe(401);
      expect((await from(a.baseUrl, address, 'POST', '/auth/login', { body: { email: user.email, password: 'a-new-password-1' } })).status).toBe(200);
    });
  });

  describe('sign-in limits', () => {
    const login = (stack: RunningDueflow, address: string, email: string, password: string) => from(stack.baseUrl, address, 'POST', '/auth/login', { body: { email, password } });

    it('allows five failures per account across both instances and every address, then 429 with Retry-After; a success clears the account only', async () => {
      const user = await createUser({ roles: ['officer'] });
      // Alternating instances and addresses: before, each instance counted its own, per address and email.
      for (let i = 0; i < 5; i += 1) {
        expect((await login(i % 2 ? b : a, freshAddress(), user.email, `guess-${i}`)).status).toBe(401);
      }
      for (const stack of [a, b]) {
        const locked = await login(stack, freshAddress(), user.email, PASSWORD);
        expect(locked.status).toBe(429);
        expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
        expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
        expect(locked.body.details).toEqual([{ field: 'email', problem: expect.stringMatching(/^locked for \d+ s after 5 failed sign-ins to this account$/) }]);
      }
      // The oldest failure leaves the window (moved back by hand): the right password works, and clears the account's count.
      await a.dataSource.query(`UPDATE login_attempts SET attempted_at = attempted_at - interval '15 minutes' WHERE id = (SELECT min(id) FROM login_attempts WHERE account_key = $1)`, [user.email]);
      const address = freshAddress();
      expect((await login(a, address, user.email, PASSWORD)).status).toBe(200);
      for (let i = 0; i < 5; i += 1) expect((await login(b, address, user.email, `again-${i}`)).status).toBe(401);
      expect((await login(a, address, user.email, PASSWORD)).status).toBe(429);
      // The failures before the success no longer count for the account, but still do for the addresses they came from.
      const [{ cleared }] = await a.dataSource.query(`SELECT count(*)::int AS cleared FROM login_attempts WHERE account_key = $1 AND account_cleared`, [user.email]);
      expect(cleared).toBe(5);
    });

    it('lets no burst of concurrent guesses past the account limit: an attempt counts as a failure until it succeeds', async () => {
      const user = await createUser({ roles: ['officer'] });
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(i % 2 ? b : a, freshAddress(), user.email, `burst-${i}`)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      // Concurrent attempts may refuse each other (the safe side); in all, exactly five guesses are checked.
      let guesses = statuses.filter((s) => s === 401).length;
      for (let i = 0; (await login(a, freshAddress(), user.email, `after-${i}`)).status === 401; i += 1) guesses += 1;
      expect(guesses).toBe(5);
    });

    it('tells a sign-in refused only because others to the same account are in flight to retry in a second', async () => {
      const user = await createUser({ roles: ['officer'] });
      // Five attempts in flight (as a process in the middle of checking them has them).
      await a.dataSource.query(`INSERT INTO login_attempts (account_key, address) SELECT $1, '198.51.100.' || g FROM generate_series(1, 5) g`, [user.email]);
      const refused = await login(b, freshAddress(), user.email, PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      await a.dataSource.query(`UPDATE login_attempts SET in_flight = false WHERE account_key = $1`, [user.email]);
      expect(Number((await login(b, freshAddress(), user.email, PASSWORD)).headers['retry-after'])).toBeGreaterThan(14 * 60);
    });

    it('allows fifty failures per address across both instances, whatever the emails, then 429 for every account from it', async () => {
      const address = freshAddress();
      for (let i = 0; i < 50; i += 1) {
        expect((await login(i % 2 ? b : a, address, unique(`spray-${i}`), 'a-guess')).status).toBe(401);
      }
      const locked = await login(a, address, OFFICER, 'dueflow-demo');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.body.details).toEqual([{ field: 'address', problem: expect.stringMatching(/after 50 failed sign-ins from this address$/) }]);
      expect((await login(b, address, OFFICER, 'dueflow-demo')).status).toBe(429);
      // Other addresses are not affected.
      expect((await login(b, freshAddress(), OFFICER, 'dueflow-demo')).status).toBe(200);
    });

    it('cannot be flushed by failures for other accounts: counts are rows per account, removed only by age', async () => {
      const user = await createUser({ roles: ['officer'] });
      for (let i = 0; i < 5; i += 1) expect((await login(a, freshAddress(), user.email, `guess-${i}`)).status).toBe(401);
      // The old in-memory throttle dropped its oldest entries after 10,000 other emails. Here 10,000
      // failures for other accounts (written directly: the same rows failed sign-ins write) change nothing.
      const filler = `flood-${randomUUID().slice(0, 8)}`;
      await a.dataSource.query(`INSERT INTO login_attempts (account_key, address) SELECT $1 || '-' || g || '@x.invalid', '192.0.2.' || (g % 200) FROM generate_series(1, 10000) g`, [filler]);
      try {
        for (let i = 0; i < 3; i += 1) expect((await login(i % 2 ? b : a, freshAddress(), unique('other'), 'a-guess')).status).toBe(401);
        expect((await login(b, freshAddress(), user.email, PASSWORD)).status).toBe(429);
      } finally {
        await a.dataSource.query(`DELETE FROM login_attempts WHERE account_key LIKE $1`, [`${filler}-%`]);
      }
    });
  });
});
