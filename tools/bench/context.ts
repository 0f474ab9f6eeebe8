/** What every figure shares: the running stack, clients to it, the accounts and the pipeline's shape. */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { DEFAULT_POLICY, Policy, TRACKS } from '@dueflow/domain';
import { workflowIdFor } from '@dueflow/contract';
import { ADMIN, ApiClient, MANAGER, OFFICER, REVIEWERS } from './api-client';
import { BenchStack, Log } from './stack';
import { cpuSnapshot } from './cpu';
import { median, pollUntil, runConcurrently, sleep } from './stats';
import { Accounts, WorkloadShape, barePipeline, dueflowPipeline, shapeFromHistory } from './workload';

export type Mode = 'quick' | 'full';

export interface Sizes {
  p1: { pipelines: number; concurrency: number };
  p2: { rows: number; clients: number; requests: number; warmup: number };
  p3: { requests: number; concurrency: number; warmup: number };
  memory: { openProjects: number[] };
}

export const SIZES: Record<Mode, Sizes> = {
  quick: {
    p1: { pipelines: 24, concurrency: 8 },
    p2: { rows: 20_000, clients: 16, requests: 1_500, warmup: 150 },
    p3: { requests: 200, concurrency: 50, warmup: 100 },
    memory: { openProjects: [100, 300] },
  },
  full: {
    p1: { pipelines: 200, concurrency: 16 },
    p2: { rows: 100_000, clients: 16, requests: 5_000, warmup: 500 },
    p3: { requests: 500, concurrency: 50, warmup: 200 },
    memory: { openProjects: [1_000, 5_000] },
  },
};

/**
 * The policy projects are submitted under during the run: the default panels, with deadlines far
 * enough away that nothing is reminded, expires or lapses while the bench is measuring.
 */
export const BENCH_POLICY: Policy = {
  ...DEFAULT_POLICY,
  reviewDeadline: 'P30D',
  reminderBefore: 'P2D',
  decisionDeadline: 'P30D',
  signingDeadline: 'P180D',
};

export interface BenchContext {
  mode: Mode;
  sizes: Sizes;
  stack: BenchStack;
  api: ApiClient;
  temporal: Client;
  /** The bench's own connections, for setup and for waiting until the system is idle. */
  pg: Pool;
  accounts: Accounts;
  /** Review tasks one project gets (the policy's panels). */
  seats: number;
  shape: WorkloadShape;
  /** Unique per run: baseline workflow ids. */
  runId: string;
  log: Log;
}

export async function createContext(mode: Mode, stack: BenchStack, log: Log, cleanups: Array<() => Promise<void>>): Promise<BenchContext> {
  const api = new ApiClient(stack.api.baseUrl);
  cleanups.push(async () => api.close());
  const connection = await Connection.connect({ address: stack.temporalAddress });
  cleanups.push(() => connection.close());
  const temporal = new Client({ connection, namespace: 'default' });
  const pg = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  pg.on('error', () => undefined); // an idle connection dropped at shutdown is no failure
  cleanups.push(() => pg.end());

  const [officer, manager, admin, ...reviewers] = await Promise.all([OFFICER, MANAGER, ADMIN, ...REVIEWERS].map((email) => api.login(email)));
  const accounts: Accounts = { officer: officer!, manager: manager!, admin: admin!, reviewers: new Map(reviewers.map((r) => [r.id, r])) };
  // PUT /policy takes the version it replaces (optimistic concurrency).
  const { version } = await api.call<{ version: number }>('GET', '/policy', admin!.token);
  await api.call('PUT', '/policy', admin!.token, { version, ...BENCH_POLICY });
  // The demo pool has two reviewers per track, 25 open tasks each; thousands of open projects need
  // them to take any number (the API caps maxOpenTasks at 100, so this is set in the database).
  await pg.query('UPDATE reviewer_profiles SET max_open_tasks = 1000000');
  const seats = TRACKS.reduce((n, t) => n + BENCH_POLICY.reviewersPerTrack[t], 0);

  const ctx: BenchContext = { mode, sizes: SIZES[mode], stack, api, temporal, pg, accounts, seats, shape: undefined as never, runId: randomUUID().slice(0, 8), log };
  ctx.shape = await measureShape(ctx);
  return ctx;
}

