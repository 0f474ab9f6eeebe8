import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';
import { dropDatabase, freePort, waitFor } from '@dueflow/stack';
import { OFFICER, projectBody } from '../support/factories';
import { Http, eventually } from '../support/harness';
import { ensureDist } from '../support/processes';
import { loadStackInfo } from '../support/test-stack';

/**
 * `npm start` as an office runs it: the compiled tools/start.js, its supervisor and its real worker
 * and API, against the suite's PostgreSQL (a database of its own) and Temporal server. A worker
 * killed with -9 comes back and says so; SIGTERM stops everything; a worker that keeps crashing
 * stops the stack with exit code 1.
 */

const START_SCRIPT = join(resolve(__dirname, '..', '..'), 'dist/tools/start.js');
const log = (message: string) => process.stderr.write(`[supervise] ${message}\n`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One run of dist/tools/start.js, its output kept. */
class StartProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(
    env: Record<string, string>,
    readonly baseUrl: string,
  ) {
    this.child = spawn(process.execPath, [START_SCRIPT], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8').on('data', (c: string) => (this.stdout += c));
    this.child.stderr!.setEncoding('utf8').on('data', (c: string) => (this.stderr += c));
    this.exited = new Promise((done) => this.child.once('exit', (code, signal) => done({ code, signal })));
  }

  /** Every pid the supervisor said a service runs as, in order. */
  pids(service: string): number[] {
    return [...this.stderr.matchAll(new RegExp(`\\[dueflow\\] ${service} running \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
  }

  async ready(): Promise<void> {
    await waitFor('npm start to be ready', async () => {
      if (this.child.exitCode !== null) throw new Error(`start exited early:\n${this.stderr}`);
      return this.stdout.includes('dueflow is running') && (await fetch(`${this.baseUrl}/health/ready`)).status === 200;
    }, 90_000, 250);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Settles with the exit, or rejects when the process is still running after `ms`. */
  exitWithin(ms: number) {
    return Promise.race([this.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after ${ms} ms:\n${this.stderr}`)), ms).unref())]);
  }

  /** For afterAll: whatever the test left running. */
  async kill(): Promise<void> {
    const pids = [...this.pids('worker'), ...this.pids('api')];
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
}

async function startEnv(database: string, extra: Record<string, string> = {}) {
  const info = loadStackInfo();
  const port = await freePort();
  const env = {
    DATABASE_URL: `${info.serverUrl}/${database}`,
    TEMPORAL_ADDRESS: info.temporalAddress,
    TEMPORAL_TASK_QUEUE: `dueflow-supervise-${randomUUID()}`,
    PORT: String(port),
    NODE_ENV: 'development',
    ...extra,
  };
  return { env, baseUrl: `http://127.0.0.1:${port}` };
}

beforeAll(() => ensureDist(log), 300_000);

describe('npm start supervises the worker and the API', () => {
  const database = `dueflow_supervise_${randomBytes(4).toString('hex')}`;
  let start: StartProcess;
  afterAll(async () => {
    await start?.kill();
    await dropDatabase(loadStackInfo().serverUrl, database);
  });

  it('restarts a worker killed with -9, says so, and the new one does the work; SIGTERM then stops everything', async () => {
    const { env, baseUrl } = await startEnv(database, { LOG_FORMAT: 'pretty' });
    start = new StartProcess(env, baseUrl);
    await start.ready();
    const http = new Http(baseUrl);

    // Pretty lines at "a terminal" (LOG_FORMAT=pretty): short request lines, no raw JSON.
    expect((await http.request('POST', '/auth/login', { body: { email: OFFICER, password: DEFAULT_DEMO_PASSWORD } })).status).toBe(200);
    await eventually('the login request in the pretty log', async () => /^\d\d:\d\d:\d\d api +POST \/auth\/login 200 \d+ms$/m.test(start.stdout), 10_000);
    // The API can answer before the worker has logged its start (it bundles the workflows first): wait for the line.
    await eventually('the worker start line in the pretty log', async () => /^\d\d:\d\d:\d\d worker +worker started /m.test(start.stdout), 60_000);
    expect(start.stdout.split('\n').filter((line) => line.startsWith('{'))).toEqual([]);

    const [worker] = start.pids('worker');
    const [api] = start.pids('api');
    process.kill(worker!, 'SIGKILL');
    await eventually('the worker restarted', async () => start.pids('worker').length === 2, 30_000);
    expect(start.stderr).toContain('[dueflow] worker exited (signal SIGKILL); restarting in 1 s (attempt 1)');
    const restarted = start.pids('worker')[1]!;
    expect(restarted).not.toBe(worker);
    expect(alive(worker!)).toBe(false);
    expect(alive(restarted)).toBe(true);
    expect(start.pids('api')).toEqual([api]);
    expect((await fetch(`${baseUrl}/health/ready`)).status).toBe(200);

    // The restarted worker runs processes: a new project gets its panel.
    const created = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    expect(created.status).toBe(201);
    await eventually('the new project assigned by the restarted worker', async () => (await http.as(OFFICER, 'GET', `/projects/${created.body.id}`)).body.status === 'in_review', 60_000);

    start.signal('SIGTERM');
    expect(await start.exitWithin(60_000)).toEqual({ code: 0, signal: null });
    expect(start.stderr).toContain('Stopping (SIGTERM)');
    expect(start.stderr).not.toMatch(/restarting in .* \(attempt 2\)/);
    for (const pid of [restarted, api!]) expect({ pid, alive: alive(pid) }).toEqual({ pid, alive: false });
  }, 240_000);
});

describe('npm start gives up on a worker that keeps crashing', () => {
  const database = `dueflow_supervise_${randomBytes(4).toString('hex')}`;
  let start: StartProcess;
  afterAll(async () => {
    await start?.kill();
    await dropDatabase(loadStackInfo().serverUrl, database);
  });

  it('restarts it with growing delays, then stops the whole stack with exit code 1 and says why', async () => {
    // A worker setting the worker refuses at boot (the API does not read it): it exits 1 each time.
    const { env, baseUrl } = await startEnv(database, { NOTIFY_BATCH_SIZE: '0' });
    start = new StartProcess(env, baseUrl);
    const exit = await start.exitWithin(150_000);
    expect(exit).toEqual({ code: 1, signal: null });
    const restarts = [...start.stderr.matchAll(/\[dueflow\] worker exited \(code 1\); restarting in (\d+) s \(attempt (\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(restarts).toEqual([
      [1, 1],
      [2, 2],
      [4, 3],
      [8, 4],
    ]);
    expect(start.stderr).toContain('[dueflow] worker exited (code 1); worker crashed 5 times within 2 min; not restarting it again');
    expect(start.stderr).toContain('Stopping (worker crashed 5 times within 2 min; not restarting it again)');
    expect(start.pids('worker')).toHaveLength(5);
    for (const pid of [...start.pids('worker'), ...start.pids('api')]) expect({ pid, alive: alive(pid) }).toEqual({ pid, alive: false });
    // Not a terminal and no LOG_FORMAT: the apps' own JSON lines.
    expect(start.stdout).toMatch(/^\{"level":\d+,.*"name":"dueflow-api"/m);
  }, 200_000);
});
