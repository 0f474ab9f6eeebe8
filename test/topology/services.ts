import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { NodeService, freePort, startNodeService } from '@dueflow/stack';
import type { ServiceEnv } from '../support/processes';
import { until } from './failover-client';
import { TopologyStackInfo } from './topology-stack';

/** One secret for every API instance: a token from one is good on the others. */
const JWT_SECRET = 'dueflow-topology-shared-secret-0123456789abcdef';

export interface ApiProcess extends NodeService {
  baseUrl: string;
}

/** This run's compiled API on a free port, ready once GET /health/ready answers 200. */
async function startApi(info: TopologyStackInfo, name: string, env: ServiceEnv, logFile: string): Promise<ApiProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const service = await startNodeService({
    name,
    script: info.build.apiScript,
    env: { LOG_LEVEL: 'warn', NODE_ENV: 'test', HOST: '127.0.0.1', ...env, PORT: String(port) },
    logFile,
    ready: async () => (await fetch(`${baseUrl}/health/ready`)).status === 200,
  });
  return Object.assign(service, { baseUrl });
}

/** This run's compiled worker on its prebuilt bundle, ready at its "worker started" line (logged at info). */
function startWorker(info: TopologyStackInfo, name: string, env: ServiceEnv, logFile: string): Promise<NodeService> {
  return startNodeService({
    name,
    script: info.build.workerScript,
    env: { LOG_LEVEL: 'info', WORKFLOW_BUNDLE_PATH: info.build.workflowBundle, ...env },
    logFile,
    ready: (output) => output.includes('"msg":"worker started"'),
  });
}

export interface Fleet {
  taskQueue: string;
  env: ServiceEnv;
  workers: NodeService[];
  apis: ApiProcess[];
  stop(): Promise<void>;
}

/** Starts `workers` workers and `apis` API instances as child processes on one fresh task queue. */
export async function startFleet(info: TopologyStackInfo, options: { workers: number; apis: number; name: string; workerEnv?: Record<string, string> }): Promise<Fleet> {
  const taskQueue = `dueflow-topology-${options.name}-${randomUUID().slice(0, 8)}`;
  const env: ServiceEnv = {
    DATABASE_URL: info.databaseUrl,
    TEMPORAL_ADDRESS: info.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    JWT_SECRET,
    DATABASE_POOL_SIZE: '10',
  };
  const log = (kind: string, i: number) => join(info.workDir, `${options.name}-${kind}-${i + 1}.log`);
  const workers: NodeService[] = [];
  const apis: ApiProcess[] = [];
  const stop = async () => {
    await Promise.all(apis.map((a) => a.stop()));
    await Promise.all(workers.map((w) => w.stop(30_000)));
  };
  try {
    // One at a time: each start compiles and loads a lot; two cores.
    for (let i = 0; i < options.workers; i++) {
      workers.push(await startWorker(info, `worker-${i + 1}`, { ...env, ...options.workerEnv }, log('worker', i)));
    }
    for (let i = 0; i < options.apis; i++) apis.push(await startApi(info, `api-${i + 1}`, env, log('api', i)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { taskQueue, env, workers, apis, stop };
}

/** Counts the task queue's workflows by status through Temporal's visibility store (SQL, on the same PostgreSQL). */
export async function workflowCounts(info: TopologyStackInfo, taskQueue: string): Promise<{ total: number; completed: number; running: number }> {
  const connection = await Connection.connect({ address: info.temporalAddress });
  try {
    const client = new Client({ connection, namespace: 'default' });
    const count = async (extra: string) => (await client.workflow.count(`TaskQueue = '${taskQueue}'${extra}`)).count;
    return { total: await count(''), completed: await count(` AND ExecutionStatus = 'Completed'`), running: await count(` AND ExecutionStatus = 'Running'`) };
  } finally {
    await connection.close();
  }
}

/**
 * `workflowCounts` once visibility (written asynchronously) shows `expected` workflows completed, or
 * the counts as they stand after a minute.
 */
export function settledWorkflowCounts(info: TopologyStackInfo, taskQueue: string, expected: number): Promise<{ total: number; completed: number; running: number }> {
  return until('visibility to show every workflow completed', async () => {
    const counts = await workflowCounts(info, taskQueue);
    return counts.completed === expected ? counts : undefined;
  }, 60_000, 1000).catch(() => workflowCounts(info, taskQueue));
}

/** Samples a child's resident set size every `intervalMs`; `stop()` returns the peak and the samples. */
export function sampleRss(service: NodeService, intervalMs = 1000): { stop(): { peak: number; last: number; samples: number[] } ; current(): number } {
  const samples: number[] = [];
  const take = () => {
    if (!service.isRunning()) return;
    try {
      samples.push(service.rssBytes());
    } catch {
      // exited between the check and the read
    }
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    current: () => samples[samples.length - 1] ?? 0,
    stop: () => {
      clearInterval(timer);
      take();
      return { peak: Math.max(0, ...samples), last: samples[samples.length - 1] ?? 0, samples };
    },
  };
}

export const MiB = 1024 * 1024;
