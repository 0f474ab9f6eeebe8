import { DEFAULT_POLICY } from '@dueflow/domain';
import { ADMIN } from '../support/factories';
import { FailoverClient, inPool } from './failover-client';
import { ReviewerDirectory, addReviewers, completeProject, openTasks, raceStats, submissions, submit } from './drive';
import { settledIntegrity } from './integrity';
import { Fleet, settledWorkflowCounts, startFleet } from './services';
import { loadTopologyStack } from './topology-stack';

const PROJECTS = Number(process.env['DUEFLOW_TOPOLOGY_PROJECTS'] ?? 120);
/** Projects in flight at once: enough that the kills land on work in every stage. */
const CONCURRENCY = 16;
/** Killed once this share of the projects has completed. */
const KILL_AT = 0.35;
const STEP_TIMEOUT_MS = 180_000;

const log = (message: string) => process.stderr.write(`[topology] ${message}\n`);

describe('the production topology without Docker: Temporal server on PostgreSQL, two workers, two APIs', () => {
  const info = loadTopologyStack();
  let fleet: Fleet;

  beforeAll(async () => {
    fleet = await startFleet(info, { workers: 2, apis: 2, name: 'failover' });
    log(`2 workers, 2 APIs on ${fleet.taskQueue}; Temporal ${info.temporalAddress} with ${info.temporalShards} history shards`);
  }, 180_000);
  afterAll(() => fleet?.stop());

  it(`drives ${PROJECTS} projects to signed through both APIs while a worker and an API are killed, losing and duplicating nothing`, async () => {
    const client = new FailoverClient(fleet.apis.map((a) => a.baseUrl));
    const directory = new ReviewerDirectory(client);
    const { version } = (await client.as(ADMIN, 'GET', '/policy')).body;
    const policy = await client.as(ADMIN, 'PUT', '/policy', { body: { version, ...DEFAULT_POLICY } });
    expect(policy.status).toBe(200);
    // Room for every project in flight: 3 more reviewers per track next to the demo ones.
    await addReviewers(client, directory, 'failover', 3, 100);

    const runTag = `topology-${Date.now().toString(36)}`;
    const work = submissions(runTag, PROJECTS);
    const started = Date.now();
    let completed = 0;
    let killedAt: number | null = null;
    const kill = async () => {
      killedAt = Date.now();
      const [worker, api] = [fleet.workers[0]!, fleet.apis[0]!];
      log(`completed ${completed}/${PROJECTS}: kill -9 ${worker.name} (pid ${worker.pid}) and ${api.name} (pid ${api.pid})`);
      const [w, a] = await Promise.all([worker.crash(), api.crash()]);
      expect(w.signal).toBe('SIGKILL');
      expect(a.signal).toBe('SIGKILL');
    };
    let killing: Promise<void> | null = null;

    await inPool(work, CONCURRENCY, async (submission) => {
      const id = await submit(client, submission);
      const tasks = await openTasks(client, id, STEP_TIMEOUT_MS);
      await completeProject(client, directory, id, tasks, STEP_TIMEOUT_MS);
      completed += 1;
      if (completed % 20 === 0) log(`completed ${completed}/${PROJECTS} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      if (!killing && completed >= Math.ceil(PROJECTS * KILL_AT)) killing = kill();
    });
    await killing;
    const wallSeconds = (Date.now() - started) / 1000;

    expect(killedAt).not.toBeNull();
    expect(fleet.workers[0]!.isRunning()).toBe(false);
    expect(fleet.apis[0]!.isRunning()).toBe(false);
    expect(fleet.workers[1]!.isRunning()).toBe(true);
    expect(fleet.apis[1]!.isRunning()).toBe(true);

    // The outbox of a killed worker is the survivor's to deliver: wait for it before counting.
    const report = await settledIntegrity(info.databaseUrl, work.map((w) => w.key), 60);
    const temporal = await settledWorkflowCounts(info, fleet.taskQueue, PROJECTS);
    const failures = Object.fromEntries(client.failures);
    log(
      `projects=${PROJECTS} signed=${PROJECTS - report.unfinished} wall=${wallSeconds.toFixed(1)}s ` +
        `(${(PROJECTS / wallSeconds).toFixed(2)} projects/s) retried_calls=${client.retriedCalls} failures=${JSON.stringify(failures)} ` +
        `reviews_refused_not_found_then_retried=${raceStats.workflowNotFound}`,
    );
    log(`workflows on ${fleet.taskQueue}: ${JSON.stringify(temporal)}; notifications per project: ${JSON.stringify(report.notificationsPerProject)}`);
    log(`latency (ms) by route: ${JSON.stringify(client.latencySummary())}`);
    log(`lost=${report.lost} duplicated=${report.duplicated}`);
    if (report.problems.length) log(`problems:\n  ${report.problems.join('\n  ')}`);

    expect(report.projects).toBe(PROJECTS);
    expect(report.unfinished).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.undelivered).toBe(0);
    expect(temporal).toEqual({ total: PROJECTS, completed: PROJECTS, running: 0 });
    // The kill really cut calls off mid-flight and the client moved to the survivor.
    expect(client.live).toEqual([fleet.apis[1]!.baseUrl]);
  });
});
