import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  NodeService,
  RunningPostgres,
  RunningTemporal,
  ensureDatabase,
  ensureTemporalCli,
  freePort,
  startEmbeddedPostgres,
  startTemporalDevServer,
} from '@dueflow/stack';
import { DEFAULT_DEMO_PASSWORD, createDataSource, runMigrations, seedDemoAccounts } from '@dueflow/persistence';
import { API_SCRIPT, ApiProcess, ServiceEnv, WORKER_SCRIPT, WORKFLOW_BUNDLE, startApiProcess, startWorkerProcess } from '../support/processes';
import { WebhookReceiver } from './webhook-receiver';

export type Log = (message: string) => void;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A child process the suite keeps alive. Kills it on purpose (`crash`) and starts it again; an exit
 * nobody asked for is recorded in `unplannedExits` and the process is started again too, so one
 * surprise does not stall the whole run (the suite reports it instead).
 */
export class Supervised<T extends NodeService> {
  current: T | null = null;
  readonly unplannedExits: string[] = [];
  private stopping = false;

  constructor(
    readonly name: string,
    private readonly launch: () => Promise<T>,
    private readonly log: Log,
  ) {}

  /** Starts the process, retrying a start that fails (a dependency restarting, dist/ being rebuilt). */
  async start(): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const service = await this.launch();
        this.current = service;
        void service.exited.then((exit) => {
          if (this.current !== service || this.stopping) return;
          this.current = null;
          const what = `${this.name} (pid ${service.pid}) exited by itself: ${exit.signal ?? `code ${exit.code}`}`;
          this.unplannedExits.push(what);
          this.log(`UNPLANNED: ${what}; last output:\n${service.output().slice(-3000)}`);
          void sleep(1_000).then(() => (this.stopping ? undefined : this.start()));
        });
        return service;
      } catch (error) {
        if (attempt >= 30 || this.stopping) throw error;
        this.log(`${this.name} did not start (attempt ${attempt}): ${String(error).split('\n')[0]}; retrying`);
        await sleep(1_000);
      }
    }
  }

  /** kill -9, `downMs` with nothing running, then a fresh process. Returns the killed pid. */
  async crash(downMs: number): Promise<number> {
    const pid = await this.kill();
    await sleep(downMs);
    await this.start();
    return pid;
  }

  /** kill -9, and no restart until `start()`. Returns the killed pid. */
  async kill(): Promise<number> {
    const victim = this.current;
    if (!victim) throw new Error(`${this.name} is not running`);
    this.current = null;
    await victim.crash();
    return victim.pid;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const service = this.current;
    this.current = null;
    await service?.stop(10_000);
  }
}

/** PostgreSQL the suite owns: same data directory and port on every (re)start. */
class OwnPostgres {
  private running: RunningPostgres | null = null;
  serverUrl = '';

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly log: Log,
  ) {}

  async start(): Promise<void> {
    this.running = await startEmbeddedPostgres({ dataDir: this.dataDir, port: this.port, log: (m) => this.log(`postgres: ${m}`) });
    this.serverUrl = this.running.serverUrl;
  }

  async restart(downMs: number): Promise<void> {
    await this.stop();
    await sleep(downMs);
    await this.start();
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    await running?.stop();
  }
}

/** The Temporal dev server the suite owns, persisting to SQLite: workflows survive its restart. */
class OwnTemporal {
  private running: RunningTemporal | null = null;

  constructor(
    private readonly binary: string,
    readonly port: number,
    private readonly dbFile: string,
    private readonly logFile: string,
    private readonly log: Log,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.running = await startTemporalDevServer({
      binary: this.binary,
      port: this.port,
      dbFile: this.dbFile,
      logFile: this.logFile,
      log: (m) => this.log(`temporal: ${m}`),
    });
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    await running?.stop();
  }
}

/**
 * A private copy of dist/ (with the repo's node_modules linked beside it): other suites rebuild
 * dist/ (rm -rf, then compile), and a process restarted in that window would not start, or would
 * load half old, half new code.
 */
function snapshotDist(workDir: string): string {
  const dist = dirname(WORKFLOW_BUNDLE);
  const app = join(workDir, 'app');
  cpSync(dist, join(app, 'dist'), { recursive: true });
  symlinkSync(join(dirname(dist), 'node_modules'), join(app, 'node_modules'), 'dir');
  for (const file of [API_SCRIPT, WORKER_SCRIPT, WORKFLOW_BUNDLE]) {
    const copy = join(app, 'dist', file.slice(dist.length));
    if (!existsSync(copy)) throw new Error(`dist/ was being rebuilt while it was copied (${copy} is missing); run again`);
  }
  return join(app, 'dist');
}

