import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { StackLog, stderrLog } from './log';

/** The newest Temporal CLI release whose module still builds with `go install` (later ones carry a replace directive). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

export function cacheRoot(): string {
  return join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'dueflow');
}

export function cachedTemporalCliPath(): string {
  return join(cacheRoot(), 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

/** Whether `path` is a file this process may execute. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH, or null. */
export function onPath(name: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** `TEMPORAL_CLI`, then `temporal` on PATH, then the cache; null when none exists. */
export function findTemporalCli(): string | null {
  const fromEnv = process.env['TEMPORAL_CLI'];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`TEMPORAL_CLI=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const cached = cachedTemporalCliPath();
  return onPath('temporal') ?? (isExecutable(cached) ? cached : null);
}

/**
 * Finds the Temporal CLI or builds it once into the cache with `go install` (a few minutes the
 * first time; progress is printed). Without Go or a binary, says how to get one.
 */
export async function ensureTemporalCli(log: StackLog = stderrLog): Promise<string> {
  const found = findTemporalCli();
  if (found) return found;
  const go = onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
  if (!go) {
    throw new Error(
      [
        'The Temporal CLI was not found, and Go is not installed to build it.',
        'Either install Go (https://go.dev/dl/) and run this again (dueflow builds and caches the CLI itself),',
        `or put a Temporal CLI binary on PATH, or set TEMPORAL_CLI=/path/to/temporal, or place it at ${cachedTemporalCliPath()}.`,
      ].join('\n'),
    );
  }
  const target = cachedTemporalCliPath();
  const buildDir = `${target}.build-${process.pid}`;
  mkdirSync(buildDir, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go} (first run only; takes a few minutes)...`);
  log(`It is cached at ${target}; later starts reuse it.`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  still building the Temporal CLI... ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['install', `${MODULE}@${TEMPORAL_CLI_VERSION}`], {
        env: { ...process.env, GOBIN: buildDir, GOFLAGS: process.env['GOFLAGS'] ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let downloads = 0;
      const onOutput = (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line.startsWith('go: downloading')) {
            downloads += 1;
            if (downloads % 25 === 1) log(`  fetching modules (${downloads} so far): ${line.slice('go: downloading '.length)}`);
          } else if (line.trim()) log(`  go: ${line.trim()}`);
        }
      };
      child.stdout.on('data', onOutput);
      child.stderr.on('data', onOutput);
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`go install exited with code ${code}`))));
    });
    renameSync(join(buildDir, 'temporal'), target);
  } finally {
    clearInterval(ticker);
    rmSync(buildDir, { recursive: true, force: true });
  }
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
  return target;
}

export function temporalCliVersion(binary: string): string {
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return (out.stdout || out.stderr || '').trim();
}

