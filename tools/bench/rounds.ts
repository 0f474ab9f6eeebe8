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

/** Timed rounds per side in P1 and P3. */
export const ROUNDS_PER_SIDE = 2;

/**
 * Runs `total` operations a side in ROUNDS_PER_SIDE rounds each, in the order a b b a: a drift in
 * the machine's speed over the run (other load, a server's growing in-memory state) then weighs on
 * both sides alike, where "all of a, then all of b" would hand all of it to the side measured second.
 * `a(n)` and `b(n)` each run one round of `n` operations.
 */
export async function alternateRounds(total: number, a: (count: number) => Promise<void>, b: (count: number) => Promise<void>): Promise<void> {
  const sizes = Array.from({ length: ROUNDS_PER_SIDE }, (_, i) => Math.floor(((i + 1) * total) / ROUNDS_PER_SIDE) - Math.floor((i * total) / ROUNDS_PER_SIDE));
  let roundA = 0;
  let roundB = 0;
  for (let turn = 0; turn < 2 * ROUNDS_PER_SIDE; turn++) {
    if (turn % 4 === 0 || turn % 4 === 3) await a(sizes[roundA++]!);
    else await b(sizes[roundB++]!);
  }
}
