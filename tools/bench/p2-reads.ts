/**
 * P2: `GET /projects` filtered by status and sector, 20 a page, first pages and cursor pages, under
 * load with many projects in the database, against the very SQL the API runs sent through `pg`.
 * The SQL is not copied by hand: ProjectStore.list runs once per request on a data source that
 * records what TypeORM sends, and the pg side replays exactly that, at the same concurrency and
 * with as many connections as the API's pool.
 */
import { Pool } from 'pg';
import type { Logger } from 'typeorm';
import { PROJECT_SOURCES, PROJECT_STAGES, PROJECT_STATUSES, SECTORS } from '@dueflow/domain';
import { DEFAULT_DEMO_PASSWORD, ProjectStore, UserStore, createDataSource, decodeCursor, hashPassword } from '@dueflow/persistence';
import { Account } from './api-client';
import { BENCH_POLICY, BenchContext, cpuNow } from './context';
import { cpuDelta } from './cpu';
import { LatencySummary, ratio, runConcurrently, since, summarize } from './stats';

/** The API's DATABASE_POOL_SIZE default: the pg side gets as many connections. */
const API_POOL_SIZE = 10;
const PAGE = 20;
const EXTRA_OFFICERS = 7;

export interface ReadSide {
  requests: number;
  clients: number;
  perSecond: number;
  latency: LatencySummary;
  /** CPU milliseconds per request, per process. */
  cpuMsPerRequest: Record<string, number>;
}

export interface P2Result {
  rows: number;
  dueflow: ReadSide;
  /** The same SQL through pg. */
  bare: ReadSide;
  /** API p99 ÷ pg p99; target ≤ 2. */
  ratio: number;
  /** EXPLAIN ANALYZE of a manager's and an officer's first page. */
  plans: Record<string, string[]>;
}

interface CapturedQuery {
  sql: string;
  params: unknown[];
}

interface ReadRequest {
  path: string;
  token: string;
  queries: CapturedQuery[];
}