/**
 * Runs one dueflow pipeline and counts its Temporal work from the history, then checks that one
 * baseline pipeline driven with that plan does the same. Both double as warm-ups.
 */
async function measureShape(ctx: BenchContext): Promise<WorkloadShape> {
  const projectId = await dueflowPipeline(ctx.api, ctx.accounts, `shape-${ctx.runId}`, ctx.seats);
  const handle = ctx.temporal.workflow.getHandle(workflowIdFor(projectId));
  await handle.result();
  const shape = shapeFromHistory(await handle.fetchHistory());
  const bareId = `bare-shape-${ctx.runId}`;
  await barePipeline(ctx.temporal, shape.plan, bareId);
  const bareHandle = ctx.temporal.workflow.getHandle(bareId);
  await bareHandle.result();
  const bare = shapeFromHistory(await bareHandle.fetchHistory());
  if (bare.updates !== shape.updates || bare.activities !== shape.activities) {
    throw new Error(`the baseline does not match dueflow: ${JSON.stringify({ dueflow: shape, bare })}`);
  }
  ctx.log(`one dueflow pipeline = 1 start, ${shape.updates} updates, ${shape.activities} activity calls; batches per segment ${JSON.stringify(shape.plan.segments)}`);
  return shape;
}

/** CPU seconds so far per service (see cpu.ts). */
export function cpuNow(ctx: BenchContext): Record<string, number> {
  const { api, worker, bareWorker } = ctx.stack;
  return cpuSnapshot({ api: api.pid, worker: worker.pid, bareWorker: bareWorker.pid });
}

export async function count(ctx: BenchContext, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await ctx.pg.query<{ n: number }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

export function openTasks(ctx: BenchContext): Promise<number> {
  return count(ctx, `SELECT count(*)::int AS n FROM review_tasks WHERE status = 'open'`);
}

/**
 * Waits until dueflow has nothing left to do from earlier requests: the outbox is delivered and,
 * when given, at least `openTasks` review tasks are open (every submitted project assigned).
 */
export async function settleDueflow(ctx: BenchContext, expectOpenTasks?: number, timeoutMs = 900_000): Promise<void> {
  let lastReport = Date.now();
  await pollUntil(
    'dueflow to settle',
    async () => {
      const open = expectOpenTasks === undefined ? 0 : await openTasks(ctx);
      const pending = await count(ctx, 'SELECT count(*)::int AS n FROM notifications WHERE sent_at IS NULL');
      if (open >= (expectOpenTasks ?? 0) && pending === 0) return true;
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        ctx.log(`  waiting for dueflow: ${expectOpenTasks === undefined ? '' : `${open}/${expectOpenTasks} review tasks open, `}${pending} notifications pending`);
      }
      return undefined;
    },
    250,
    timeoutMs,
  );
}

/** Terminates workflows a measurement left running, so their remaining steps load nothing later. */
export async function terminate(ctx: BenchContext, workflowIds: string[]): Promise<void> {
  await runConcurrently(workflowIds.length, 20, (i) =>
    ctx.temporal.workflow
      .getHandle(workflowIds[i]!)
      .terminate('benchmark measurement done')
      .then(
        () => undefined,
        () => undefined, // already closed
      ),
  );
}

/** Activity calls the baseline worker has run since it started (it prints the count as it goes). */
export function bareActivityCalls(ctx: BenchContext): number {
  const matches = [...ctx.stack.bareWorker.output().matchAll(/"activities":(\d+)/g)];
  return matches.length ? Number(matches[matches.length - 1]![1]) : 0;
}

export async function settleBare(ctx: BenchContext, expectCalls: number, timeoutMs = 600_000): Promise<void> {
  await pollUntil('the baseline worker to settle', async () => (bareActivityCalls(ctx) >= expectCalls ? true : undefined), 250, timeoutMs);
}

/** Resident set size of a settled child: the median of a few samples. */
export async function sampleRss(rssBytes: () => number, samples = 5, intervalMs = 400): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await sleep(intervalMs);
    values.push(rssBytes());
  }
  return median(values);
}
