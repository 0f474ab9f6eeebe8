import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { StackLog } from './log';

/** Where dueflow keeps the binaries it builds: `$XDG_CACHE_HOME/dueflow`, else `~/.cache/dueflow`. */
export function cacheRoot(): string {
  return join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'dueflow');
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

/**
 * A tool the stack can build: the binary `envVar` names (it must be executable), else `name` on
 * PATH, else the one built into `cached`; null when there is none yet.
 */
export function findTool(envVar: string, name: string, cached: string): string | null {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${envVar}=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  return onPath(name) ?? (isExecutable(cached) ? cached : null);
}

export interface GoInstall {
  /** What is built, for the log: "the Temporal CLI v1.5.1". */
  label: string;
  /** `module/path/cmd@version` for each binary. */
  packages: string[];
  /** Binary name `go install` produces → the path it is cached at. */
  outputs: Record<string, string>;
  /** When Go is missing: how else to provide the binaries. */
  otherwise: string;
}

/**
 * Builds `packages` with `go install` into a private directory, then moves each binary to its
 * cached path, so a build that fails or is interrupted never leaves a half-written binary where a
 * later run would find it. Runs at low CPU priority (the build saturates every core for minutes)
 * and prints progress every 15 s.
 */
export async function goInstall(job: GoInstall, log: StackLog): Promise<void> {
  const go = onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
  if (!go) {
    throw new Error(
      [
        `${job.label} was not found, and Go is not installed to build it.`,
        'Either install Go (https://go.dev/dl/) and run this again (dueflow builds and caches it itself),',
        `or ${job.otherwise}`,
      ].join('\n'),
    );
  }
  const targets = Object.values(job.outputs);
  const cacheDir = join(targets[0]!, '..');
  const buildDir = join(cacheDir, `.build-${process.pid}`);
  mkdirSync(buildDir, { recursive: true });
  log(`Building ${job.label} with ${go} (first run only; takes a few minutes)...`);
  log(`It is cached in ${cacheDir}; later runs reuse it.`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  still building ${job.label}... ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
  try {
    const nice = onPath('nice');
    const args = ['install', ...job.packages];
    await run(nice ?? go, nice ? ['-n', '10', go, ...args] : args, buildDir, log);
    for (const [built, target] of Object.entries(job.outputs)) {
      mkdirSync(join(target, '..'), { recursive: true });
      renameSync(join(buildDir, built), target);
    }
  } finally {
    clearInterval(ticker);
    rmSync(buildDir, { recursive: true, force: true });
  }
  log(`${job.label} built in ${Math.round((Date.now() - started) / 1000)} s`);
}

function run(command: string, args: string[], gobin: string, log: StackLog): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, GOBIN: gobin, GOFLAGS: process.env['GOFLAGS'] ?? '' },
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
}
