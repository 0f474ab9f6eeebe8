// Compiles every project to dist/ with SWC (aliases rewritten to relative paths) and prebuilds the
// workflow bundle the production worker loads. Type checking is `npm run typecheck`.
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
  [require.resolve('@swc/cli/bin/swc.js'), 'apps', 'libs', 'workflows', 'tools', '-d', 'dist', '--extensions', '.ts', '--ignore', '**/*.spec.ts', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
if (swc.status !== 0) process.exit(swc.status ?? 1);

if (!process.argv.includes('--no-bundle')) {
  const { writeWorkflowBundle } = require(join(root, 'dist/apps/worker/src/workflow-source.js'));
  await writeWorkflowBundle(join(root, 'dist/workflow-bundle.js'));
}
process.stderr.write(`[dueflow] built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
