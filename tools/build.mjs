// Compiles every project to dist/ with SWC (aliases rewritten to relative paths), prebuilds the
// workflow bundle the production worker loads, and builds the console (apps/web) into dist/web with
// Vite after bringing its typed API client up to date with docs/openapi.json (in CI a stale client
// fails the build instead). Type checking is `npm run typecheck`. `--no-web` skips the console.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const started = Date.now();

rmSync(join(root, 'dist'), { recursive: true, force: true });
const swc = spawnSync(
  process.execPath,
  [require.resolve('@swc/cli/bin/swc.js'), 'apps', 'libs', 'workflows', 'tools', '-d', 'dist', '--extensions', '.ts', '--ignore', '**/*.spec.ts', '--ignore', 'apps/web/**', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
if (swc.status !== 0) process.exit(swc.status ?? 1);

if (!process.argv.includes('--no-bundle')) {
  const { writeWorkflowBundle } = require(join(root, 'dist/apps/worker/src/workflow-source.js'));
  await writeWorkflowBundle(join(root, 'dist/workflow-bundle.js'));
}
if (!process.argv.includes('--no-bundle') && !process.argv.includes('--no-web')) {
  const { syncClientSchema } = await import('./web-client.mjs');
  if (!(await syncClientSchema({ check: !!process.env.CI }))) {
    process.stderr.write('[dueflow] apps/web/src/api/schema.d.ts is stale (docs/openapi.json changed): run `npm run build` and commit it.\n');
    process.exit(1);
  }
  const { buildConsole } = await import('./build-web.mjs');
  await buildConsole();
}
process.stderr.write(`[dueflow] built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
