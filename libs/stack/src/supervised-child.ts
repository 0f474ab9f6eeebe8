import { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SupervisedChild {
  /** Whether the child has exited (on its own or stopped). */
  exited(): boolean;
  /** Settles when the child exits, however that happens. */
  readonly whenExited: Promise<void>;
  /** Sends `signal`, then SIGKILL if the child is still running after `killAfterMs`; resolves once it has exited. */
  stop(signal: NodeJS.Signals, killAfterMs: number): Promise<void>;
}

/**
 * Watches a server child spawned with piped stdout and stderr: appends both to `logFile` (or
 * drains them when there is none, so a full pipe never blocks the child) and tracks its exit.
 */
export function superviseChild(child: ChildProcess, logFile: string | undefined): SupervisedChild {
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    const out = createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  return {
    exited: () => exited,
    whenExited: exit,
    stop: async (signal, killAfterMs) => {
      if (exited) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exit;
      clearTimeout(timer);
    },
  };
}
