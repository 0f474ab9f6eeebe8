/** P3: POST /projects latency at 50 concurrent clients against a bare workflow start at 50 concurrent. */
import { projectBody } from './api-client';
import { workflowIdFor } from '@dueflow/contract';
import { BenchContext, bareActivityCalls, cpuNow, openTasks, settleBare, settleDueflow, terminate } from './context';
import { cpuDelta } from './cpu';
import { LatencySummary, ratio, runConcurrently, summarize } from './stats';
import { startBare, totalActivities } from './workload';

export interface SubmissionSide {
  requests: number;
  concurrency: number;
  perSecond: number;
  latency: LatencySummary;
  /** CPU seconds per submission, per process, during the timed run (background work included). */
  cpuSecondsPerRequest: Record<string, number>;
}

export interface P3Result {
  dueflow: SubmissionSide;
  bare: SubmissionSide;
  /** dueflow p99 ÷ bare p99; target ≤ 1.5. */
  ratio: number;
}

async function measure(ctx: BenchContext, requests: number, concurrency: number, submit: (i: number) => Promise<void>, profile = false): Promise<SubmissionSide> {
  const cpuBefore = cpuNow(ctx);
  const timed = () => runConcurrently(requests, concurrency, submit);
  const run = await (profile ? ctx.stack.profiled(timed) : timed());
  return {
    requests,
    concurrency,
    perSecond: Math.round((requests / (run.elapsedMs / 1000)) * 100) / 100,
    latency: summarize(run.latenciesMs),
    cpuSecondsPerRequest: cpuDelta(cpuBefore, cpuNow(ctx), requests),
  };
}

export async function measureP3(ctx: BenchContext): Promise<P3Result> {
  const { requests, concurrency, warmup } = ctx.sizes.p3;
  ctx.log(`P3: ${requests} submissions at ${concurrency} concurrent each way (after ${warmup} warm-up)`);
  // Each started workflow then runs its first steps on its worker. Neither side may pay for the
  // other's: the warm-up's steps finish before the timed run, and what the timed run started is
  // terminated afterwards (its leftover steps would only slow the next measurement).
  const initialCalls = totalActivities(ctx.shape.plan.segments[0] ?? []);

  const bareIds = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `bare-${prefix}-${ctx.runId}-${i}`);
  const bareWarm = bareIds('p3w', warmup);
  const bareTimed = bareIds('p3', requests);
  const bareBefore = bareActivityCalls(ctx);
  await runConcurrently(warmup, concurrency, (i) => startBare(ctx.temporal, ctx.shape.plan, bareWarm[i]!));
  await settleBare(ctx, bareBefore + warmup * initialCalls);
  const bare = await measure(ctx, requests, concurrency, (i) => startBare(ctx.temporal, ctx.shape.plan, bareTimed[i]!));
  ctx.log(`P3 bare: p50 ${bare.latency.p50Ms} ms, p99 ${bare.latency.p99Ms} ms; CPU s per start ${JSON.stringify(bare.cpuSecondsPerRequest)}`);
  await terminate(ctx, [...bareWarm, ...bareTimed]);

  const started: string[] = [];
  const submit = async (tag: string) => {
    const project = await ctx.api.call<{ id: string }>('POST', '/projects', ctx.accounts.officer.token, projectBody(tag));
    started.push(workflowIdFor(project.id));
  };
  const tasksBefore = await openTasks(ctx);
  await runConcurrently(warmup, concurrency, (i) => submit(`p3w-${ctx.runId}-${i}`));
  await settleDueflow(ctx, tasksBefore + warmup * ctx.seats);
  const dueflow = await measure(ctx, requests, concurrency, (i) => submit(`p3-${ctx.runId}-${i}`), true);
  ctx.log(`P3 dueflow: p50 ${dueflow.latency.p50Ms} ms, p99 ${dueflow.latency.p99Ms} ms; CPU s per submission ${JSON.stringify(dueflow.cpuSecondsPerRequest)}`);
  await terminate(ctx, started);
  await settleDueflow(ctx);
  return { dueflow, bare, ratio: ratio(dueflow.latency.p99Ms, bare.latency.p99Ms) };
}
