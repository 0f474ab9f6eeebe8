import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheRoot, findTool, goInstall } from './go-install';
import { StackLog, stderrLog } from './log';
import { GaveUp, isPortOpen, waitFor } from './ports';
import { superviseChild } from './supervised-child';

/**
 * Mailpit: a local SMTP server with a web UI and an HTTP API over what it received. The stack
 * builds it once with `go install` (like the Temporal CLI) so `npm start` and the tests can deliver
 * real e-mail without an outside service.
 */
export const MAILPIT_VERSION = 'v1.33.1';
const MODULE = 'github.com/axllent/mailpit';

export function cachedMailpitPath(): string {
  return join(cacheRoot(), 'mailpit', MAILPIT_VERSION, 'mailpit');
}

/** `MAILPIT_BIN`, then `mailpit` on PATH, then the cache; null when none exists. */
export function findMailpit(): string | null {
  return findTool('MAILPIT_BIN', 'mailpit', cachedMailpitPath());
}

/** Finds Mailpit or builds it once into the cache (a few minutes the first time). Throws when it cannot. */
export async function ensureMailpit(log: StackLog = stderrLog): Promise<string> {
  const found = findMailpit();
  if (found) return found;
  const target = cachedMailpitPath();
  await goInstall(
    {
      label: `Mailpit ${MAILPIT_VERSION}`,
      packages: [`${MODULE}@${MAILPIT_VERSION}`],
      outputs: { mailpit: target },
      otherwise: `put a mailpit binary on PATH, or set MAILPIT_BIN=/path/to/mailpit, or place it at ${target}.`,
    },
    log,
  );
  return target;
}

/** Like `ensureMailpit`, but says why and answers null when Mailpit cannot be had: e-mail is then only logged. */
export async function tryEnsureMailpit(log: StackLog = stderrLog): Promise<string | null> {
  try {
    return await ensureMailpit(log);
  } catch (error) {
    log(`Mailpit is not available (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); e-mails are logged instead of delivered.`);
    return null;
  }
}

export interface MailpitOptions {
  binary: string;
  smtpPort: number;
  httpPort: number;
  /** SQLite file that keeps mail across restarts; omit for in-memory (tests). */
  dbFile?: string;
  logFile?: string;
  log?: StackLog;
}

export interface RunningMailpit {
  /** What the worker's SMTP_URL should be. */
  smtpUrl: string;
  /** The web UI; its HTTP API is under /api/v1. */
  httpUrl: string;
  stop(): Promise<void>;
}

/** Starts Mailpit on 127.0.0.1 and waits until both its SMTP port and its HTTP API answer. */
export async function startMailpit(options: MailpitOptions): Promise<RunningMailpit> {
  const log = options.log ?? stderrLog;
  const args = ['--smtp', `127.0.0.1:${options.smtpPort}`, '--listen', `127.0.0.1:${options.httpPort}`, '--smtp-auth-accept-any', '--smtp-auth-allow-insecure', '--quiet'];
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--database', options.dbFile);
  }
  const child = spawn(options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const supervised = superviseChild(child, options.logFile);
  const httpUrl = `http://127.0.0.1:${options.httpPort}`;
  try {
    await waitFor(`Mailpit on ports ${options.smtpPort} and ${options.httpPort}`, async () => {
      if (supervised.exited()) throw new GaveUp(`Mailpit exited early (code ${child.exitCode}); see ${options.logFile ?? 'its output'}`);
      if (!(await isPortOpen(options.smtpPort))) return false;
      return fetch(`${httpUrl}/readyz`).then((r) => r.ok, () => false);
    }, 30_000);
  } catch (error) {
    if (!supervised.exited()) child.kill('SIGKILL');
    throw error;
  }
  log(`Mailpit ready: SMTP 127.0.0.1:${options.smtpPort}, web UI ${httpUrl}`);
  return { smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`, httpUrl, stop: () => supervised.stop('SIGTERM', 10_000) };
}
