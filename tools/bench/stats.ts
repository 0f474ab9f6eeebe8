/** Latency and throughput arithmetic shared by every figure. */

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50Ms: round2(percentile(sorted, 50)),
    p90Ms: round2(percentile(sorted, 90)),
    p99Ms: round2(percentile(sorted, 99)),
    maxMs: round2(sorted[sorted.length - 1] ?? 0),
    meanMs: round2(sorted.length ? sum / sorted.length : 0),
  };
}

export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 1000 : Number.NaN;
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
  return performance.now() - start;
}

/**
 * Runs `task(0..count-1)` with at most `concurrency` in flight (each worker takes the next index),
 * timing every call. The first failure stops the run and is rethrown.
 */
export async function runConcurrently(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<{ latenciesMs: number[]; elapsedMs: number }> {
  const latenciesMs: number[] = new Array(count);
  let next = 0;
  let failed: unknown;
  const started = performance.now();
  const worker = async () => {
    while (failed === undefined) {
      const index = next++;
      if (index >= count) return;
      const t0 = performance.now();
      try {
        await task(index);
      } catch (error) {
        failed ??= error;
        return;
      }
      latenciesMs[index] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failed !== undefined) throw failed;
  return { latenciesMs, elapsedMs: performance.now() - started };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value (waiting `interval(attempt)` ms between tries), or throws after `timeoutMs`. */
export async function pollUntil<T>(what: string, probe: () => Promise<T | undefined>, interval: number | ((attempt: number) => number), timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(typeof interval === 'number' ? interval : interval(attempt));
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
