/**
 * Memory: the worker's resident set with N projects open and waiting on their reviews, from a fresh
 * worker; beside it the baseline worker with N bare workflows waiting on their Updates.
 */
import { getHeapStatistics } from 'node:v8';
import { projectBody } from './api-client';
import { BenchContext, bareActivityCalls, openTasks, sampleRss, settleBare, settleDueflow } from './context';
import { runConcurrently, sleep } from './stats';
import { startBare, totalActivities } from './workload';

export interface MemorySide {
  /** Open workflows → worker RSS in bytes (0 = just started, settled). */
  rssBytes: Record<string, number>;
  /** (RSS at the largest N − RSS at the smallest N) ÷ the difference in N. */
  bytesPerOpen: number;
  /** Seconds to submit and settle each step. */
  secondsPerStep: Record<string, number>;
}

export interface MemoryResult {
  openProjects: number[];
  dueflow: MemorySide;
  bare: MemorySide;
  ratio: number;
  /** The SDK default the workers run with (both): workflows beyond it are evicted from the cache. */
  maxCachedWorkflowsDefault: number;
}

const SETTLE_MS = 3_000;
const SUBMIT_CONCURRENCY = 16;

function bytesPerOpen(steps: number[], rss: Record<string, number>): number {
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  return Math.round((rss[String(last)]! - rss[String(first)]!) / (last - first));
}

/** Mirrors @temporalio/worker's default: 600 workflows per GiB of heap limit above 200 MiB. */
function defaultMaxCachedWorkflows(): number {
  const heapMiB = getHeapStatistics().heap_size_limit / 1024 / 1024;
  return Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
}

export async function measureMemory(ctx: BenchContext): Promise<MemoryResult> {
  const steps = ctx.sizes.memory.openProjects;
  ctx.log(`memory: worker RSS at 0, ${steps.join(', ')} open projects, each way (fresh workers)`);

  const dueflow: MemorySide = { rssBytes: {}, bytesPerOpen: 0, secondsPerStep: {} };
  const worker = await ctx.stack.restartWorker();
  await settleDueflow(ctx);
  await sleep(SETTLE_MS);
  dueflow.rssBytes['0'] = await sampleRss(() => worker.rssBytes());
  let open = 0;
  const tasksBefore = await openTasks(ctx);
  for (const target of steps) {
    const started = performance.now();
    const from = open;
    await runConcurrently(target - from, SUBMIT_CONCURRENCY, (i) =>
      ctx.api.call('POST', '/projects', ctx.accounts.officer.token, projectBody(`mem-${ctx.runId}-${from + i}`)).then(() => undefined),
    );
    open = target;
    // Assignments are serialised (one advisory lock): allow about a second per project on a busy machine.
    await settleDueflow(ctx, tasksBefore + open * ctx.seats, 120_000 + 1_000 * (target - from));
    dueflow.secondsPerStep[String(target)] = Math.round((performance.now() - started) / 100) / 10;
    await sleep(SETTLE_MS);
    dueflow.rssBytes[String(target)] = await sampleRss(() => worker.rssBytes());
    ctx.log(`memory dueflow: ${target} open → ${(dueflow.rssBytes[String(target)]! / 2 ** 20).toFixed(1)} MiB (${dueflow.secondsPerStep[String(target)]} s)`);
  }
  dueflow.bytesPerOpen = bytesPerOpen(steps, dueflow.rssBytes);

  const bare: MemorySide = { rssBytes: {}, bytesPerOpen: 0, secondsPerStep: {} };
  const bareWorker = await ctx.stack.restartBareWorker();
  await sleep(SETTLE_MS);
  bare.rssBytes['0'] = await sampleRss(() => bareWorker.rssBytes());
  const initialCalls = totalActivities(ctx.shape.plan.segments[0] ?? []);
  const callsBefore = bareActivityCalls(ctx);
  open = 0;
  for (const target of steps) {
    const started = performance.now();
    const from = open;
    await runConcurrently(target - from, 50, (i) => startBare(ctx.temporal, ctx.shape.plan, `bare-mem-${ctx.runId}-${from + i}`));
    open = target;
    await settleBare(ctx, callsBefore + open * initialCalls, 120_000 + 200 * (target - from));
    bare.secondsPerStep[String(target)] = Math.round((performance.now() - started) / 100) / 10;
    await sleep(SETTLE_MS);
    bare.rssBytes[String(target)] = await sampleRss(() => bareWorker.rssBytes());
    ctx.log(`memory bare: ${target} open → ${(bare.rssBytes[String(target)]! / 2 ** 20).toFixed(1)} MiB (${bare.secondsPerStep[String(target)]} s)`);
  }
  bare.bytesPerOpen = bytesPerOpen(steps, bare.rssBytes);

  const ratio = bare.bytesPerOpen > 0 ? Math.round((dueflow.bytesPerOpen / bare.bytesPerOpen) * 100) / 100 : Number.NaN;
  return { openProjects: steps, dueflow, bare, ratio, maxCachedWorkflowsDefault: defaultMaxCachedWorkflows() };
}
