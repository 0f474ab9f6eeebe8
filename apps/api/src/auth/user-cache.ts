import type { UserIdentity } from '@dueflow/persistence';

/** The listening side the cache relies on (UserChangeListener). */
export interface ChangeFeed {
  readonly live: boolean;
  listen(): Promise<void>;
  onChange(handler: (userId: string | null) => void): () => void;
  nextChangeOf(userId: string, timeoutMs: number): { heard: Promise<boolean>; cancel(): void };
}

/** How long a write waits for its own change to come back through PostgreSQL (then it answers anyway). */
const PROPAGATION_TIMEOUT_MS = 2_000;

export interface UserCacheOptions {
  capacity?: number;
  /** A backstop only: changes evict entries when they are notified. */
  maxAgeMs?: number;
  /** Least time between two attempts to re-open a lost feed. */
  reconnectEveryMs?: number;
  now?: () => number;
  onReconnectError?: (error: Error) => void;
}

/**
 * Who each token's subject is now, so a deactivation or role change acts on the very next request
 * on every API instance. An entry is served only while the change feed (one LISTEN connection per
 * process) is live, and is dropped when its user's change is notified; losing the feed drops every
 * entry, and until it is back every request reads the database. A read that overlapped any
 * eviction is answered but not kept: it may predate the change that caused it.
 */
export class UserCache {
  private readonly entries = new Map<string, { identity: UserIdentity; at: number }>();
  /** Moves on every eviction: a read started before it is not stored. */
  private epoch = 0;
  private lastReconnect = Number.NEGATIVE_INFINITY;
  private readonly capacity: number;
  private readonly maxAgeMs: number;
  private readonly reconnectEveryMs: number;
  private readonly now: () => number;

  constructor(
    private readonly load: (id: string) => Promise<UserIdentity | null>,
    private readonly feed: ChangeFeed,
    private readonly options: UserCacheOptions = {},
  ) {
    this.capacity = options.capacity ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.reconnectEveryMs = options.reconnectEveryMs ?? 1_000;
    this.now = options.now ?? Date.now;
    feed.onChange((userId) => (userId === null ? this.clear() : this.evict(userId)));
  }

  async get(id: string): Promise<UserIdentity | null> {
    if (!this.feed.live) {
      this.reconnect();
      return this.load(id);
    }
    const hit = this.entries.get(id);
    if (hit && this.now() - hit.at < this.maxAgeMs) return hit.identity;
    const epoch = this.epoch;
    const identity = await this.load(id);
    if (identity && epoch === this.epoch && this.feed.live) this.store(identity);
    return identity;
  }

  /**
   * Runs a write that changes user `id`, forgets the user here, and, when `changed` says the write
   * changed anything, waits until PostgreSQL's notification of it has come back to this process.
   * Every API instance listens on the same channel and is told at the same moment, so once the
   * caller has its answer, the other instances have dropped the user too (rather than a few
   * milliseconds later: a request sent to another instance right after would still see the old
   * roles).
   */
  async propagate<T>(id: string, write: () => Promise<T>, changed: (result: T) => boolean = () => true): Promise<T> {
    const echo = this.feed.live ? this.feed.nextChangeOf(id, PROPAGATION_TIMEOUT_MS) : null;
    try {
      const result = await write();
      this.evict(id);
      if (echo && changed(result)) await echo.heard;
      return result;
    } finally {
      echo?.cancel();
    }
  }

  /** Forgets one user (their change was notified, or made by this process). */
  evict(id: string): void {
    this.epoch += 1;
    this.entries.delete(id);
  }

  clear(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private store(identity: UserIdentity): void {
    this.entries.delete(identity.id);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(identity.id, { identity: Object.freeze({ ...identity, roles: Object.freeze([...identity.roles]) as UserIdentity['roles'] }), at: this.now() });
  }

  /** Re-opens a lost feed in the background, at most once a `reconnectEveryMs`. */
  private reconnect(): void {
    const now = this.now();
    if (now - this.lastReconnect < this.reconnectEveryMs) return;
    this.lastReconnect = now;
    this.feed.listen().catch((error: unknown) => this.options.onReconnectError?.(error instanceof Error ? error : new Error(String(error))));
  }
}
