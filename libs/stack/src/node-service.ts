import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

export interface NodeServiceOptions {
  /** For logs and errors: `api`, `worker-2`. */
  name: string;
  /** A compiled entry point (dist/…/main.js). */
  script: string;
  /** Added to this process's environment. */
  env: Record<string, string>;
  /** Where the child's stdout and stderr go; without it (and without `onLine`) they are inherited. */
  logFile?: string;
  /** Receives the child's output line by line instead (`npm start` pretty-prints it at a terminal). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Resolves true once the service is ready; polled until `readyTimeoutMs`. Without it, ready at spawn. */
  ready?: (output: string) => Promise<boolean> | boolean;
  readyTimeoutMs?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A dueflow process (api, worker) running as a child: what `npm start` and the process-level tests drive. */
export interface NodeService {
  readonly name: string;
  readonly process: ChildProcess;
  readonly pid: number;
  /** Settles when the child exits, however that happens. */
  readonly exited: Promise<Exit>;
  isRunning(): boolean;
  /** The child's latest output, up to 1 MiB (when it writes to a log file). */
  output(): string;
  /** kill -9: no chance to clean up, as in a crash. */
  crash(): Promise<Exit>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<Exit>;
  /** Resident set size now, from /proc (Linux). */
  rssBytes(): number;
}

/** How much of a child's latest output is kept in memory (for readiness checks and error reports). */
const KEPT_OUTPUT_BYTES = 1024 * 1024;

/** Starts a compiled Node entry point as a child and waits until it says it is ready. */
export async function startNodeService(options: NodeServiceOptions): Promise<NodeService> {
  const logged: Buffer[] = [];
  let kept = 0;
  const child = spawn(process.execPath, ['--enable-source-maps', options.script], {
    env: { ...process.env, ...options.env },
    stdio: options.logFile || options.onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (options.onLine && !options.logFile) {
    forwardLines(child.stdout!, (line) => options.onLine!(line, 'stdout'));
    forwardLines(child.stderr!, (line) => options.onLine!(line, 'stderr'));
  }
  if (options.logFile) {
    const file = createWriteStream(options.logFile, { flags: 'a' });
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        logged.push(chunk);
        kept += chunk.length;
        while (kept > KEPT_OUTPUT_BYTES && logged.length > 1) kept -= logged.shift()!.length;
        file.write(chunk);
      });
    }
    child.once('exit', () => file.end());
  }
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A child that could not be spawned at all emits no exit; unhandled, this error would end the parent.
    child.once('error', () => {
      if (child.pid === undefined) resolve({ code: null, signal: null });
    });
  });
  const output = () => Buffer.concat(logged).toString('utf8');
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const service: NodeService = {
    name: options.name,
    process: child,
    pid: child.pid ?? -1,
    exited,
    isRunning,
    output,
    crash: async () => {
      if (isRunning()) child.kill('SIGKILL');
      return exited;
    },
    stop: async (graceMs = 15_000) => {
      if (!isRunning()) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
    rssBytes: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
      return kb ? Number(kb[1]) * 1024 : 0;
    },
  };
  if (options.ready) await waitUntilReady(service, options.ready, options.readyTimeoutMs ?? 60_000);
  return service;
}

/** Calls `onLine` for each complete line of `stream`, and for a last unterminated one at its end. */
function forwardLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
    pending = '';
  });
}

async function waitUntilReady(service: NodeService, ready: (output: string) => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!service.isRunning()) {
      const exit = await service.exited;
      throw new Error(`${service.name} exited before it was ready (${exit.signal ?? `code ${exit.code}`}):\n${service.output().slice(-4000)}`);
    }
    if (await Promise.resolve(ready(service.output())).catch(() => false)) return;
    if (Date.now() > deadline) {
      await service.crash();
      throw new Error(`${service.name} was not ready within ${timeoutMs} ms:\n${service.output().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
