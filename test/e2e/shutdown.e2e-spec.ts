import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';
import { freePort, isPortOpen, waitFor } from '@dueflow/stack';
import { ADMIN, MANAGER, OFFICER, projectBody } from '../support/factories';
import { Http, eventually } from '../support/harness';
import { ApiProcess, ServiceEnv, ensureDist, startApiProcess, startWorkerProcess } from '../support/processes';
import { loadStackInfo } from '../support/test-stack';

/**
 * Graceful shutdown of the compiled processes, as an orchestrator does it (`docker stop`, a
 * rolling deploy): SIGTERM, then wait. The API must answer every request it had accepted and
 * refuse new connections; the worker must finish the activity it is running; both exit 0.
 */

const SHUTDOWN_TIMEOUT_MS = 20_000;
/** Concurrent logins held in flight across the API's SIGTERM. */
const LOGINS = 12;
/**
 * Spread over three accounts: an attempt counts against its account's limit (5) until it has
 * succeeded, so a sixth concurrent sign-in to one account is refused before it reaches the users table.
 */
const LOGIN_ACCOUNTS = [OFFICER, MANAGER, ADMIN];
/** ProcessStore.assignReviewers serialises on this advisory lock: holding it parks the activity mid-flight. */
const ASSIGNMENT_LOCK = 7_361_001;

const log = (message: string) => process.stderr.write(`[shutdown] ${message}\n`);

function serviceEnv(): ServiceEnv {
  const info = loadStackInfo();
  return {
    DATABASE_URL: info.databaseUrl,
    TEMPORAL_ADDRESS: info.temporalAddress,
    TEMPORAL_TASK_QUEUE: `dueflow-shutdown-${randomUUID()}`,
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  };
}

/** Settles with the exit, or rejects when the process is still running after `ms`. */
function exitWithin(service: { exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }, ms: number) {
  return Promise.race([
    service.exited,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running ${ms} ms after SIGTERM`)), ms).unref()),
  ]);
}

beforeAll(() => ensureDist(log), 300_000);

describe('API graceful shutdown', () => {
  let api: ApiProcess;
  let db: Client;
  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await api?.crash();
  });

  it('answers the requests in flight at SIGTERM, refuses new connections, exits 0', async () => {
    const env = serviceEnv();
    api = await startApiProcess('api', { ...env, DATABASE_POOL_SIZE: String(LOGINS) }, { logFile: join(loadStackInfo().workDir, 'shutdown-api.log') });
    db = new Client({ connectionString: loadStackInfo().databaseUrl });
    await db.connect();

    // Logins read the users table: while this transaction holds it exclusively, each login waits
    // in PostgreSQL, accepted and in flight for as long as the test wants, whatever the machine's
    // speed. (A request still in the kernel's accept queue when the port closes is reset by TCP
    // itself; waiting for every login to reach PostgreSQL rules that out.)
    await db.query('BEGIN');
    await db.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    const finished: number[] = [];
    const inFlight = Array.from({ length: LOGINS }, (_, i) =>
      fetch(`${api.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: LOGIN_ACCOUNTS[i % LOGIN_ACCOUNTS.length], password: DEFAULT_DEMO_PASSWORD }),
      }).then(async (res) => {
        const body = (await res.json()) as { accessToken?: string };
        finished.push(Date.now());
        return { status: res.status, token: body.accessToken };
      }),
    );
    await waitFor('every login to wait on the users table', async () => (await lockWaiters(db, 'users')) === LOGINS, 20_000, 20);

    const signalledAt = Date.now();
    api.process.kill('SIGTERM');
    await waitFor('the API to stop accepting connections', async () => !(await isPortOpen(api.port)), 5_000, 20);
    const pendingWhenClosed = inFlight.length - finished.length;
    await db.query('COMMIT');

    const results = await Promise.all(inFlight);
    const exit = await exitWithin(api, SHUTDOWN_TIMEOUT_MS);
    const exitedAt = Date.now();
    log(`api: ${pendingWhenClosed} requests pending when the port closed; last answer ${Math.max(...finished) - signalledAt} ms and exit ${exitedAt - signalledAt} ms after SIGTERM`);

    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    expect(results.every((r) => typeof r.token === 'string')).toBe(true);
    // They really were in flight: answered after the signal, while the port was already closed.
    expect(Math.min(...finished)).toBeGreaterThan(signalledAt);
    expect(pendingWhenClosed).toBe(LOGINS);
    expect(exit).toEqual({ code: 0, signal: null });
    // Not held open by the clients' keep-alive sockets (Fastify keeps idle ones for 72 s).
    expect(exitedAt - Math.max(...finished)).toBeLessThan(5_000);
    expect(api.output()).toContain('SIGTERM received, draining in-flight requests');
    expect(await isPortOpen(api.port)).toBe(false);
  });
});

/** Sessions waiting for a lock on `table`. */
async function lockWaiters(db: Client, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = $1::regclass`, [table]);
  return rows[0]!.n;
}

describe('worker graceful shutdown', () => {
  let api: ApiProcess | undefined;
  let db: Client;
  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await api?.stop();
  });

  it('finishes the activity in flight at SIGTERM, reports unhealthy while draining, exits 0', async () => {
    const env = serviceEnv();
    const { workDir, databaseUrl } = loadStackInfo();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    api = await startApiProcess('api', env, { logFile: join(workDir, 'shutdown-worker-api.log') });
    const healthPort = await freePort();
    const worker = await startWorkerProcess('worker', { ...env, WORKER_HEALTH_PORT: String(healthPort) }, { logFile: join(workDir, 'shutdown-worker.log') });
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${healthPort}/health`);
      return { status: res.status, body: (await res.json()) as { worker: string } };
    };
    try {
      expect(await health()).toEqual({ status: 200, body: { status: 'ok', worker: 'RUNNING' } });

      // Park the reviewer-assignment activity inside its transaction.
      await db.query('SELECT pg_advisory_lock($1)', [ASSIGNMENT_LOCK]);
      const http = new Http(api.baseUrl);
      const created = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
      expect(created.status).toBe(201);
      const projectId: string = created.body.id;
      await eventually('the assignment activity to be waiting on the lock', async () => {
        const { rows } = await db.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted", [ASSIGNMENT_LOCK]);
        return rows[0].n > 0;
      });

      const signalledAt = Date.now();
      worker.process.kill('SIGTERM');
      // Draining: the process waits for the activity and says it is no longer healthy.
      const draining = await eventually('the health endpoint to report the drain', async () => {
        const h = await health();
        return h.status === 503 ? h : undefined;
      });
      expect(draining.body.worker).not.toBe('RUNNING');
      await new Promise((r) => setTimeout(r, 1_000));
      expect(worker.isRunning()).toBe(true);

      const releasedAt = Date.now();
      await db.query('SELECT pg_advisory_unlock($1)', [ASSIGNMENT_LOCK]);
      const exit = await exitWithin(worker, SHUTDOWN_TIMEOUT_MS);
      log(`worker: drained ${releasedAt - signalledAt} ms with the activity parked; exit ${Date.now() - releasedAt} ms after it could finish`);

      expect(exit).toEqual({ code: 0, signal: null });
      expect(worker.output()).toContain('"msg":"worker stopping: finishing in-flight tasks"');
      expect(worker.output()).toContain('"msg":"worker stopped"');
      // The activity that was mid-transaction at SIGTERM committed its work.
      const { rows } = await db.query('SELECT count(*)::int AS n FROM review_tasks WHERE project_id = $1', [projectId]);
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await db.query('SELECT pg_advisory_unlock_all()');
      await worker.crash();
    }
  });
});
