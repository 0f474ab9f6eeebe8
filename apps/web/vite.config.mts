import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The API's own paths: the dev server (`npx vite apps/web`) forwards them to a running `npm start`. */
const API_PATHS = ['/auth', '/me', '/projects', '/tasks', '/users', '/policy', '/notifications', '/stats', '/health'];
const API_ORIGIN = process.env['DUEFLOW_API_ORIGIN'] ?? 'http://127.0.0.1:3000';

/**
 * The console: built into dist/web and served by the API at /app/ (same origin: the session cookie is
 * SameSite=Strict). Each page is its own chunk (React.lazy in routes.tsx); vendor code is split so
 * the charts and the policy editor load only where they are used.
 */
export default defineConfig({
  root: here('.'),
  base: '/app/',
  plugins: [react()],
  resolve: { alias: { '@dueflow/words': here('../../libs/domain/src/words.ts') } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: Object.fromEntries(API_PATHS.map((p) => [p, { target: API_ORIGIN }])) },
});
