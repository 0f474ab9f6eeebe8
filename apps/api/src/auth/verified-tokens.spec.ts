import type { AuthUser } from './auth-user';
import { VerifiedTokens } from './verified-tokens';

const user = (id: string): AuthUser => ({ id, email: `${id}@x.io`, name: id, roles: ['officer'] });

describe('VerifiedTokens', () => {
  let now = 1_000_000_000;
  const clock = () => now;

  it('returns a remembered token until its exp, then forgets it', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember('t1', user('a'), now / 1000 + 60);
    expect(tokens.get('t1')?.id).toBe('a');
    expect(tokens.get('t2')).toBeUndefined();
    now += 59_999;
    expect(tokens.get('t1')?.id).toBe('a');
    now += 1;
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('keeps no token without a numeric exp', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember('t1', user('a'), undefined);
    tokens.remember('t2', user('b'), '9999999999');
    tokens.remember('t3', user('c'), Number.POSITIVE_INFINITY);
    expect(tokens.size).toBe(0);
  });

  it('drops the oldest entry when full', () => {
    const tokens = new VerifiedTokens(2, clock);
    const exp = now / 1000 + 3600;
    tokens.remember('t1', user('a'), exp);
    tokens.remember('t2', user('b'), exp);
    tokens.remember('t3', user('c'), exp);
    expect(tokens.size).toBe(2);
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.get('t2')?.id).toBe('b');
    expect(tokens.get('t3')?.id).toBe('c');
  });
});
