// Builds the console (apps/web) with Vite into dist/web, or into the folder given as the first
// argument (the test stack builds its own copy).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildConsole(outDir) {
  await build({
    configFile: join(root, 'apps/web/vite.config.mts'),
    logLevel: 'warn',
    ...(outDir ? { build: { outDir: resolve(outDir), emptyOutDir: true } } : {}),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildConsole(process.argv[2]);
