import { randomUUID } from 'node:crypto';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createDataSource, DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';
import { createApiApp, loadApiConfig, registeredRoutes, RegisteredRoute } from '@dueflow/api';
import { createDueflowWorker } from '@dueflow/worker';
import { loadStackInfo } from './test-stack';
import { ADMIN, stillBeingAssigned } from './factories';

let runtimeInstalled = false;

/** The Temporal core runtime logs every worker state change at INFO; tests want warnings only. */
function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed by an earlier suite in this process
  }
}

export interface RunningDueflow {
  baseUrl: string;
  dataSource: DataSource;
  taskQueue: string;
  /** Every route the API registered (method and Fastify pattern). */
  routes: RegisteredRoute[];
  stop(): Promise<void>;
}

/**
 * The real system, in-process: a Temporal worker on its own task queue and the NestJS API listening
 * on a free port, both against the suite-wide PostgreSQL and Temporal server.
 */
export async function startDueflow(): Promise<RunningDueflow> {
  quietTemporalRuntime();
  const info = loadStackInfo();
  const taskQueue = `dueflow-test-${randomUUID()}`;
  const dataSource = await createDataSource({ url: info.databaseUrl, poolSize: 5, applicationName: 'dueflow-test' }).initialize();
  const connection = await NativeConnection.connect({ address: info.temporalAddress });
  const worker = await createDueflowWorker({
    connection,
    dataSource,
    namespace: 'default',
    taskQueue,
    workflowBundlePath: info.workflowBundlePath,
  });
  const running = worker.run();
  const stopWorker = async () => {
    worker.shutdown();
    await running;
    await connection.close();
    await dataSource.destroy();
  };
  const config = loadApiConfig({
    NODE_ENV: 'test',
    DATABASE_URL: info.databaseUrl,
    TEMPORAL_ADDRESS: info.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'silent',
    PORT: '0',
    CONSOLE_DIR: info.consoleDir,
  });
  let app: Awaited<ReturnType<typeof createApiApp>>;
  try {
    app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await stopWorker();
    throw error;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    baseUrl,
    dataSource,
    taskQueue,
    routes: registeredRoutes(app),
    stop: async () => {
      await app.close();
      await stopWorker();
    },
  };
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as-is (for malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A tiny HTTP client over fetch: real requests, JSON in and out. */
export class Http {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = headers['content-type'] ?? 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. metrics)
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** Logs in once per email and remembers the token. */
  async token(email: string, password = DEFAULT_DEMO_PASSWORD): Promise<string> {
    const cached = this.tokens.get(email);
    if (cached) return cached;
    const res = await this.request('POST', '/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(email, res.body.accessToken);
    return res.body.accessToken;
  }

  async as<T = any>(email: string, method: string, path: string, options: Omit<RequestOptions, 'token'> = {}): Promise<HttpResult<T>> {
    return this.request<T>(method, path, { ...options, token: await this.token(email) });
  }
}

export async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `POST /tasks/{id}/review` as a client should send it. A task is listed as soon as its row
 * commits; the workflow takes it in a moment later, and until then the API answers 409 "the task is
 * still being assigned; retry in a few seconds". That answer is retried; any other is returned.
 */
export async function postReview(http: Http, reviewer: string, taskId: string, body: unknown, timeoutMs = 30_000): Promise<HttpResult> {
  return eventually(
    `task ${taskId} taken in by its workflow`,
    async () => {
      const res = await http.as(reviewer, 'POST', `/tasks/${taskId}/review`, { body });
      return stillBeingAssigned(res) ? undefined : res;
    },
    timeoutMs,
  );
}

/** The system plus an HTTP client on it: what most suites start in `beforeAll`. */
export async function startDueflowWithClient(): Promise<{ stack: RunningDueflow; http: Http }> {
  const stack = await startDueflow();
  return { stack, http: new Http(stack.baseUrl) };
}

/** Puts `policy` in force as the admin: PUT /policy replaces the version read just before (optimistic concurrency). */
export async function usePolicy(http: Http, policy: object): Promise<void> {
  const { version } = (await http.as(ADMIN, 'GET', '/policy')).body;
  const res = await http.as(ADMIN, 'PUT', '/policy', { body: { ...policy, version } });
  if (res.status !== 200) throw new Error(`PUT /policy answered ${res.status}: ${JSON.stringify(res.body)}`);
}
