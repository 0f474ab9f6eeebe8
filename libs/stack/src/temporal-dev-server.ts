import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StackLog, stderrLog } from './log';
import { GaveUp, isPortOpen, waitFor } from './ports';
import { superviseChild } from './supervised-child';

export interface TemporalDevServerOptions {
  binary: string;
  port: number;
  /** Web UI port; omit for a headless server (tests). */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; omit for in-memory (tests). */
  dbFile?: string;
  namespace?: string;
  /** Where the server's own log goes; defaults to discarding it. */
  logFile?: string;
  log?: StackLog;
}

export interface RunningTemporal {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` and waits until its frontend accepts connections. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const log = options.log ?? stderrLog;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  args.push('--namespace', options.namespace ?? 'default');
  if (options.uiPort) args.push('--ui-port', String(options.uiPort), '--ui-ip', '127.0.0.1');
  else args.push('--headless');
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  const child = spawn(options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  const supervised = superviseChild(child, options.logFile);
  try {
    await waitFor(`the Temporal dev server on port ${options.port}`, async () => {
      if (supervised.exited()) throw new GaveUp(`the Temporal dev server exited early (code ${child.exitCode}); see ${options.logFile ?? 'its output'}`);
      return isPortOpen(options.port);
    }, 60_000);
    if (options.uiPort) {
      await waitFor(`the Temporal Web UI on port ${options.uiPort}`, () => isPortOpen(options.uiPort!), 30_000);
    }
  } catch (error) {
    if (!supervised.exited()) child.kill('SIGKILL');
    throw error;
  }
  log(`Temporal dev server ready at 127.0.0.1:${options.port}${options.dbFile ? ` (data: ${options.dbFile})` : ' (in memory)'}`);
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    process: child,
    stop: () => supervised.stop('SIGTERM', 10_000),
  };
}
