/** P3: POST /projects latency at 50 concurrent clients against a bare workflow start at 50 concurrent. */
import { projectBody } from './api-client';
import { workflowIdFor } from '@dueflow/contract';
import { BenchContext, bareActivityCalls, openTasks, settleBare, settleDueflow, terminate } from './context';
import { PooledRounds, ROUNDS_PER_SIDE, alternateRounds } from './rounds';
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

function submissionSide(rounds: PooledRounds): SubmissionSide {
  return {
    requests: rounds.count,
    concurrency: rounds.concurrency,
    perSecond: rounds.perSecond(),
    latency: summarize(rounds.latenciesMs),
    cpuSecondsPerRequest: rounds.cpuSecondsPerOperation(),
  };
}

export async function measureP3(ctx: BenchContext): Promise<P3Result> {
  const { requests, concurrency, warmup } = ctx.sizes.p3;
  ctx.log(`P3: ${requests} submissions at ${concurrency} concurrent each way, in ${ROUNDS_PER_SIDE} rounds a side (after ${warmup} warm-up)`);
  // Each started workflow then runs its first steps on its worker. Neither side may pay for the
  // other's: a round's leftover steps are waited out or terminated before the next round starts.
  const initialCalls = totalActivities(ctx.shape.plan.segments[0] ?? []);
  let bareCount = 0;
  const bareIds = (n: number) => Array.from({ length: n }, () => `bare-p3-${ctx.runId}-${bareCount++}`);
  let dueflowCount = 0;
  const submit = async (started: string[]) => {
    const project = await ctx.api.call<{ id: string }>('POST', '/projects', ctx.accounts.officer.token, projectBody(`p3-${ctx.runId}-${dueflowCount++}`));
    started.push(workflowIdFor(project.id));
  };

  // Warm-up, each side: the API's code gets compiled, the servers' caches filled.
  const bareWarm = bareIds(warmup);
  const bareBefore = bareActivityCalls(ctx);
  await runConcurrently(warmup, concurrency, (i) => startBare(ctx.temporal, ctx.shape.plan, bareWarm[i]!));
  await settleBare(ctx, bareBefore + warmup * initialCalls);
  await terminate(ctx, bareWarm);
  const warmed: string[] = [];
  const tasksBefore = await openTasks(ctx);
  await runConcurrently(warmup, concurrency, () => submit(warmed));
  await settleDueflow(ctx, tasksBefore + warmup * ctx.seats);
  await terminate(ctx, warmed);

  const bare = new PooledRounds(concurrency);
  const dueflow = new PooledRounds(concurrency);
  await alternateRounds(
    requests,
    async (n) => {
      const ids = bareIds(n);
      await bare.round(ctx, n, (i) => startBare(ctx.temporal, ctx.shape.plan, ids[i]!));
      await terminate(ctx, ids);
    },
    async (n) => {
      const started: string[] = [];
      await dueflow.round(ctx, n, () => submit(started), true);
      await terminate(ctx, started);
      await settleDueflow(ctx);
    },
  );
  const result = { dueflow: submissionSide(dueflow), bare: submissionSide(bare) };
  ctx.log(`P3 bare: p50 ${result.bare.latency.p50Ms} ms, p99 ${result.bare.latency.p99Ms} ms; CPU s per start ${JSON.stringify(result.bare.cpuSecondsPerRequest)}`);
  ctx.log(`P3 dueflow: p50 ${result.dueflow.latency.p50Ms} ms, p99 ${result.dueflow.latency.p99Ms} ms; CPU s per submission ${JSON.stringify(result.dueflow.cpuSecondsPerRequest)}`);
  return { ...result, ratio: ratio(result.dueflow.latency.p99Ms, result.bare.latency.p99Ms) };
}
