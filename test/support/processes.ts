import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NodeService, freePort, startNodeService } from '@dueflow/stack';

/**
 * The compiled api and worker as real child processes, for suites that must kill -9 them, restart
 * them, run several of each, or measure them: the in-process harness (harness.ts) can't.
 */
const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
export const API_SCRIPT = join(DIST, 'apps/api/src/main.js');
export const WORKER_SCRIPT = join(DIST, 'apps/worker/src/main.js');
export const WORKFLOW_BUNDLE = join(DIST, 'workflow-bundle.js');

/** Builds dist/ (and the workflow bundle) unless it is newer than every source file. */
export function ensureDist(log: (message: string) => void = () => undefined): void {
  if (existsSync(WORKFLOW_BUNDLE) && newestSource() < statSync(WORKFLOW_BUNDLE).mtimeMs) return;
  log('building dist/ for the process-level suites');
  const build = spawnSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['apps', 'libs', 'workflows', 'tools']) walk(join(ROOT, dir));
  return newest;
}

/** What both processes need: where PostgreSQL and Temporal are, which task queue. */
export interface ServiceEnv {
  DATABASE_URL: string;
  TEMPORAL_ADDRESS: string;
  TEMPORAL_TASK_QUEUE: string;
  [name: string]: string;
}

export interface ApiProcess extends NodeService {
  baseUrl: string;
  port: number;
}

/** Starts dist's API on `port` (a free one by default) and waits for GET /health/ready. */
export async function startApiProcess(name: string, env: ServiceEnv, options: { port?: number; logFile?: string; distDir?: string } = {}): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const service = await startNodeService({
    name,
    script: options.distDir ? join(options.distDir, 'apps/api/src/main.js') : API_SCRIPT,
    env: { LOG_LEVEL: 'warn', NODE_ENV: 'test', HOST: '127.0.0.1', ...env, PORT: String(port) },
    logFile: options.logFile ?? '/dev/null',
    ready: async () => (await fetch(`${baseUrl}/health/ready`)).status === 200,
  });
  return Object.assign(service, { baseUrl, port });
}

/** Starts dist's worker on the prebuilt workflow bundle and waits for its "worker started" line. */
export function startWorkerProcess(name: string, env: ServiceEnv, options: { logFile?: string; distDir?: string } = {}): Promise<NodeService> {
  return startNodeService({
    name,
    script: options.distDir ? join(options.distDir, 'apps/worker/src/main.js') : WORKER_SCRIPT,
    // info: the readiness line is logged at info.
    env: { LOG_LEVEL: 'info', WORKFLOW_BUNDLE_PATH: options.distDir ? join(options.distDir, 'workflow-bundle.js') : WORKFLOW_BUNDLE, ...env },
    logFile: options.logFile ?? '/dev/null',
    ready: (output) => output.includes('"msg":"worker started"'),
  });
}
