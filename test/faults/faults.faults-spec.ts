/**
 * Fault suite. Many projects are in flight at different steps while reviews and decisions keep
 * arriving, and meanwhile, each fault striking when the traffic it should hit is flowing (the
 * progress thresholds in `faults` below) and logged with its time:
 * - both API processes are killed -9 during submissions, one at a time (clients retry with the same
 *   Idempotency-Key against whichever API answers);
 * - the worker is killed -9 three times, restarted 1-2 s later each time;
 * - the Temporal dev server is stopped and started again on its SQLite file. While it is down a few
 *   "probe" submissions are sent and, once their project rows are in, both APIs are killed before
 *   the probes' workflows can start: the orphan-row case (row inserted, workflow never started),
 *   made certain instead of left to timing. Half of the probes' clients retry, and their retries
 *   must find the rows and start the workflows; the other half give up without an answer, so the
 *   worker's start reconciler must start those, and their officers find the projects in the list;
 * - PostgreSQL is stopped and started again on its data directory.
 * Then every project must reach the final state its plan fixed in advance (plans.ts) and the books
 * must hold exactly one project per submission, one task per seat, one review per submitted
 * review, one decision per decision, one signing per signing, and every notification delivered
 * (audit.ts says what "exactly once" means for an at-least-once outbox). It prints
 * `lost=N duplicated=N` and fails unless both are 0.
 *
 * Sizes:
 * - default (`npm test`, CI): 40 projects (4 of them probes) submitted over ~30 s, every fault
 *   above: 2-3 minutes on two cores, more when they are busy.
 * - `npm run test:faults` (DUEFLOW_FAULTS_SIZE=full): 200 projects (10 probes) submitted over
 *   ~90 s, the same faults while they are in flight: about 5 minutes.
 *
 * Everything runs in a temp folder the suite creates: its own embedded PostgreSQL and Temporal
 * dev server (never the machine's shared ones), a webhook receiver, two API processes and one
 * worker process from a copy of dist/ (built first when stale). On failure the folder is kept and
 * its path printed: api-*.log, worker.log, temporal.log, postgres.log.
 */
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@dueflow/persistence';
import { ensureDist } from '../support/processes';
import { AuditResult, audit } from './audit';
import { FaultStack } from './fault-stack';
import { ResilientClient } from './resilient-client';
import { Progress, Traffic } from './traffic';

const FULL = process.env['DUEFLOW_FAULTS_SIZE'] === 'full';
const SIZE = FULL
  ? { projects: 200, probes: 10, submitters: 8, submitWindowMs: 90_000, desks: 6, settleMs: 20 * 60_000 }
  : { projects: 40, probes: 4, submitters: 8, submitWindowMs: 30_000, desks: 4, settleMs: 8 * 60_000 };
/** Stop waiting for the planned final states when none has been reached for this long after the last fault. */
const STALL_MS = 150_000;

