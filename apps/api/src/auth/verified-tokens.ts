/** What a verified token says that is still trusted: whose it is and until when. Roles are not. */
export interface TokenSubject {
  sub: string;
  exp: number;
}

/**
 * Tokens this API instance has already verified, until they expire. A client sends the same token
 * with every request for its lifetime (an hour), and checking its HMAC and claims again each time
 * was, after the key fix, still the API's largest cost of authentication per request. A token
 * string is immutable and signed: if it verified once it verifies again until its `exp`, which is
 * checked on every hit. Only the subject is kept: who that user is now (roles, active) is looked up
 * on every request (user-cache.ts). Bounded: past `capacity` the oldest entry is dropped (a Map
 * iterates in insertion order).
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, TokenSubject>();

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): TokenSubject | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.exp * 1000 <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  remember(token: string, subject: TokenSubject): void {
    if (!Number.isFinite(subject.exp)) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, Object.freeze({ sub: subject.sub, exp: subject.exp }));
  }

  get size(): number {
    return this.entries.size;
  }
}
