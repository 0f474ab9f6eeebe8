/** P1: complete pipelines per second at concurrency C, dueflow over HTTP against the bare workflow. */
import { BenchContext, settleDueflow } from './context';
import { PooledRounds, ROUNDS_PER_SIDE, alternateRounds } from './rounds';
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
  clientWaitsPerPipeline: { taskPolls: number; decisionReads: number; reviewRetries: number };
}

function throughputSide(rounds: PooledRounds): ThroughputSide {
  return {
    pipelines: rounds.count,
    concurrency: rounds.concurrency,
    seconds: Math.round(rounds.elapsedMs / 10) / 100,
    perSecond: rounds.perSecond(),
    latency: summarize(rounds.latenciesMs),
    cpuSecondsPerPipeline: rounds.cpuSecondsPerOperation(),
  };
}

export async function measureP1(ctx: BenchContext): Promise<P1Result> {
  const { pipelines, concurrency } = ctx.sizes.p1;
  const warmup = Math.min(concurrency, pipelines);
  ctx.log(`P1: ${pipelines} pipelines at concurrency ${concurrency} each way, in ${ROUNDS_PER_SIDE} rounds a side (after ${warmup} warm-up pipelines)`);
  let bareCount = 0;
  const bare = () => barePipeline(ctx.temporal, ctx.shape.plan, `bare-p1-${ctx.runId}-${bareCount++}`);
  let dueflowCount = 0;
  const dueflow = async () => void (await dueflowPipeline(ctx.api, ctx.accounts, `p1-${ctx.runId}-${dueflowCount++}`, ctx.seats));

  await runConcurrently(warmup, concurrency, bare);
  await runConcurrently(warmup, concurrency, dueflow);
  await settleDueflow(ctx);

  const bareSide = new PooledRounds(concurrency);
  const dueflowSide = new PooledRounds(concurrency);
  const waitsBefore = { ...clientWaits };
  await alternateRounds(
    pipelines,
    (n) => bareSide.round(ctx, n, bare),
    async (n) => {
      await dueflowSide.round(ctx, n, dueflow, true);
      // The outbox delivers a pipeline's last notifications after it is signed; not on the next round's time.
      await settleDueflow(ctx);
    },
  );
  const per = (key: keyof typeof clientWaits) => Math.round(((clientWaits[key] - waitsBefore[key]) / pipelines) * 100) / 100;
  const clientWaitsPerPipeline = { taskPolls: per('taskPolls'), decisionReads: per('decisionReads'), reviewRetries: per('reviewRetries') };
  const result = { dueflow: throughputSide(dueflowSide), bare: throughputSide(bareSide) };
  ctx.log(`P1 bare: ${result.bare.perSecond}/s (p50 ${result.bare.latency.p50Ms} ms per pipeline; CPU s per pipeline ${JSON.stringify(result.bare.cpuSecondsPerPipeline)})`);
  ctx.log(
    `P1 dueflow: ${result.dueflow.perSecond}/s (p50 ${result.dueflow.latency.p50Ms} ms per pipeline; per pipeline ${JSON.stringify(clientWaitsPerPipeline)}; CPU s per pipeline ${JSON.stringify(result.dueflow.cpuSecondsPerPipeline)})`,
  );
  return { ...result, ratio: ratio(result.dueflow.perSecond, result.bare.perSecond), clientWaitsPerPipeline };
}
