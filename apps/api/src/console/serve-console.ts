import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../common/error-body';

/** Where the console is served: `/app/`, same origin as the API (the session cookie is SameSite=Strict). */
export const CONSOLE_PREFIX = '/app';

/** Hashed build output never changes under its name; the page itself is checked on every load. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The build holds only these kinds of file; anything else is served as bytes. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The encodings the build wrote beside each file (tools/build-web.mjs), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Whether an Accept-Encoding header takes `name` (listed, and not with q=0). */
export function acceptsEncoding(header: string, name: string): boolean {
  return header.split(',').some((part) => {
    const [token = '', ...params] = part.split(';').map((p) => p.trim());
    if (token.toLowerCase() !== name) return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends one file of the build (an absolute path inside it): its precompressed copy when the browser
 * takes that encoding, else the file itself.
 */
function sendBuildFile(request: FastifyRequest, reply: FastifyReply, file: string, cacheControl: string) {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encoding = ENCODINGS.find((e) => acceptsEncoding(accepted, e.name) && existsSync(file + e.suffix));
  const body = encoding ? file + encoding.suffix : file;
  void reply
    .header('cache-control', cacheControl)
    .header('vary', 'Accept-Encoding')
    .header('content-length', statSync(body).size)
    .type(TYPES[extname(file)] ?? 'application/octet-stream');
  if (encoding) void reply.header('content-encoding', encoding.name);
  return reply.send(createReadStream(body));
}

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
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Serves the console's single-page app: its files under /app/, and its page (index.html) for every
 * other path below /app/ so that a link such as /app/tasks/{id} opens in the browser's router.
 * `GET /` sends a browser there. Without a build, /app/ answers 503 saying how to make one.
 */
export function serveConsole(fastify: FastifyInstance, root: string): void {
  const built = existsSync(join(root, 'index.html'));
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
    return sendBuildFile(request, reply, file, file.startsWith(join(root, 'assets') + sep) ? IMMUTABLE : 'no-cache');
  });
}
