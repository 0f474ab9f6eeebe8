/**
 * Everything a benchmark run needs, started like the test setup does and stopped in reverse order:
 * PostgreSQL (embedded in a temp dir, or DATABASE_URL's server with a fresh database), migrations
 * and demo accounts, an in-memory Temporal dev server, dueflow's compiled API and worker as child
 * processes, and the baseline's worker beside them.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import {
  NodeService,
  RunningPostgres,
  RunningTemporal,
  dropDatabase,
  ensureDatabase,
  ensureTemporalCli,
  freePort,
  splitDatabaseUrl,
  startEmbeddedPostgres,
  startNodeService,
  startTemporalDevServer,
} from '@dueflow/stack';
import { DEFAULT_DEMO_PASSWORD, createDataSource, runMigrations, seedDemoAccounts } from '@dueflow/persistence';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const DUEFLOW_TASK_QUEUE = 'dueflow-bench';
export const BARE_TASK_QUEUE = 'dueflow-bench-bare';

export type Log = (message: string) => void;

export interface BenchStack {
  workDir: string;
  databaseUrl: string;
  temporalAddress: string;
  api: NodeService & { baseUrl: string };
  worker: NodeService;
  bareWorker: NodeService;
  /** Stops and starts dueflow's worker: an empty workflow cache, a fresh heap. */
  restartWorker(): Promise<NodeService>;
  restartBareWorker(): Promise<NodeService>;
  /** With --profile: CPU-profiles the API and dueflow's worker while `work` runs (one file each). */
  profiled<T>(work: () => Promise<T>): Promise<T>;
  /** Stops everything that was started, in reverse order; safe to call twice. */
  stop(options?: { keepWorkDir?: boolean }): Promise<void>;
}

/** Both apps log at their production default, to files in the work dir (as a deployment would). */
const APP_LOG_LEVEL = 'info';

/**
 * A private copy of dist/ for the children, with node_modules linked beside it: the checkout is
 * shared, and a rebuild during a run (`npm run build` empties dist/) must not pull files from
 * under a worker that is restarted mid-run.
 */
