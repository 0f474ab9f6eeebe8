/** P1: complete pipelines per second at concurrency C, dueflow over HTTP against the bare workflow. */
import { BenchContext, cpuNow, settleDueflow } from './context';
import { cpuDelta } from './cpu';
import { LatencySummary, ratio, runConcurrently, summarize } from './stats';
import { barePipeline, clientWaits, dueflowPipeline } from './workload';

export interface ThroughputSide {
  pipelines: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  /** One pipeline, start to signed. */
  latency: LatencySummary;
  /** CPU seconds each process spent per pipeline (bench = the load generator itself). */
  cpuSecondsPerPipeline: Record<string, number>;
}

export interface P1Result {
  dueflow: ThroughputSide;
  bare: ThroughputSide;
  /** dueflow ÷ bare throughput; target ≥ 0.8. */
  ratio: number;
  /** Per dueflow pipeline: GET polls for the tasks and the synthesis, reviews sent again (see workload.ts). */
  clientWaitsPerPipeline: { taskPolls: number; decisionPolls: number; reviewRetries: number };
}

/** Runs `pipelines` at `concurrency`, timing each and counting the CPU every process spends. */
async function measure(ctx: BenchContext, pipelines: number, concurrency: number, pipeline: (i: number) => Promise<void>, profile = false): Promise<ThroughputSide> {
  const cpuBefore = cpuNow(ctx);
  const timed = () => runConcurrently(pipelines, concurrency, pipeline);
  const run = await (profile ? ctx.stack.profiled(timed) : timed());
  const cpuSecondsPerPipeline = cpuDelta(cpuBefore, cpuNow(ctx), pipelines);
  const seconds = run.elapsedMs / 1000;
  return {
    pipelines,
    concurrency,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((pipelines / seconds) * 100) / 100,
    latency: summarize(run.latenciesMs),
    cpuSecondsPerPipeline,
  };
}

export async function measureP1(ctx: BenchContext): Promise<P1Result> {
  const { pipelines, concurrency } = ctx.sizes.p1;
  const warmup = Math.min(concurrency, pipelines);
  ctx.log(`P1: ${pipelines} pipelines at concurrency ${concurrency} each way (after ${warmup} warm-up pipelines)`);

  await runConcurrently(warmup, concurrency, (i) => barePipeline(ctx.temporal, ctx.shape.plan, `bare-p1w-${ctx.runId}-${i}`));
  const bare = await measure(ctx, pipelines, concurrency, (i) => barePipeline(ctx.temporal, ctx.shape.plan, `bare-p1-${ctx.runId}-${i}`));
  ctx.log(`P1 bare: ${bare.perSecond}/s (p50 ${bare.latency.p50Ms} ms per pipeline; CPU s per pipeline ${JSON.stringify(bare.cpuSecondsPerPipeline)})`);

  await runConcurrently(warmup, concurrency, async (i) => void (await dueflowPipeline(ctx.api, ctx.accounts, `p1w-${ctx.runId}-${i}`, ctx.seats)));
  await settleDueflow(ctx);
  const waitsBefore = { ...clientWaits };
  const dueflow = await measure(ctx, pipelines, concurrency, async (i) => void (await dueflowPipeline(ctx.api, ctx.accounts, `p1-${ctx.runId}-${i}`, ctx.seats)), true);
  const per = (key: keyof typeof clientWaits) => Math.round(((clientWaits[key] - waitsBefore[key]) / pipelines) * 100) / 100;
  const clientWaitsPerPipeline = { taskPolls: per('taskPolls'), decisionPolls: per('decisionPolls'), reviewRetries: per('reviewRetries') };
  ctx.log(`P1 dueflow: ${dueflow.perSecond}/s (p50 ${dueflow.latency.p50Ms} ms per pipeline; per pipeline ${JSON.stringify(clientWaitsPerPipeline)}; CPU s per pipeline ${JSON.stringify(dueflow.cpuSecondsPerPipeline)})`);
  await settleDueflow(ctx);
  return { dueflow, bare, ratio: ratio(dueflow.perSecond, bare.perSecond), clientWaitsPerPipeline };
}