/** A TypeORM logger that keeps the statements it is shown. */
class CapturingLogger implements Logger {
  captured: CapturedQuery[] = [];
  logQuery(query: string, parameters?: unknown[]): void {
    this.captured.push({ sql: query, params: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Officers to spread the projects over: the demo officer and a few more. */
async function createOfficers(ctx: BenchContext): Promise<Account[]> {
  const dataSource = await createDataSource({ url: ctx.stack.databaseUrl, poolSize: 1 }).initialize();
  try {
    const users = new UserStore(dataSource);
    const passwordHash = await hashPassword(DEFAULT_DEMO_PASSWORD);
    for (let i = 1; i <= EXTRA_OFFICERS; i++) {
      await users.create({ email: `bench-officer-${i}@dueflow.local`, name: `Bench Officer ${i}`, roles: ['officer'], passwordHash });
    }
  } finally {
    await dataSource.destroy();
  }
  const extra = await Promise.all(Array.from({ length: EXTRA_OFFICERS }, (_, i) => ctx.api.login(`bench-officer-${i + 1}@dueflow.local`)));
  return [ctx.accounts.officer, ...extra];
}

/**
 * Inserts `rows` projects in one statement, shaped like the ones the API writes: every status and
 * sector, several submitters, a policy snapshot, spread over time (30 s apart).
 */
async function seedProjects(ctx: BenchContext, rows: number, officers: Account[]): Promise<void> {
  const started = performance.now();
  await ctx.pg.query(
    `INSERT INTO projects (id, name, company, sector, total_investment, currency, expected_annual_output, land_area_mu, headcount,
                           source, stage, summary, contact, status, status_detail, submitted_by, policy, policy_version, workflow_id,
                           created_at, updated_at)
     SELECT s.id, 'Bench project ' || s.g, 'Bench Company ' || s.g || ' Co., Ltd.',
            ($2::text[])[1 + s.g % array_length($2::text[], 1)],
            10000000 + (s.g % 500) * 2000000, 'CNY',
            jsonb_build_object('amount', 20000000 + (s.g % 300) * 1000000, 'currency', 'CNY'),
            1 + s.g % 200, 10 + s.g % 900,
            ($3::text[])[1 + s.g % array_length($3::text[], 1)],
            ($4::text[])[1 + s.g % array_length($4::text[], 1)],
            'A candidate company generated for the read benchmark; its summary is about as long as a real one.',
            jsonb_build_object('name', 'Contact ' || s.g, 'email', 'contact' || s.g || '@example.com'),
            -- status and submitter vary with different strides than sector, so every combination occurs
            ($5::text[])[1 + (s.g / array_length($2::text[], 1)) % array_length($5::text[], 1)],
            NULL,
            ($6::uuid[])[1 + (s.g / 97) % array_length($6::uuid[], 1)],
            $7::jsonb, 0, 'project-' || s.id,
            -- millisecond timestamps, as the API writes them (the cursor carries milliseconds)
            date_trunc('milliseconds', now()) - make_interval(secs => s.g * 30), date_trunc('milliseconds', now()) - make_interval(secs => s.g * 30)
       FROM (SELECT g, gen_random_uuid() AS id FROM generate_series(1, $1::int) AS g) AS s`,
    [rows, [...SECTORS], [...PROJECT_SOURCES], [...PROJECT_STAGES], [...PROJECT_STATUSES], officers.map((o) => o.id), JSON.stringify(BENCH_POLICY)],
  );
  await ctx.pg.query('ANALYZE projects');
  ctx.log(`P2: inserted ${rows} projects in ${(since(started) / 1000).toFixed(1)} s`);
}

/**
 * Walks through the list as managers and officers would: a random status and sector, the first
 * page and then one or two more by cursor. Each request's SQL is recorded from ProjectStore.list
 * with the arguments ProjectsService.list passes it.
 */
async function buildRequests(ctx: BenchContext, count: number, officers: Account[]): Promise<ReadRequest[]> {
  const logger = new CapturingLogger();
  const dataSource = await createDataSource({ url: ctx.stack.databaseUrl, poolSize: 1 }).initialize();
  dataSource.setOptions({ logger, logging: true });
  const store = new ProjectStore(dataSource);
  const requests: ReadRequest[] = [];
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  try {
    for (let walk = 0; requests.length < count; walk++) {
      const status = PROJECT_STATUSES[random(PROJECT_STATUSES.length)]!;
      const sector = SECTORS[random(SECTORS.length)]!;
      // A third of the walks are an officer's (their own projects only), the rest a manager's.
      const officer = walk % 3 === 2 ? officers[random(officers.length)]! : null;
      const viewer = officer ?? ctx.accounts.manager;
      let cursor: string | null = null;
      for (let page = 0; page <= walk % 3 && requests.length < count; page++) {
        logger.captured = [];
        const result = await store.list({ status, sector, submittedBy: officer?.id, limit: PAGE, after: cursor ? (decodeCursor(cursor) ?? undefined) : undefined });
        requests.push({
          path: `/projects?status=${status}&sector=${sector}&limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`,
          token: viewer.token,
          queries: logger.captured,
        });
        cursor = result.nextCursor;
        if (!cursor) break;
      }
    }
  } finally {
    await dataSource.destroy();
  }
  return requests;
}

async function explainFirstPages(ctx: BenchContext, requests: ReadRequest[]): Promise<Record<string, string[]>> {
  const plans: Record<string, string[]> = {};
  const manager = requests.find((r) => !r.path.includes('cursor=') && r.token === ctx.accounts.manager.token);
  const officer = requests.find((r) => !r.path.includes('cursor=') && r.token !== ctx.accounts.manager.token);
  for (const [name, request] of [['manager first page', manager], ['officer first page', officer]] as const) {
    const query = request?.queries[0];
    if (!query) continue;
    const { rows } = await ctx.pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params as unknown[]);
    plans[name] = rows.map((r) => r['QUERY PLAN']);
  }
  return plans;
}

interface Tally {
  latencies: number[];
  elapsed: number;
  cpu: Record<string, number>;
}

function side(clients: number, t: Tally): ReadSide {
  const requests = t.latencies.length;
  const cpuMsPerRequest = Object.fromEntries(Object.entries(t.cpu).map(([k, v]) => [k, Math.round((v / requests) * 1e5) / 100]));
  return { requests, clients, perSecond: Math.round((requests / (t.elapsed / 1000)) * 10) / 10, latency: summarize(t.latencies), cpuMsPerRequest };
}

export async function measureP2(ctx: BenchContext): Promise<P2Result> {
  const { rows, clients, requests: count, warmup } = ctx.sizes.p2;
  const officers = await createOfficers(ctx);
  await seedProjects(ctx, rows, officers);
  const requests = await buildRequests(ctx, count + warmup, officers);
  const plans = await explainFirstPages(ctx, requests);
  ctx.log(`P2: ${count} list requests at ${clients} concurrent clients each way over ${rows} projects (after ${warmup} warm-up)`);

  const pool = new Pool({ connectionString: ctx.stack.databaseUrl, max: API_POOL_SIZE });
  try {
    const viaApi = (r: ReadRequest) => ctx.api.call('GET', r.path, r.token).then(() => undefined);
    const viaPg = async (r: ReadRequest) => {
      for (const q of r.queries) await pool.query(q.sql, q.params as unknown[]);
    };
    const warm = requests.slice(0, warmup);
    await runConcurrently(warm.length, clients, (i) => viaApi(warm[i]!));
    await runConcurrently(warm.length, clients, (i) => viaPg(warm[i]!));

    // Alternating rounds, so drift in the machine's load hits both sides alike.
    const measured = requests.slice(warmup);
    const rounds = 4;
    const slices = Array.from({ length: rounds }, (_, i) => measured.slice(Math.floor((i * measured.length) / rounds), Math.floor(((i + 1) * measured.length) / rounds)));
    const api: Tally = { latencies: [], elapsed: 0, cpu: {} };
    const pg: Tally = { latencies: [], elapsed: 0, cpu: {} };
    const run = async (tally: Tally, slice: ReadRequest[], send: (r: ReadRequest) => Promise<void>) => {
      const cpuBefore = cpuNow(ctx);
      const timed = () => runConcurrently(slice.length, clients, (i) => send(slice[i]!));
      const result = await (send === viaApi ? ctx.stack.profiled(timed) : timed());
      for (const [name, seconds] of Object.entries(cpuDelta(cpuBefore, cpuNow(ctx)))) tally.cpu[name] = (tally.cpu[name] ?? 0) + seconds;
      tally.latencies.push(...result.latenciesMs);
      tally.elapsed += result.elapsedMs;
    };
    for (const slice of slices) {
      await run(api, slice, viaApi);
      await run(pg, slice, viaPg);
    }
    const dueflow = side(clients, api);
    const bare = side(clients, pg);
    ctx.log(`P2 api: p50 ${dueflow.latency.p50Ms} ms, p99 ${dueflow.latency.p99Ms} ms, CPU ms per request ${JSON.stringify(dueflow.cpuMsPerRequest)}`);
    ctx.log(`P2 pg: p50 ${bare.latency.p50Ms} ms, p99 ${bare.latency.p99Ms} ms, CPU ms per request ${JSON.stringify(bare.cpuMsPerRequest)}`);
    return { rows, dueflow, bare, ratio: ratio(dueflow.latency.p99Ms, bare.latency.p99Ms), plans };
  } finally {
    await pool.end();
  }
}
