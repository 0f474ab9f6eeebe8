import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** The compiled api and worker this run starts, and the workflow bundle the worker loads. */
export interface TopologyBuild {
  dir: string;
  apiScript: string;
  workerScript: string;
  workflowBundle: string;
}

/**
 * Compiles apps/libs/workflows with SWC, as `npm run build` does, but into a folder of this run's
 * own (under the git-ignored tmp/, so node_modules still resolves): other suites rebuild the shared
 * dist/ whenever sources change, and a rebuild under running processes breaks their next require.
 */
export async function buildForTopology(log: (message: string) => void): Promise<TopologyBuild> {
  const started = Date.now();
  const dir = join(ROOT, 'tmp', `topology-build-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const swc = spawnSync(
    process.execPath,
    [require.resolve('@swc/cli/bin/swc.js'), 'apps', 'libs', 'workflows', '-d', dir, '--extensions', '.ts', '--ignore', '**/*.spec.ts', '--quiet'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (swc.status !== 0) throw new Error(`swc exited with ${swc.status}`);
  const workflowBundle = join(dir, 'workflow-bundle.js');
  // The compiled worker's own bundler entry bundles the compiled workflows, as tools/build.mjs does.
  const bundle = spawnSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(join(dir, 'apps/worker/src/workflow-source.js'))}).writeWorkflowBundle(${JSON.stringify(workflowBundle)}).catch((e) => { console.error(e); process.exit(1); })`],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (bundle.status !== 0) throw new Error(`bundling the workflows exited with ${bundle.status}`);
  log(`built apps and the workflow bundle into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dir, apiScript: join(dir, 'apps/api/src/main.js'), workerScript: join(dir, 'apps/worker/src/main.js'), workflowBundle };
}

export function removeBuild(build: TopologyBuild): void {
  rmSync(build.dir, { recursive: true, force: true });
}
