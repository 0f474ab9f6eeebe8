import type { Client } from 'pg';
import { ListenConnectionOptions, openListenConnection } from './listen-connection';

/** The channel the `users_changed` and `reviewer_profiles_changed` triggers notify with a user's id. */
export const USER_CHANGED_CHANNEL = 'dueflow_user_changed';

/** A user changed (`userId`), or notifications may have been missed (`userId` null: forget everyone). */
export type UserChangeHandler = (userId: string | null) => void;

export interface UserChangeListenerOptions extends ListenConnectionOptions {
  /** The listening connection failed (it is opened again by the next `listen`). */
  onError?: (error: Error) => void;
}

/**
 * One LISTEN connection per process on the user-changed channel, so a cache of users can trust an
 * entry exactly as long as this connection has been listening since the entry was read. `live`
 * says whether it is listening now. When the connection drops, `live` turns false and handlers hear
 * `null` (forget everyone); `listen` opens it again, and handlers hear `null` once more as it does.
 */
export class UserChangeListener {
  private readonly handlers = new Set<UserChangeHandler>();
  private listening: Promise<void> | null = null;
  private client: Client | null = null;
  private closed = false;
  private connected = false;

  constructor(private readonly options: UserChangeListenerOptions) {}

  /** True while notifications are sure to arrive. */
  get live(): boolean {
    return this.connected && !this.closed;
  }

  /**
   * Resolves true once a change of `userId` is heard, false if none is within `timeoutMs` (or the
   * connection drops). Start it before writing: a notification that arrived first is not replayed.
   */
  nextChangeOf(userId: string, timeoutMs: number): { heard: Promise<boolean>; cancel(): void } {
    let finish: (heard: boolean) => void = () => undefined;
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const unsubscribe = this.onChange((changed) => {
        if (changed === null) done(false);
        else if (changed === userId) done(true);
      });
      const done = (value: boolean) => {
        clearTimeout(timer);
        unsubscribe();
        resolve(value);
      };
      finish = done;
    });
    return { heard, cancel: () => finish(false) };
  }

  onChange(handler: UserChangeHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Opens the listening connection unless it is open or opening; resolves once it listens. */
  listen(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.listening) return this.listening;
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = null;
      this.connected = false;
      if (error) this.options.onError?.(error);
      client.end().catch(() => undefined);
      this.emit(null);
    };
    // Keep-alive (in openListenConnection): a half-open connection would otherwise go unnoticed while the cache kept trusting it.
    const { client, ready } = openListenConnection(this.options, USER_CHANGED_CHANNEL, (userId) => this.emit(userId), lost);
    this.client = client;
    const attempt = ready
      .then(() => {
        if (this.client !== client) throw new Error('the user-change connection was lost while opening');
        // Anything read before now may have changed unheard.
        this.emit(null);
        this.connected = true;
      })
      .catch((error: unknown) => {
        if (this.client === client) {
          this.client = null;
          this.listening = null;
        }
        client.end().catch(() => undefined);
        throw error;
      });
    this.listening = attempt;
    return attempt;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.connected = false;
    const client = this.client;
    this.client = null;
    this.listening = null;
    this.emit(null);
    await client?.end().catch(() => undefined);
  }

  private emit(userId: string | null): void {
    for (const handler of this.handlers) handler(userId);
  }
}