const TASK_QUEUE = 'dueflow-faults';
const DATABASE = 'dueflow_faults';
/**
 * The worker's start reconciler looks every second and steps in 8 s after a submission (defaults:
 * 30 s and 60 s), so the probes whose clients give up are started within the run; the short grace
 * also has it race the API's own starts and the clients' retries, which must stay harmless.
 */
const RECONCILER_ENV = { RECONCILE_INTERVAL_MS: '1000', RECONCILE_GRACE_MS: '8000' };

/**
 * Everything the fault suite runs, started by the suite itself in a temp folder: its own embedded
 * PostgreSQL (never the machine's shared server), its own Temporal dev server persisting to SQLite,
 * a webhook receiver, two API processes and one worker process from dist/.
 */
export class FaultStack {
  readonly receiver = new WebhookReceiver();
  readonly apis: Array<Supervised<ApiProcess>> = [];
  /** The API addresses, fixed for the whole run: a restarted API comes back on its port. */
  readonly apiUrls: string[] = [];
  worker!: Supervised<NodeService>;
  databaseUrl = '';
  private postgres!: OwnPostgres;
  private temporal!: OwnTemporal;

  private constructor(
    readonly workDir: string,
    private readonly log: Log,
  ) {}

  static async start(log: Log, apiCount = 2): Promise<FaultStack> {
    const workDir = mkdtempSync(join(tmpdir(), 'dueflow-faults-'));
    // As root, PostgreSQL runs as `postgres` and must reach its data directory inside.
    chmodSync(workDir, 0o755);
    const stack = new FaultStack(workDir, log);
    try {
      await stack.boot(apiCount);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  private async boot(apiCount: number): Promise<void> {
    const distDir = snapshotDist(this.workDir);
    const [pgPort, temporalPort, binary] = await Promise.all([freePort(), freePort(), ensureTemporalCli(this.log)]);
    this.postgres = new OwnPostgres(join(this.workDir, 'postgres'), pgPort, this.log);
    await this.postgres.start();
    this.databaseUrl = await ensureDatabase(this.postgres.serverUrl, DATABASE);
    await runMigrations(this.databaseUrl);
    const dataSource = await createDataSource({ url: this.databaseUrl, poolSize: 1 }).initialize();
    try {
      await seedDemoAccounts(dataSource, DEFAULT_DEMO_PASSWORD);
    } finally {
      await dataSource.destroy();
    }

    this.temporal = new OwnTemporal(binary, temporalPort, join(this.workDir, 'temporal.sqlite'), join(this.workDir, 'temporal.log'), this.log);
    await this.temporal.start();
    await this.receiver.start();

    const env: ServiceEnv = { DATABASE_URL: this.databaseUrl, TEMPORAL_ADDRESS: this.temporal.address, TEMPORAL_TASK_QUEUE: TASK_QUEUE };
    const ports = await Promise.all(Array.from({ length: apiCount }, () => freePort()));
    ports.forEach((port, i) => {
      const name = `api-${i + 1}`;
      this.apiUrls.push(`http://127.0.0.1:${port}`);
      this.apis.push(new Supervised(name, () => startApiProcess(name, env, { port, distDir, logFile: join(this.workDir, `${name}.log`) }), this.log));
    });
    this.worker = new Supervised(
      'worker',
      () =>
        startWorkerProcess('worker', { ...env, NOTIFY_WEBHOOK_URL: this.receiver.url, NOTIFY_POLL_INTERVAL_MS: '250', LOG_LEVEL: 'info', ...RECONCILER_ENV }, {
          distDir,
          logFile: join(this.workDir, 'worker.log'),
        }),
      this.log,
    );
    await Promise.all([...this.apis.map((api) => api.start()), this.worker.start()]);
  }

  restartPostgres(downMs: number): Promise<void> {
    return this.postgres.restart(downMs);
  }

  stopTemporal(): Promise<void> {
    return this.temporal.stop();
  }

  startTemporal(): Promise<void> {
    return this.temporal.start();
  }

  get temporalAddress(): string {
    return this.temporal.address;
  }

  unplannedExits(): string[] {
    return [...this.apis, this.worker].flatMap((s) => s?.unplannedExits ?? []);
  }

  async stop(): Promise<void> {
    await Promise.all(this.apis.map((api) => api.stop().catch(() => undefined)));
    await this.worker?.stop().catch(() => undefined);
    await this.receiver.stop().catch(() => undefined);
    await this.temporal?.stop().catch(() => undefined);
    await this.postgres?.stop().catch(() => undefined);
  }

  removeWorkDir(): void {
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
