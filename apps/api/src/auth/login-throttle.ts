import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@dueflow/domain';
import { LoginAttemptStore, LoginLimits } from '@dueflow/persistence';

/**
 * The sign-in limits: 5 failures per account (email) and 50 per client address within 15 minutes.
 * The account limit stops guessing one password from many addresses; the address limit stops one
 * address trying a few passwords on many accounts. Both are counted in PostgreSQL, so every API
 * instance sees the same failures, and a success clears the account's failures (not the
 * address's). A refused attempt is not counted, so waiting `Retry-After` seconds always works.
 * An attempt counts as a failure from its start until it succeeds, so a burst of concurrent guesses
 * gets no further than sequential ones; a sixth concurrent sign-in to one account is refused with
 * `Retry-After: 1` (the others may yet succeed and clear the count).
 */
export const LOGIN_LIMITS: LoginLimits = { windowSeconds: 15 * 60, perAccount: 5, perAddress: 50 };

/** Old attempts are deleted by whichever instance next signs someone in, at most this often. */
const PRUNE_EVERY_MS = 60_000;

/** A refused sign-in: 429, with how long to wait (sent as `Retry-After`). */
export class LoginRateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number, exceeded: Array<'account' | 'address'>) {
    super(
      'RATE_LIMITED',
      `too many failed sign-ins; try again in ${retryAfterSeconds} s`,
      exceeded.map((what) =>
        what === 'account'
          ? { field: 'email', problem: `locked for ${retryAfterSeconds} s after ${LOGIN_LIMITS.perAccount} failed sign-ins to this account` }
          : { field: 'address', problem: `locked for ${retryAfterSeconds} s after ${LOGIN_LIMITS.perAddress} failed sign-ins from this address` },
      ),
    );
  }
}

/** One attempt under the limits: end it with `succeeded()` or `failed()` (left unended, it is a failure). */
export interface LoginAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

/** The account an email names, however it was typed. */
export const accountKey = (email: string) => email.trim().toLowerCase();

@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('LoginThrottle');
  private lastPrune = 0;

  constructor(
    private readonly store: LoginAttemptStore,
    private readonly limits: LoginLimits = LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt for `email` from `address`, or refuses it (LoginRateLimited) when either is locked. */
  async begin(email: string, address: string): Promise<LoginAttempt> {
    const key = accountKey(email);
    this.pruneNowAndThen();
    const verdict = await this.store.begin(key, address, this.limits);
    if (!verdict.allowed) throw new LoginRateLimited(verdict.retryAfterSeconds, verdict.exceeded);
    return { succeeded: () => this.store.succeeded(verdict.attemptId, key), failed: () => this.store.failed(verdict.attemptId) };
  }

  private pruneNowAndThen(): void {
    const now = this.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    this.store.prune(this.limits.windowSeconds).catch((error: unknown) => this.logger.warn(`pruning old sign-in attempts failed: ${String(error)}`));
  }
}
