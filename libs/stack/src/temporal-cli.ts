import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cacheRoot, findTool, goInstall } from './go-install';
import { StackLog, stderrLog } from './log';

/** The newest Temporal CLI release whose module still builds with `go install` (later ones carry a replace directive). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

export function cachedTemporalCliPath(): string {
  return join(cacheRoot(), 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

/** `TEMPORAL_CLI`, then `temporal` on PATH, then the cache; null when none exists. */
export function findTemporalCli(): string | null {
  return findTool('TEMPORAL_CLI', 'temporal', cachedTemporalCliPath());
}

/**
 * Finds the Temporal CLI or builds it once into the cache with `go install` (a few minutes the
 * first time; progress is printed). Without Go or a binary, says how to get one.
 */
export async function ensureTemporalCli(log: StackLog = stderrLog): Promise<string> {
  const found = findTemporalCli();
  if (found) return found;
  const target = cachedTemporalCliPath();
  await goInstall(
    {
      label: `the Temporal CLI ${TEMPORAL_CLI_VERSION}`,
      packages: [`${MODULE}@${TEMPORAL_CLI_VERSION}`],
      outputs: { temporal: target },
      otherwise: `put a Temporal CLI binary on PATH, or set TEMPORAL_CLI=/path/to/temporal, or place it at ${target}.`,
    },
    log,
  );
  return target;
}

export function temporalCliVersion(binary: string): string {
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return (out.stdout || out.stderr || '').trim();
}

