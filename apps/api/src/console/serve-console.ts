import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorBody } from '../common/error-body';

/** Where the console is served: `/app/`, same origin as the API (the session cookie is SameSite=Strict). */
export const CONSOLE_PREFIX = '/app';

/** Hashed build output never changes under its name; the page itself is checked on every load. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A file of the build under `root`, or null: no path leaves it, and only real files count. */
function fileIn(root: string, path: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    return statSync(file).isFile() ? file.slice(root.length + 1) : null;
  } catch {
    return null;
  }
}

/**
 * Serves the console's single-page app: its files under /app/, and its page (index.html) for every
 * other path below /app/ so that a link such as /app/tasks/{id} opens in the browser's router.
 * `GET /` sends a browser there. Without a build, /app/ answers 503 saying how to make one.
 */
export async function serveConsole(fastify: FastifyInstance, root: string): Promise<void> {
  const built = existsSync(join(root, 'index.html'));
  if (built) await fastify.register(fastifyStatic, { root, serve: false, cacheControl: false, preCompressed: true });
  const page = built ? readFileSync(join(root, 'index.html')) : null;

  const sendPage = (reply: FastifyReply) => {
    if (!page) {
      return reply.status(503).type('application/json').send(errorBody(503, 'the console is not built: run `npm run build`'));
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  };

  fastify.get('/', (_request, reply) => reply.redirect(`${CONSOLE_PREFIX}/`, 302));
  fastify.get(CONSOLE_PREFIX, (_request, reply) => reply.redirect(`${CONSOLE_PREFIX}/`, 301));
  fastify.get(`${CONSOLE_PREFIX}/*`, (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const file = built && rest !== '' ? fileIn(root, rest) : null;
    if (file === null) {
      // A missing asset is a 404 (a stale tab asking for an old chunk), not the page.
      if (rest.startsWith('assets/')) return reply.status(404).type('application/json').send(errorBody(404, 'no such file'));
      return sendPage(reply);
    }
    return reply.header('cache-control', file.startsWith(`assets${sep}`) ? IMMUTABLE : 'no-cache').sendFile(file);
  });
}
