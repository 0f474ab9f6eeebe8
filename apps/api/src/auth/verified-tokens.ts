import type { AuthUser } from './auth-user';

/**
 * Tokens this API instance has already verified, with the user they carry, until they expire.
 * A client sends the same token with every request for its lifetime (an hour), and checking its
 * HMAC and claims again each time was, after the key fix, still the API's largest cost of
 * authentication per request. A token string is immutable and signed: if it verified once it
 * verifies again until its `exp`, which is checked on every hit. Bounded: past `capacity` the
 * oldest entry is dropped (a Map iterates in insertion order).
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { user: AuthUser; expiresAtMs: number }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): AuthUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.user;
  }

  /** `expSeconds` is the token's `exp` claim; a token without one is not kept. */
  remember(token: string, user: AuthUser, expSeconds: unknown): void {
    if (typeof expSeconds !== 'number' || !Number.isFinite(expSeconds)) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { user, expiresAtMs: expSeconds * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }
}