const started = Date.now();
const log = (message: string) => process.stderr.write(`[faults +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Fault {
  name: string;
  /** Strikes once this holds (or `FAULT_FALLBACK_MS` after the previous fault, so the schedule never stalls). */
  when: (p: Progress) => boolean;
  run: () => Promise<string>;
}

const FAULT_GAP_MS = 3_000;
const FAULT_FALLBACK_MS = 60_000;

describe(`faults (${FULL ? 'full' : 'CI'} size: ${SIZE.projects} projects)`, () => {
  let stack: FaultStack | undefined;
  let client: ResilientClient;
  let traffic: Traffic;
  let passed = false;
  const giveUpAt = started + SIZE.settleMs + 20 * 60_000;

  beforeAll(async () => {
    ensureDist(log);
    stack = await FaultStack.start(log);
    log(`stack up in ${stack.workDir}: ${stack.apiUrls.join(', ')}, webhook ${stack.receiver.url}`);
    client = new ResilientClient(stack.apiUrls, { timeoutMs: 45_000, giveUpAt: () => giveUpAt });
    traffic = new Traffic(client, log, SIZE.projects, SIZE.probes, Date.now().toString(36));
    await traffic.prepare();
  }, 15 * 60_000);

  afterAll(async () => {
    await traffic?.stop().catch(() => undefined);
    await stack?.stop();
    if (passed) stack?.removeWorkDir();
    else if (stack) log(`kept ${stack.workDir} for inspection`);
  }, 2 * 60_000);

  it('loses and duplicates nothing while the worker, Temporal, the API and PostgreSQL crash', async () => {
    const s = stack!;
    const plannedReviews = traffic.submissions.reduce((n, x) => n + x.plan.reviews, 0);
    const plannedDecisions = traffic.submissions.reduce((n, x) => n + x.plan.decisions.length, 0);
    // Strike while a submission is in flight (unless all are in already).
    const duringSubmissions = (share: number) => (p: Progress) =>
      p.submitted >= share * p.total && (traffic.submissionsInFlight > 0 || p.submitted === p.total);
    const crashWorker = async (n: number) => {
      const pid = await s.worker.crash(1_000 + Math.random() * 1_000);
      return `kill -9 worker pid ${pid} (${n}/3), restarted as pid ${s.worker.current?.pid}`;
    };
    const crashApi = async (i: number) => {
      const inFlight = traffic.submissionsInFlight;
      const pid = await s.apis[i]!.crash(1_000);
      return `kill -9 api-${i + 1} pid ${pid} with ${inFlight} submission(s) in flight, restarted as pid ${s.apis[i]!.current?.pid}`;
    };
    const faults: Fault[] = [
      { name: 'kill -9 api-1', when: duringSubmissions(0.15), run: () => crashApi(0) },
      { name: 'kill -9 api-2', when: duringSubmissions(0.55), run: () => crashApi(1) },
      { name: 'kill -9 worker (1/3)', when: (p) => p.submitted >= 0.85 * p.total, run: () => crashWorker(1) },
      {
        name: 'restart Temporal',
        when: (p) => p.reviews >= 0.2 * plannedReviews,
        run: async () => {
          await s.stopTemporal();
          const probes = traffic.submissions.filter((x) => x.probe);
          void traffic.submitProbes();
          // Their rows inserted, the probes wait inside the API for Temporal (its client retries the
          // start); killing both APIs now ends them between the insert and the workflow start.
          const inserted = await waitForRows(s.databaseUrl, probes.map((x) => x.key), 15_000);
          await sleep(500);
          const pids = await Promise.all(s.apis.map((api) => api.kill()));
          await s.startTemporal();
          await Promise.all(s.apis.map((api) => api.start()));
          return (
            `Temporal dev server stopped; ${inserted}/${probes.length} probe submissions inserted their rows meanwhile, ` +
            `then both APIs (pids ${pids.join(', ')}) were killed -9 before the probes' workflow starts; ` +
            `Temporal started again on its port and SQLite file, the APIs after it`
          );
        },
      },
      { name: 'kill -9 worker (2/3)', when: (p) => p.reviews >= 0.4 * plannedReviews, run: () => crashWorker(2) },
      {
        name: 'restart PostgreSQL',
        when: (p) => p.reviews >= 0.55 * plannedReviews && p.decisions >= 0.1 * plannedDecisions,
        run: async () => {
          await s.restartPostgres(1_000);
          return 'PostgreSQL stopped (fast shutdown) and started again on its data directory and port';
        },
      },
      { name: 'kill -9 worker (3/3)', when: (p) => p.finished >= 0.4 * p.total, run: () => crashWorker(3) },
    ];

    traffic.start({ submitters: SIZE.submitters, submitWindowMs: SIZE.submitWindowMs, desks: SIZE.desks });
    const reporter = setInterval(() => log(`progress ${progressLine(traffic.progress())}; retries ${JSON.stringify(client.retries)}`), 10_000);
    const faultLog: string[] = [];
    try {
      let last = Date.now();
      for (const fault of faults) {
        await sleep(FAULT_GAP_MS);
        while (!fault.when(traffic.progress()) && Date.now() - last < FAULT_FALLBACK_MS) await sleep(100);
        const triggered = fault.when(traffic.progress()) ? 'on schedule' : 'after the fallback wait';
        const at = `+${((Date.now() - started) / 1000).toFixed(1)}s`;
        const t0 = Date.now();
        const what = await fault.run();
        const entry = `${at} ${what} (${triggered}; ${((Date.now() - t0) / 1000).toFixed(1)} s; progress ${progressLine(traffic.progress())})`;
        faultLog.push(entry);
        log(`FAULT ${entry}`);
        last = Date.now();
      }

      const db = await createDataSource({ url: s.databaseUrl, poolSize: 2, applicationName: 'dueflow-faults-audit' }).initialize();
      const connection = await Connection.connect({ address: s.temporalAddress });
      const temporal = new Client({ connection, namespace: 'default' });
      let result: AuditResult;
      try {
        const settled = await settle(db, temporal, traffic, started + SIZE.settleMs);
        await traffic.stop();
        clearInterval(reporter);
        const drained = await drainOutbox(db, 120_000);
        log(`settled: ${settled}; outbox drained: ${drained}`);
        result = await audit(db, temporal, traffic.submissions, s.receiver);
      } finally {
        await connection.close();
        await db.destroy();
      }

      const unplanned = s.unplannedExits();
      log(
        [
          'summary',
          `  projects: ${SIZE.projects} (${describePlans(traffic)}), wall time ${((Date.now() - started) / 1000).toFixed(0)} s`,
          `  faults:\n${faultLog.map((f) => `    ${f}`).join('\n')}`,
          `  probes (submitted while Temporal was down): ${traffic.submissions
            .filter((x) => x.probe)
            .map((x) => (x.givesUp ? `gave up (${x.gaveUp ?? `answered ${x.submitStatus}`}), ${x.projectId ? 'found in the list' : 'never found'}` : `${x.submitStatus ?? 'unanswered'} after ${x.submitRetries.length} failed attempt(s)`))
            .join('; ')}`,
          `  unplanned process exits: ${unplanned.length ? unplanned.join('; ') : 'none'}`,
          `  client: ${JSON.stringify(traffic.counts)}; retries ${JSON.stringify(client.retries)}`,
          `  client failures: ${JSON.stringify(Object.fromEntries(client.failures))}`,
          `  longest a listed task was still being assigned (409): ${(traffic.longestUnknownTaskMs / 1000).toFixed(1)} s`,
          `  refusals (4xx from stale reads and not-yet-recorded assignments, retried): ${JSON.stringify(Object.fromEntries(traffic.refusals))}`,
          `  surprises: ${traffic.surprises.length ? traffic.surprises.slice(0, 20).join(' | ') : 'none'}`,
          `  books: ${JSON.stringify(result.figures)}`,
          ...result.findings.slice(0, 60).map((f) => `  ${f.kind} ${f.n}: ${f.what}`),
        ].join('\n'),
      );
      process.stderr.write(`lost=${result.lost} duplicated=${result.duplicated}\n`);
      expect(result.findings.slice(0, 20)).toEqual([]);
      expect(result.lost).toBe(0);
      expect(result.duplicated).toBe(0);
      // The reconciler's case happened: a client gave up, and its project was started and finished all the same.
      expect(traffic.submissions.filter((x) => x.givesUp && x.projectId).length).toBeGreaterThan(0);
      passed = true;
    } finally {
      clearInterval(reporter);
    }
  }, 60 * 60_000);
});

