import { DomainError } from '@dueflow/domain';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 1_000_000;
  const throttle = () => new LoginThrottle(() => now);

  it('allows five failures, refuses the sixth attempt, and forgets them after 15 minutes', () => {
    const t = throttle();
    for (let i = 0; i < 5; i += 1) {
      expect(() => t.check('1.2.3.4', 'a@x.io')).not.toThrow();
      t.recordFailure('1.2.3.4', 'a@x.io');
    }
    expect(() => t.check('1.2.3.4', 'A@X.io ')).toThrow(DomainError);
    try {
      t.check('1.2.3.4', 'a@x.io');
    } catch (error) {
      expect((error as DomainError).code).toBe('RATE_LIMITED');
    }
    expect(() => t.check('5.6.7.8', 'a@x.io')).not.toThrow();
    expect(() => t.check('1.2.3.4', 'b@x.io')).not.toThrow();
    now += 15 * 60 * 1000 + 1;
    expect(() => t.check('1.2.3.4', 'a@x.io')).not.toThrow();
  });

  it('clears the count on a successful login', () => {
    const t = throttle();
    for (let i = 0; i < 4; i += 1) t.recordFailure('1.2.3.4', 'a@x.io');
    t.recordSuccess('1.2.3.4', 'a@x.io');
    for (let i = 0; i < 4; i += 1) t.recordFailure('1.2.3.4', 'a@x.io');
    expect(() => t.check('1.2.3.4', 'a@x.io')).not.toThrow();
  });
});
