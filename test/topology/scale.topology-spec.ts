import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_POLICY } from '@dueflow/domain';
import { ADMIN } from '../support/factories';
import { FailoverClient, inPool, until } from './failover-client';
import { OpenTask, ReviewerDirectory, TASKS_PER_PROJECT, addReviewers, decideGo, raceStats, recordSigning, reviewAll, submissions, submit, waitForStatus } from './drive';
import { settledIntegrity } from './integrity';
import { Fleet, MiB, sampleRss, settledWorkflowCounts, startFleet, workflowCounts } from './services';
import { loadTopologyStack } from './topology-stack';

/** Open projects at once. `DUEFLOW_TOPOLOGY_SCALE=10000` for the full run (tens of minutes); the default keeps `npm run test:topology` short. */
const N = Number(process.env['DUEFLOW_TOPOLOGY_SCALE'] ?? 500);
const CONCURRENCY = Number(process.env['DUEFLOW_TOPOLOGY_CONCURRENCY'] ?? 24);
const RSS_LIMIT = 1024 * MiB;
/** How long every project sits open, waiting on its reviews, while the worker's RSS is sampled. */
const WAIT_MS = Number(process.env['DUEFLOW_TOPOLOGY_WAIT_MS'] ?? 30_000);
const STEP_TIMEOUT_MS = 600_000;
/**
 * The worker's V8 heap limit in MiB (NODE_OPTIONS=--max-old-space-size); `default` leaves Node's
 * own (about 4 GiB on this machine). The Temporal SDK sizes its sticky workflow cache from the heap
 * limit, about 600 workflows per GiB above 200 MiB: 2,310 by default, 360 at 768 MiB. Every cached
 * workflow costs the worker about 0.6 MB, so with 10,000 open projects the default cache alone
 * would pass 1 GB; 768 MiB keeps the worker bounded whatever the number of open workflows, at the
 * price of replaying a workflow's history when one outside the cache gets a task.
 */
const WORKER_HEAP_MB = process.env['DUEFLOW_TOPOLOGY_WORKER_HEAP_MB'] ?? '768';
const workerEnv: Record<string, string> = WORKER_HEAP_MB === 'default' ? {} : { NODE_OPTIONS: `--max-old-space-size=${WORKER_HEAP_MB}` };

const log = (message: string) => process.stderr.write(`[topology scale] ${message}\n`);
const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

