import { CancellationScope, condition, isCancellation, sleep } from '@temporalio/workflow';

/**
 * One durable timer shared by every waiter of a workflow, instead of one per waiter.
 *
 * A project's review tasks are assigned in one step with one due date, and each task's watcher used
 * to wait for its reminder with its own timer: four timers started, and four cancelled as the reviews
 * came in, for every project. Timers are history events and server-side tasks, the largest part of
 * what a project cost the Temporal server beyond the calls it has to make. Here the waiters register
 * the time they wake at; the clock keeps a single timer running for the earliest of them, starts the
 * next one when it fires, and cancels it once nobody waits any more.
 *
 * Everything is derived from workflow state, so it replays deterministically.
 */
export class AlarmClock {
  /** Wake-up times still awaited, each with its number of waiters. */
  private readonly waiting = new Map<number, number>();
  /** Every time up to this one has been reached (a timer fired at or after it). */
  private reachedUpTo = Number.NEGATIVE_INFINITY;
  private armed: { at: number; scope: CancellationScope } | undefined;

  /**
   * Waits until `done()` holds or the time `at` (epoch ms, workflow time) is reached. True when
   * `done()` holds, as `condition(done, timeout)` answers.
   */
  async wait(at: number, done: () => boolean): Promise<boolean> {
    if (done()) return true;
    if (at <= Date.now() || at <= this.reachedUpTo) return false;
    this.waiting.set(at, (this.waiting.get(at) ?? 0) + 1);
    this.arm();
    try {
      await condition(() => done() || this.reachedUpTo >= at);
      return done();
    } finally {
      const left = (this.waiting.get(at) ?? 1) - 1;
      if (left > 0) this.waiting.set(at, left);
      else this.waiting.delete(at);
      if (this.earliest() === undefined) this.disarm();
    }
  }

  private earliest(): number | undefined {
    let earliest: number | undefined;
    for (const at of this.waiting.keys()) if (at > this.reachedUpTo && (earliest === undefined || at < earliest)) earliest = at;
    return earliest;
  }

  /** Makes sure a timer runs for the earliest waiter; one already due sooner is left to fire first. */
  private arm(): void {
    const next = this.earliest();
    if (next === undefined) return this.disarm();
    if (this.armed && this.armed.at <= next) return;
    this.disarm();
    const scope = new CancellationScope({ cancellable: true });
    const armed = { at: next, scope };
    this.armed = armed;
    scope.run(() => sleep(Math.max(1, next - Date.now()))).then(
      () => {
        if (this.armed === armed) this.armed = undefined;
        this.reachedUpTo = Math.max(this.reachedUpTo, Date.now(), next);
        this.arm();
      },
      (error: unknown) => {
        if (!isCancellation(error)) throw error;
      },
    );
  }

  private disarm(): void {
    if (!this.armed) return;
    this.armed.scope.cancel();
    this.armed = undefined;
  }
}
