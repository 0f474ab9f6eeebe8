import type { StackLog } from './log';
import type { Exit, NodeService } from './node-service';

/** When a crashed service is started again, and when to stop trying. */
export interface RestartPolicy {
  /** Delay before the first restart; each consecutive crash doubles it. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A run at least this long counts as healthy: its crash starts the backoff over at the first delay. */
  healthyAfterMs: number;
  /** This many crashes within `crashWindowMs` and the service is not started again. */
  maxCrashes: number;
  crashWindowMs: number;
}

/** 1 s, 2 s, 4 s … 30 s; a minute up resets that; five crashes within two minutes give up. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  maxCrashes: 5,
  crashWindowMs: 120_000,
};

export type RestartDecision = { restart: true; attempt: number; delayMs: number } | { restart: false; crashes: number };

/** The restart policy of one service, as pure state: fed each crash, it says what to do next. */
export class RestartBackoff {
  private consecutive = 0;
  private crashes: number[] = [];

  constructor(private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY) {}

  /** A crash at `at` (ms) of a run that had lasted `ranForMs`. */
  crashed(at: number, ranForMs: number): RestartDecision {
    this.crashes = [...this.crashes.filter((t) => at - t < this.policy.crashWindowMs), at];
    if (this.crashes.length >= this.policy.maxCrashes) return { restart: false, crashes: this.crashes.length };
    this.consecutive = ranForMs >= this.policy.healthyAfterMs ? 1 : this.consecutive + 1;
    const delayMs = Math.min(this.policy.initialDelayMs * 2 ** (this.consecutive - 1), this.policy.maxDelayMs);
    return { restart: true, attempt: this.consecutive, delayMs };
  }
}

/** `2 s`, `500 ms`, `2 min`: how the log states a delay or window. */
export function humanDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${ms / 60_000} min`;
}

export interface ServiceSupervisorOptions {
  log: StackLog;
  policy?: Partial<RestartPolicy>;
  /** A service crashed too often: the caller stops everything (the supervisor has stopped restarting). */
  onGiveUp: (reason: string) => void;
  now?: () => number;
}

interface Managed {
  name: string;
  launch: () => Promise<NodeService>;
  backoff: RestartBackoff;
  current: NodeService | null;
  startedAt: number;
  restartTimer: NodeJS.Timeout | null;
  launching: Promise<void> | null;
}

/**
 * Keeps the dueflow processes of `npm start` (worker, API) running: one that exits on its own is
 * started again after a backoff, and the log says so; one that keeps crashing makes the supervisor
 * give up (`onGiveUp`), since a loop of restarts would hide a fault a person must fix. Only
 * `stopAll` (Ctrl-C, SIGTERM, giving up) ends a service for good.
 */
export class ServiceSupervisor {
  private readonly services: Managed[] = [];
  private readonly policy: RestartPolicy;
  private readonly now: () => number;
  private stopping = false;

  constructor(private readonly options: ServiceSupervisorOptions) {
    this.policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
    this.now = options.now ?? Date.now;
  }

  /** Starts a service and supervises it from then on. A first start that fails throws (nothing to restart yet). */
  async add(name: string, launch: () => Promise<NodeService>): Promise<NodeService> {
    // Started after stopAll, it would outlive the stack.
    if (this.stopping) throw new Error(`not starting ${name}: stopping`);
    const managed: Managed = { name, launch, backoff: new RestartBackoff(this.policy), current: null, startedAt: 0, restartTimer: null, launching: null };
    this.services.push(managed);
    await this.launch(managed);
    return managed.current!;
  }

  /** Stops every service, the last added first, each within `graceMs`; nothing restarts after this. */
  async stopAll(graceMs: number, onStopped: (name: string) => void = () => undefined): Promise<void> {
    this.stopping = true;
    for (const service of this.services) {
      if (service.restartTimer) clearTimeout(service.restartTimer);
      service.restartTimer = null;
    }
    for (const service of [...this.services].reverse()) {
      await service.launching?.catch(() => undefined);
      if (!service.current?.isRunning()) continue;
      await service.current.stop(graceMs);
      onStopped(service.name);
    }
  }

  private async launch(managed: Managed): Promise<void> {
    const launching = (async () => {
      const service = await managed.launch();
      managed.current = service;
      managed.startedAt = this.now();
      this.options.log(`${managed.name} running (pid ${service.pid})`);
      void service.exited.then((exit) => this.exited(managed, service, exit));
    })();
    // stopAll waits for a launch in flight, then stops what it started.
    managed.launching = launching;
    try {
      await launching;
    } finally {
      if (managed.launching === launching) managed.launching = null;
    }
  }

  private exited(managed: Managed, service: NodeService, exit: Exit): void {
    if (this.stopping || managed.current !== service) return;
    this.crashed(managed, `${managed.name} exited (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`})`);
  }

  private crashed(managed: Managed, what: string): void {
    const decision = managed.backoff.crashed(this.now(), this.now() - managed.startedAt);
    if (!decision.restart) {
      const reason = `${managed.name} crashed ${decision.crashes} times within ${humanDuration(this.policy.crashWindowMs)}; not restarting it again`;
      this.options.log(`${what}; ${reason}`);
      this.options.onGiveUp(reason);
      return;
    }
    this.options.log(`${what}; restarting in ${humanDuration(decision.delayMs)} (attempt ${decision.attempt})`);
    managed.restartTimer = setTimeout(() => {
      managed.restartTimer = null;
      if (this.stopping) return;
      // A restart that fails (the child dies before it is up) counts as another crash.
      managed.startedAt = this.now();
      this.launch(managed).catch((error: unknown) => {
        if (!this.stopping) this.crashed(managed, `${managed.name} failed to start (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      });
    }, decision.delayMs);
  }
}