function progressLine(p: Progress): string {
  return `submitted ${p.submitted}/${p.total} (+ probes), reviews ${p.reviews}, decisions ${p.decisions}, finished ${p.finished}`;
}

function describePlans(traffic: Traffic): string {
  const counts = new Map<string, number>();
  for (const s of traffic.submissions) counts.set(s.plan.kind, (counts.get(s.plan.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

/**
 * Waits until every project shows its planned final state and no workflow is still running; gives
 * up at the deadline, or earlier when nothing has moved for STALL_MS (a project stuck for good).
 */
async function settle(db: DataSource, temporal: Client, traffic: Traffic, deadline: number): Promise<string> {
  let lastPending = Infinity;
  let lastChange = Date.now();
  for (;;) {
    const rows: Array<{ id: string; status: string }> = await db.query('SELECT id, status FROM projects').catch(() => []);
    const status = new Map(rows.map((r) => [r.id, r.status]));
    const pending = traffic.submissions.filter((s) => !s.projectId || status.get(s.projectId) !== s.plan.expected);
    const running = await countRunning(temporal);
    if (pending.length === 0 && running === 0) return 'every project in its planned state, no workflow running';
    if (pending.length + running !== lastPending) {
      lastPending = pending.length + running;
      lastChange = Date.now();
    }
    const stalled = Date.now() - lastChange > STALL_MS;
    if (Date.now() > deadline || stalled) {
      const examples = pending.slice(0, 5).map((s) => `${s.key} ${s.plan.kind}: ${s.projectId ? status.get(s.projectId) : 'not submitted'}`);
      return `${stalled ? `no progress for ${STALL_MS / 1000} s` : 'deadline passed'}: ${pending.length} project(s) not in their planned state${
        examples.length ? ` (${examples.join('; ')})` : ''
      }, ${running} workflow(s) still running`;
    }
    await sleep(2_000);
  }
}

async function countRunning(temporal: Client): Promise<number> {
  try {
    const { count } = await temporal.workflow.count('ExecutionStatus = "Running"');
    return count;
  } catch {
    return -1;
  }
}

/** How many of the submissions' project rows exist, once all do or at the timeout. */
async function waitForRows(databaseUrl: string, keys: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pg = new PgClient({ connectionString: databaseUrl });
    const n = await pg
      .connect()
      .then(() => pg.query('SELECT count(*)::int AS n FROM projects WHERE idempotency_key = ANY($1)', [keys]))
      .then((r) => r.rows[0].n as number)
      .catch(() => 0)
      .finally(() => pg.end().catch(() => undefined));
    if (n === keys.length || Date.now() > deadline) return n;
    await sleep(200);
  }
}

/** Waits for the dispatcher to mark every queued notification sent (a lost lease takes 30 s). */
async function drainOutbox(db: DataSource, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }]: Array<{ n: number }> = await db.query('SELECT count(*)::int AS n FROM notifications WHERE sent_at IS NULL');
    if (n === 0) return 'every notification marked sent';
    if (Date.now() > deadline) return `${n} notification(s) still unsent`;
    await sleep(1_000);
  }
}