function snapshotDist(workDir: string): string {
  const app = join(workDir, 'app');
  cpSync(join(ROOT, 'dist'), join(app, 'dist'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  return join(app, 'dist');
}

export interface StackOptions {
  /** Keep the work dir (logs, profiles) when stopping; asked at stop time. */
  keepWorkDir: () => boolean;
  /** Run the API and dueflow's worker under the CPU profiler, writing profiles here (profile-wrapper.ts). */
  profileDir?: string;
}

export async function startBenchStack(log: Log, cleanups: Array<() => Promise<void>>, options: StackOptions): Promise<BenchStack> {
  const workDir = mkdtempSync(join(tmpdir(), 'dueflow-bench-'));
  chmodSync(workDir, 0o755); // the embedded PostgreSQL runs as `postgres` when we are root
  const stopped: Array<() => Promise<void>> = [];
  let keepWorkDir = false;
  let stopping: Promise<void> | undefined;
  const stop = (how: { keepWorkDir?: boolean } = {}) => {
    keepWorkDir ||= how.keepWorkDir ?? false;
    stopping ??= (async () => {
      for (const step of stopped.reverse()) await step().catch((error: unknown) => log(`stop: ${error instanceof Error ? error.message : String(error)}`));
      if (keepWorkDir) log(`logs kept in ${workDir}`);
      else rmSync(workDir, { recursive: true, force: true });
    })();
    return stopping;
  };
  cleanups.push(() => stop({ keepWorkDir: options.keepWorkDir() }));

  const dist = snapshotDist(workDir);
  if (!existsSync(join(dist, 'workflow-bundle.js'))) throw new Error('dist/workflow-bundle.js is missing: run `npm run build` first');

  let postgres: RunningPostgres | null = null;
  let serverUrl: string;
  if (process.env['DATABASE_URL']) {
    serverUrl = splitDatabaseUrl(process.env['DATABASE_URL']).serverUrl;
    log('using the PostgreSQL server of DATABASE_URL (a fresh database, dropped at the end)');
  } else {
    postgres = await startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port: await freePort(), log });
    stopped.push(() => postgres!.stop());
    serverUrl = postgres.serverUrl;
  }
  const database = `dueflow_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  if (!postgres) stopped.push(() => dropDatabase(serverUrl, database));
  await runMigrations(databaseUrl);
  const dataSource = await createDataSource({ url: databaseUrl, poolSize: 1 }).initialize();
  try {
    await seedDemoAccounts(dataSource, DEFAULT_DEMO_PASSWORD);
  } finally {
    await dataSource.destroy();
  }

  const [binary, temporalPort] = await Promise.all([ensureTemporalCli(log), freePort()]);
  const temporal: RunningTemporal = await startTemporalDevServer({ binary, port: temporalPort, logFile: join(workDir, 'temporal.log'), log });
  stopped.push(() => temporal.stop());

  const bareBundle = join(workDir, 'bare-workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(dist, 'tools/bench/bare.workflow.js'),
    logger: { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: log, log: () => undefined },
  });
  writeFileSync(bareBundle, code);

  const common: Record<string, string> = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: DUEFLOW_TASK_QUEUE, LOG_LEVEL: APP_LOG_LEVEL };
  /** The entry point to spawn, wrapped in the profiler when asked. */
  const entry = (name: string, script: string): { script: string; env: Record<string, string> } =>
    options.profileDir
      ? {
          script: join(dist, 'tools/bench/profile-wrapper.js'),
          env: { BENCH_PROFILE_SCRIPT: script, BENCH_PROFILE_OUT: join(options.profileDir, `${name}-${Date.now()}`) },
        }
      : { script, env: {} };
  const children: NodeService[] = [];
  stopped.push(async () => {
    // The API first (no new work), then the workers (in-flight tasks finish).
    const order = [...children].sort((a, b) => Number(b.name === 'api') - Number(a.name === 'api'));
    for (const child of order) await child.stop(15_000);
  });
  const track = (service: NodeService) => {
    children.push(service);
    return service;
  };
  const untrack = async (service: NodeService) => {
    await service.stop(15_000);
    children.splice(children.indexOf(service), 1);
  };

  let workerRuns = 0;
  const startWorker = async () => {
    const { script, env } = entry('worker', join(dist, 'apps/worker/src/main.js'));
    return track(
      await startNodeService({
        name: 'worker',
        script,
        // P2's generated rows are list rows without a process (some still `screening`); the
        // reconciler would start processes for them in the middle of the measurements.
        env: { ...common, ...env, WORKFLOW_BUNDLE_PATH: join(dist, 'workflow-bundle.js'), RECONCILE_INTERVAL_MS: '0' },
        logFile: join(workDir, `worker-${++workerRuns}.log`),
        ready: (output) => output.includes('"msg":"worker started"'),
      }),
    );
  };
  let bareRuns = 0;
  const startBareWorker = async () =>
    track(
      await startNodeService({
        name: 'bare-worker',
        script: join(dist, 'tools/bench/bare-worker.js'),
        env: { TEMPORAL_ADDRESS: temporal.address, BARE_TASK_QUEUE, BARE_WORKFLOW_BUNDLE: bareBundle },
        logFile: join(workDir, `bare-worker-${++bareRuns}.log`),
        ready: (output) => output.includes('"msg":"bare worker started"'),
      }),
    );

  const stack: BenchStack = {
    workDir,
    databaseUrl,
    temporalAddress: temporal.address,
    worker: await startWorker(),
    bareWorker: await startBareWorker(),
    api: undefined as never,
    restartWorker: async () => {
      await untrack(stack.worker);
      stack.worker = await startWorker();
      return stack.worker;
    },
    restartBareWorker: async () => {
      await untrack(stack.bareWorker);
      stack.bareWorker = await startBareWorker();
      return stack.bareWorker;
    },
    profiled: async (work) => {
      if (!options.profileDir) return work();
      const toggle = async () => {
        for (const child of [stack.api, stack.worker]) child.process.kill('SIGWINCH');
        await new Promise((r) => setTimeout(r, 100));
      };
      await toggle();
      try {
        return await work();
      } finally {
        await toggle();
      }
    },
    stop,
  };
  const apiPort = await freePort();
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const apiEntry = entry('api', join(dist, 'apps/api/src/main.js'));
  const api = track(
    await startNodeService({
      name: 'api',
      script: apiEntry.script,
      env: { ...common, ...apiEntry.env, NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), HOST: '127.0.0.1', PORT: String(apiPort) },
      logFile: join(workDir, 'api.log'),
      ready: async () => (await fetch(`${baseUrl}/health/ready`)).status === 200,
    }),
  );
  stack.api = Object.assign(api, { baseUrl });
  log(`stack ready: PostgreSQL ${postgres ? 'embedded' : 'from DATABASE_URL'}, Temporal ${temporal.address}, API ${baseUrl}, work dir ${workDir}`);
  return stack;
}
