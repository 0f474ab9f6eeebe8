import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  let now = 1_000_000_000;
  const clock = () => now;

  it('returns a remembered token\'s subject until its exp, then forgets it', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember('t1', { sub: 'a', exp: now / 1000 + 60 });
    expect(tokens.get('t1')?.sub).toBe('a');
    expect(tokens.get('t2')).toBeUndefined();
    now += 59_999;
    expect(tokens.get('t1')?.sub).toBe('a');
    now += 1;
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('keeps no token without a finite exp', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember('t1', { sub: 'a', exp: Number.POSITIVE_INFINITY });
    tokens.remember('t2', { sub: 'b', exp: Number.NaN });
    expect(tokens.size).toBe(0);
  });

  it('drops the oldest entry when full', () => {
    const tokens = new VerifiedTokens(2, clock);
    const exp = now / 1000 + 3600;
    tokens.remember('t1', { sub: 'a', exp });
    tokens.remember('t2', { sub: 'b', exp });
    tokens.remember('t3', { sub: 'c', exp });
    expect(tokens.size).toBe(2);
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.get('t2')?.sub).toBe('b');
    expect(tokens.get('t3')?.sub).toBe('c');
  });
});
