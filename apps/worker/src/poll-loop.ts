/**
 * A background job run again and again, one run at a time: each run resolves to the delay before
 * the next (a run must not reject; it logs its own failures). `stop()` cancels the next run and
 * waits for the one in flight. The outbox dispatcher and the start reconciler both run on one.
 */
export class PollLoop {
  private running = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly run: () => Promise<number>) {}

  /** True once `stop()` was called: a run in flight may use it to end early. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Starts the loop with its first run after `firstDelayMs`; a no-op when already running. */
  start(firstDelayMs: number): void {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    this.schedule(firstDelayMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.run().then((nextDelayMs) => {
        if (this.running) this.schedule(nextDelayMs);
      });
    }, delayMs);
  }
}
