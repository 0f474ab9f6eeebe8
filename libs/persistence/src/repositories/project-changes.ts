import type { Client } from 'pg';
import { ListenConnectionOptions, openListenConnection } from './listen-connection';

/** The channel the `projects_changed` trigger notifies with a project's id when a step commits. */
export const PROJECT_CHANGED_CHANNEL = 'dueflow_project_changed';

/**
 * How a wait ended: the project `changed` (or a change may have been missed: read again), the
 * `timeout` passed, or the wait was `closed` (the listener shut down, or the caller gave up).
 */
export type ChangeOutcome = 'changed' | 'timeout' | 'closed';

/** One request's interest in one project, from before its read until it answers. */
export interface ProjectWatch {
  /**
   * Resolves once the project changed since the watch began or last resolved, after `timeoutMs`,
   * or as `closed` when `signal` aborts. Re-opens the listening connection if it was lost (and then
   * answers `changed`: notifications sent meanwhile were not heard).
   */
  next(timeoutMs: number, signal?: AbortSignal): Promise<ChangeOutcome>;
  /** Ends the watch; call it in a `finally`. */
  stop(): void;
}

interface Watcher {
  /** The connection the watcher is listening through (see `generation` below). */
  generation: number;
  /** A change arrived while nobody was waiting on `next`. */
  pending: ChangeOutcome | null;
  wake: ((outcome: ChangeOutcome) => void) | null;
}

export interface ProjectChangeListenerOptions extends ListenConnectionOptions {
  /** The listening connection failed (it is opened again by the next watch or wait). */
  onError?: (error: Error) => void;
}

/**
 * Lets requests wait for a project's next step instead of polling: one connection per process
 * LISTENs on the channel, opened by the first watch, and wakes the watchers of the project each
 * notification names. A watch is registered before the caller reads the project, so a step that
 * commits between that read and the wait still wakes it.
 *
 * Every connection that gets as far as LISTEN is a new generation. When it drops, every watcher is
 * woken as changed, and a watcher still on an older generation when it next waits (it registered
 * while the connection was dropping, say) is answered `changed` once more after reconnecting: what
 * was notified while nobody listened is never relied on.
 */
export class ProjectChangeListener {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private listening: Promise<Client> | null = null;
  private generation = 0;
  private closed = false;

  constructor(private readonly options: ProjectChangeListenerOptions) {}

  /** Starts watching a project; resolves once notifications for it are sure to arrive. */
  async watch(projectId: string): Promise<ProjectWatch> {
    if (!this.closed) await this.listen();
    if (this.closed) return { next: () => Promise.resolve('closed'), stop: () => undefined };
    const watcher: Watcher = { generation: this.generation, pending: null, wake: null };
    let set = this.watchers.get(projectId);
    if (!set) this.watchers.set(projectId, (set = new Set()));
    set.add(watcher);
    const stop = () => {
      set.delete(watcher);
      if (set.size === 0 && this.watchers.get(projectId) === set) this.watchers.delete(projectId);
    };
    return { next: (timeoutMs, signal) => this.next(watcher, timeoutMs, signal), stop };
  }

  /** Wakes every waiting request as `closed` and closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll('closed');
    const listening = this.listening;
    this.listening = null;
    const client = await listening?.catch(() => null);
    await client?.end().catch(() => undefined);
  }

  /** How many requests are watching now (for tests and metrics). */
  get watching(): number {
    let n = 0;
    for (const set of this.watchers.values()) n += set.size;
    return n;
  }

  private async next(watcher: Watcher, timeoutMs: number, signal?: AbortSignal): Promise<ChangeOutcome> {
    if (this.closed || signal?.aborted) return 'closed';
    if (watcher.pending) {
      const outcome = watcher.pending;
      watcher.pending = null;
      return outcome;
    }
    await this.listen();
    if (this.closed || signal?.aborted) return 'closed';
    if (watcher.generation !== this.generation) {
      watcher.generation = this.generation;
      return 'changed';
    }
    return new Promise((resolve) => {
      const finish = (outcome: ChangeOutcome) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        watcher.wake = null;
        resolve(outcome);
      };
      const onAbort = () => finish('closed');
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      watcher.wake = finish;
    });
  }

  private notify(watcher: Watcher, outcome: ChangeOutcome): void {
    if (watcher.wake) watcher.wake(outcome);
    else if (watcher.pending !== 'closed') watcher.pending = outcome;
  }

  private wakeAll(outcome: ChangeOutcome): void {
    for (const set of this.watchers.values()) for (const watcher of set) this.notify(watcher, outcome);
  }

  private listen(): Promise<Client> {
    if (this.listening) return this.listening;
    const lost = (error?: Error) => {
      if (this.listening !== attempt) return;
      this.listening = null;
      if (error) this.options.onError?.(error);
      client.end().catch(() => undefined);
      this.wakeAll('changed');
    };
    // Keep-alive (in openListenConnection): a half-open connection would otherwise go unnoticed, and every wait would run to its timeout.
    const { client, ready } = openListenConnection(
      this.options,
      PROJECT_CHANGED_CHANNEL,
      (projectId) => {
        for (const watcher of this.watchers.get(projectId) ?? []) this.notify(watcher, 'changed');
      },
      lost,
    );
    const attempt: Promise<Client> = ready
      .then(() => {
        this.generation += 1;
        return client;
      })
      .catch((error: unknown) => {
        if (this.listening === attempt) this.listening = null;
        client.end().catch(() => undefined);
        throw error;
      });
    this.listening = attempt;
    return attempt;
  }
}
