import { DomainError } from '@dueflow/domain';
import type { LoginAttemptStore, LoginLimits, LoginVerdict } from '@dueflow/persistence';
import { LOGIN_LIMITS, LoginRateLimited, LoginThrottle, accountKey } from './login-throttle';

/** Records what the throttle asks of its store; the counting itself is PostgreSQL's (see accounts.e2e-spec.ts). */
function fakeStore(verdict: LoginVerdict) {
  const calls: string[] = [];
  const store = {
    begin: async (key: string, address: string, limits: LoginLimits) => {
      calls.push(`begin ${key} ${address} ${limits.perAccount}/${limits.perAddress}`);
      return verdict;
    },
    succeeded: async (id: string, key: string) => void calls.push(`succeeded ${id} ${key}`),
    failed: async (id: string) => void calls.push(`failed ${id}`),
    prune: async (windowSeconds: number) => (calls.push(`prune ${windowSeconds}`), 0),
  };
  return { store: store as unknown as LoginAttemptStore, calls };
}

describe('LoginThrottle', () => {
  it('counts per account whatever the email\'s case or spacing, and clears it on success', async () => {
    const { store, calls } = fakeStore({ allowed: true, attemptId: '7' });
    const attempt = await new LoginThrottle(store, LOGIN_LIMITS, () => 1_000_000).begin(' A@X.io ', '1.2.3.4');
    await attempt.succeeded();
    expect(calls).toEqual(['prune 900', 'begin a@x.io 1.2.3.4 5/50', 'succeeded 7 a@x.io']);
    await (await new LoginThrottle(store, LOGIN_LIMITS, () => 1_000_000).begin('b@x.io', '1.2.3.4')).failed();
    expect(calls.slice(-1)).toEqual(['failed 7']);
    expect(accountKey('Mixed@Case.IO')).toBe('mixed@case.io');
  });

  it('refuses with 429 naming each locked dimension and how long to wait', async () => {
    const { store } = fakeStore({ allowed: false, retryAfterSeconds: 42, exceeded: ['account', 'address'] });
    const error = await new LoginThrottle(store).begin('a@x.io', '1.2.3.4').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginRateLimited);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as LoginRateLimited).code).toBe('RATE_LIMITED');
    expect((error as LoginRateLimited).retryAfterSeconds).toBe(42);
    expect((error as LoginRateLimited).details.map((d) => d.field)).toEqual(['email', 'address']);
  });

  it('prunes old attempts at most once a minute', async () => {
    let now = 1_000_000;
    const { store, calls } = fakeStore({ allowed: true, attemptId: '1' });
    const throttle = new LoginThrottle(store, LOGIN_LIMITS, () => now);
    await throttle.begin('a@x.io', 'x');
    now += 59_000;
    await throttle.begin('a@x.io', 'x');
    now += 1_000;
    await throttle.begin('a@x.io', 'x');
    expect(calls.filter((c) => c.startsWith('prune'))).toHaveLength(2);
  });
});
