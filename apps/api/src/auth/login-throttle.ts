import { Injectable } from '@nestjs/common';
import { DomainError } from '@dueflow/domain';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 5;
const MAX_TRACKED = 10_000;

/**
 * Failed logins per (client address, email): the sixth failure within 15 minutes, and every try
 * after it until the window passes, is answered 429. Kept in memory per API instance, which bounds
 * guessing to 5 × instances per window; a success clears the count.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Refuses the attempt when the caller has used up its failures. */
  check(ip: string, email: string): void {
    const recent = this.recent(this.key(ip, email));
    if (recent.length >= MAX_FAILURES) {
      const retryAfterSeconds = Math.ceil((recent[0]! + WINDOW_MS - this.now()) / 1000);
      throw new DomainError('RATE_LIMITED', `too many failed logins; try again in ${retryAfterSeconds} s`, [
        { field: 'email', problem: `locked for ${retryAfterSeconds} s after ${MAX_FAILURES} failed logins` },
      ]);
    }
  }

  recordFailure(ip: string, email: string): void {
    const key = this.key(ip, email);
    if (!this.failures.has(key) && this.failures.size >= MAX_TRACKED) this.prune();
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(ip: string, email: string): void {
    this.failures.delete(this.key(ip, email));
  }

  private key(ip: string, email: string): string {
    return `${ip}|${email.trim().toLowerCase()}`;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
    // Still full of live entries: drop the oldest keys rather than grow without bound.
    for (const key of [...this.failures.keys()].slice(0, Math.max(0, this.failures.size - MAX_TRACKED + 1))) this.failures.delete(key);
  }
}
