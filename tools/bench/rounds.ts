/** Timed rounds of one side of a comparison, pooled: latencies together, time and CPU summed. */
import { BenchContext, cpuNow } from './context';
import { cpuDelta } from './cpu';
import { runConcurrently } from './stats';

export class PooledRounds {
  readonly latenciesMs: number[] = [];
  elapsedMs = 0;
  private readonly cpuSeconds: Record<string, number> = {};

  constructor(readonly concurrency: number) {}

  /** Runs `task(0..count-1)` at the side's concurrency, CPU-profiling the services when asked. */
  async round(ctx: BenchContext, count: number, task: (index: number) => Promise<void>, profile = false): Promise<void> {
    const cpuBefore = cpuNow(ctx);
    const timed = () => runConcurrently(count, this.concurrency, task);
    const run = await (profile ? ctx.stack.profiled(timed) : timed());
    for (const [name, seconds] of Object.entries(cpuDelta(cpuBefore, cpuNow(ctx)))) this.cpuSeconds[name] = (this.cpuSeconds[name] ?? 0) + seconds;
    this.latenciesMs.push(...run.latenciesMs);
    this.elapsedMs += run.elapsedMs;
  }

  get count(): number {
    return this.latenciesMs.length;
  }

  /** Operations per second over the rounds' time. */
  perSecond(): number {
    return Math.round((this.count / (this.elapsedMs / 1000)) * 100) / 100;
  }

  /** CPU seconds each process spent per operation. */
  cpuSecondsPerOperation(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.cpuSeconds).map(([name, seconds]) => [name, Math.round((seconds / this.count) * 1e5) / 1e5]));
  }
}
