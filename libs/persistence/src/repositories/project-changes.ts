import { Client } from 'pg';

/** The channel the `projects_changed` trigger notifies with a project's id when a step commits. */
export const PROJECT_CHANGED_CHANNEL = 'dueflow_project_changed';

/**
 * How a wait ended: the project `changed` (or the listening connection was lost, so a change may
 * have been missed: read again), the `timeout` passed, or the listener `closed` (shutdown).
 */
export type ChangeOutcome = 'changed' | 'timeout' | 'closed';

/** One request's interest in one project, from before its read until it answers. */
export interface ProjectWatch {
  /** Resolves once the project changed since the watch began or last resolved, or after `timeoutMs`. */
  next(timeoutMs: number): Promise<ChangeOutcome>;
  /** Ends the watch; call it in a `finally`. */
  stop(): void;
}

interface Watcher {
  /** A change arrived while nobody was waiting on `next`. */
  pending: ChangeOutcome | null;
  wake: ((outcome: ChangeOutcome) => void) | null;
}

export interface ProjectChangeListenerOptions {
  connectionString: string;
  applicationName: string;
  /** The listening connection failed (it is opened again by the next watch). */
  onError?: (error: Error) => void;
}

/**
 * Lets requests wait for a project's next step instead of polling: one connection per process
 * LISTENs on the channel, opened by the first watch, and wakes the watchers of the project each
 * notification names. A watch is registered before the caller reads the project, so a step that
 * commits between that read and the wait still wakes it. If the connection drops, every watcher is
 * woken as changed (a notification may have been lost) and the next watch connects again.
 */
export class ProjectChangeListener {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private listening: Promise<Client> | null = null;
  private closed = false;

  constructor(private readonly options: ProjectChangeListenerOptions) {}

  /** Starts watching a project; resolves once notifications for it are sure to arrive. */
  async watch(projectId: string): Promise<ProjectWatch> {
    if (this.closed) return { next: () => Promise.resolve('closed'), stop: () => undefined };
    await this.listen();
    const watcher: Watcher = { pending: null, wake: null };
    let set = this.watchers.get(projectId);
    if (!set) this.watchers.set(projectId, (set = new Set()));
    set.add(watcher);
    const stop = () => {
      set.delete(watcher);
      if (set.size === 0 && this.watchers.get(projectId) === set) this.watchers.delete(projectId);
    };
    return { next: (timeoutMs) => this.next(watcher, timeoutMs), stop };
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

  private next(watcher: Watcher, timeoutMs: number): Promise<ChangeOutcome> {
    if (watcher.pending) {
      const outcome = watcher.pending;
      watcher.pending = null;
      return Promise.resolve(outcome);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      const finish = (outcome: ChangeOutcome) => {
        clearTimeout(timer);
        watcher.wake = null;
        resolve(outcome);
      };
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
    const client = new Client({ connectionString: this.options.connectionString, application_name: this.options.applicationName });
    const lost = (error?: Error) => {
      if (this.listening !== attempt) return;
      this.listening = null;
      if (error) this.options.onError?.(error);
      client.end().catch(() => undefined);
      this.wakeAll('changed');
    };
    client.on('notification', ({ channel, payload }) => {
      if (channel !== PROJECT_CHANGED_CHANNEL || !payload) return;
      for (const watcher of this.watchers.get(payload) ?? []) this.notify(watcher, 'changed');
    });
    client.on('error', (error) => lost(error));
    client.on('end', () => lost());
    const attempt: Promise<Client> = client
      .connect()
      .then(() => client.query(`LISTEN ${PROJECT_CHANGED_CHANNEL}`))
      .then(() => client)
      .catch((error: unknown) => {
        if (this.listening === attempt) this.listening = null;
        client.end().catch(() => undefined);
        throw error;
      });
    this.listening = attempt;
    return attempt;
  }
}