describe(`scale: ${N} open projects waiting on reviews, one worker, Temporal server on PostgreSQL`, () => {
  const info = loadTopologyStack();
  let fleet: Fleet;
  let db: Client;

  beforeAll(async () => {
    fleet = await startFleet(info, {
      workers: 1,
      apis: 2,
      name: 'scale',
      workerEnv,
    });
    db = new Client({ connectionString: info.databaseUrl });
    await db.connect();
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await fleet?.stop();
  });

  it(`keeps ${N} projects open under 1 GB of worker RSS and completes every one once its reviews arrive`, async () => {
    const worker = fleet.workers[0]!;
    const client = new FailoverClient(fleet.apis.map((a) => a.baseUrl));
    const directory = new ReviewerDirectory(client);
    const { version } = (await client.as(ADMIN, 'GET', '/policy')).body;
    expect((await client.as(ADMIN, 'PUT', '/policy', { body: { version, ...DEFAULT_POLICY } })).status).toBe(200);
    // Every open task counts against its reviewer's capacity (100 at most): enough reviewers for all of them.
    const needed = (perProject: number) => Math.ceil((N * perProject * 1.05) / 100) + 1;
    await addReviewers(client, directory, 'scale', { expert: needed(2), vc: needed(1), academic: needed(1) }, 100, 8);

    const rss = sampleRss(worker, 1000);
    // Stopped however the run ends: its timer would keep Jest alive after a failure.
    let peak = 0;
    let submitMs = 0;
    let openMs = 0;
    let completeMs = 0;
    let baselineRss = 0;
    let waitingRss = 0;
    let work: ReturnType<typeof submissions> = [];
    try {
      baselineRss = rss.current();
      const runTag = `scale-${Date.now().toString(36)}`;
      work = submissions(runTag, N);

      // 1. Submit everything; each project's workflow screens it and assigns four reviewers.
      const t0 = Date.now();
      let submitted = 0;
      const ids = await inPool(work, CONCURRENCY, async (submission) => {
        const id = await submit(client, submission);
        submitted += 1;
        if (submitted % 500 === 0) log(`submitted ${submitted}/${N} (${seconds(Date.now() - t0)} s, worker RSS ${(rss.current() / MiB).toFixed(0)} MiB)`);
        return id;
      });
      submitMs = Date.now() - t0;
      log(`submitted ${N} projects in ${seconds(submitMs)} s (${(N / (submitMs / 1000)).toFixed(1)}/s)`);

      // 2. Wait until every project is open and waiting on its four reviews.
      const openCount = async () =>
        Number((await db.query(`SELECT count(*)::int AS n FROM review_tasks WHERE project_id = ANY($1) AND status = 'open'`, [ids])).rows[0].n);
      let lastLogged = 0;
      await until('every project waiting on its reviews', async () => {
        const open = await openCount();
        if (Date.now() - lastLogged > 15_000) {
          lastLogged = Date.now();
          log(`${open}/${N * TASKS_PER_PROJECT} review tasks open (worker RSS ${(rss.current() / MiB).toFixed(0)} MiB)`);
        }
        return open === N * TASKS_PER_PROJECT;
      }, STEP_TIMEOUT_MS + N * 500, 2000);
      openMs = Date.now() - t0;
      const statuses = (await db.query('SELECT status, count(*)::int AS n FROM projects WHERE id = ANY($1) GROUP BY 1', [ids])).rows;
      expect(statuses).toEqual([{ status: 'in_review', n: N }]);
      const running = await workflowCounts(info, fleet.taskQueue);
      expect(running.running).toBe(N);
      log(`all ${N} projects in review after ${seconds(openMs)} s; holding them open for ${seconds(WAIT_MS)} s`);

      // 3. Hold: N workflows open, the worker idle but for its cache; sample what that costs.
      const waitStart = Date.now();
      const waitSamples: number[] = [];
      while (Date.now() - waitStart < WAIT_MS) {
        await new Promise((r) => setTimeout(r, 1000));
        waitSamples.push(worker.rssBytes());
      }
      waitingRss = Math.max(...waitSamples);

      // 4. The reviews arrive: every review, a go, the signing, for every project.
      const tasks: Array<{ id: string; project_id: string; track: OpenTask['track']; assignee_id: string }> = (
        await db.query(`SELECT id, project_id, track, assignee_id FROM review_tasks WHERE project_id = ANY($1) AND status = 'open'`, [ids])
      ).rows;
      const byProject = new Map<string, OpenTask[]>();
      for (const t of tasks) byProject.set(t.project_id, [...(byProject.get(t.project_id) ?? []), { id: t.id, track: t.track, assigneeId: t.assignee_id }]);
      const t1 = Date.now();
      let completed = 0;
      await inPool(ids, CONCURRENCY, async (id) => {
        await reviewAll(client, directory, byProject.get(id)!);
        await waitForStatus(client, id, 'awaiting_decision', STEP_TIMEOUT_MS);
        await decideGo(client, id);
        await waitForStatus(client, id, 'approved', STEP_TIMEOUT_MS);
        await recordSigning(client, id);
        await waitForStatus(client, id, 'signed', STEP_TIMEOUT_MS);
        completed += 1;
        if (completed % 500 === 0) log(`completed ${completed}/${N} (${seconds(Date.now() - t1)} s, worker RSS ${(rss.current() / MiB).toFixed(0)} MiB)`);
      });
      completeMs = Date.now() - t1;
    } finally {
      peak = rss.stop().peak;
    }

    const report = await settledIntegrity(info.databaseUrl, work.map((w) => w.key), 120);
    const temporal = await settledWorkflowCounts(info, fleet.taskQueue, N);

    const figures = {
      openProjects: N,
      historyShards: info.temporalShards,
      workers: 1,
      workerHeapLimitMiB: WORKER_HEAP_MB,
      apis: 2,
      clientConcurrency: CONCURRENCY,
      submitSeconds: seconds(submitMs),
      submitPerSecond: Number((N / (submitMs / 1000)).toFixed(1)),
      allWaitingSeconds: seconds(openMs),
      completeSeconds: seconds(completeMs),
      completePerSecond: Number((N / (completeMs / 1000)).toFixed(1)),
      workerRssBaselineMiB: Math.round(baselineRss / MiB),
      workerRssWaitingMiB: Math.round(waitingRss / MiB),
      workerRssPeakMiB: Math.round(peak / MiB),
      bytesPerOpenProject: Math.round((waitingRss - baselineRss) / N),
      retriedCalls: client.retriedCalls,
      relogins: client.relogins,
      reviewsRefusedNotFoundThenRetried: raceStats.workflowNotFound,
      lost: report.lost,
      duplicated: report.duplicated,
      workflows: temporal,
    };
    log(JSON.stringify(figures));
    log(`latency (ms) by route: ${JSON.stringify(client.latencySummary())}`);
    log(`lost=${report.lost} duplicated=${report.duplicated}`);
    if (report.problems.length) log(`problems:\n  ${report.problems.join('\n  ')}`);
    // For BENCHMARKS.md: tmp/ is git-ignored.
    const out = resolve(__dirname, '..', '..', 'tmp');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `topology-scale-${N}.json`), `${JSON.stringify(figures, null, 2)}\n`);

    expect(report.unfinished).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(temporal.completed).toBe(N);
    expect(peak).toBeLessThanOrEqual(RSS_LIMIT);
  }, 4 * 60 * 60_000);
});
