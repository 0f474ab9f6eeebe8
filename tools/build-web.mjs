// Builds the console (apps/web) with Vite into dist/web, or into the folder given as the first
// argument (the test stack builds its own copy).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Each script, stylesheet and catalog is also written compressed (`.br`, `.gz`) beside itself: the
 * API sends those to browsers that accept them (@fastify/static's preCompressed), with no
 * compression work per request.
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) precompress(path);
    else if (/\.(js|css|html|json|svg)$/.test(entry.name)) {
      const body = readFileSync(path);
      writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    }
  }
}

export async function buildConsole(outDir) {
  const target = outDir ? resolve(outDir) : join(root, 'dist/web');
  await build({
    configFile: join(root, 'apps/web/vite.config.mts'),
    logLevel: 'warn',
    ...(outDir ? { build: { outDir: target, emptyOutDir: true } } : {}),
  });
  precompress(join(target, 'assets'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildConsole(process.argv[2]);
