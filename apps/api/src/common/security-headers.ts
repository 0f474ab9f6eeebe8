import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * What a group of paths may load and how it may be cached. The API answers JSON, which a browser
 * should never render, run or cache; a page served to a browser (Swagger UI today, the console
 * later) needs a policy of its own. To serve another page, add an entry here.
 */
export interface PathPolicy {
  /** `/docs` covers `/docs` and everything under `/docs/` (not `/docs-json`). */
  prefix: string;
  contentSecurityPolicy: string;
  /** Cache-Control unless the route set one itself; null leaves caching to the route (static files). */
  cacheControl: string | null;
}

const csp = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/**
 * Every JSON answer: nothing may load from it, nothing may frame it, and nothing may keep it.
 * `no-store` on all of them, not only on authenticated ones: the public health, metrics and OpenAPI
 * answers are live state too, and one rule cannot forget a route that later starts answering with
 * someone's data.
 */
export const API_POLICY: PathPolicy = {
  prefix: '/',
  contentSecurityPolicy: csp({ 'default-src': "'none'", 'frame-ancestors': "'none'" }),
  cacheControl: 'no-store',
};

/** What a page served to a browser may load: its own files, inline styles, data: images, calls home. */
const PAGE_DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/**
 * Swagger UI, as @nestjs/swagger serves it under /docs: its scripts and stylesheet are files of
 * its own (swagger-ui-bundle.js, swagger-ui-init.js carrying the document), the page has inline
 * `<style>` blocks and the UI sets inline styles, its icons are data: URIs, and "Try it out" calls
 * this same origin. The hosted validator's badge (a third-party image) stays blocked.
 */
export const DOCS_POLICY: PathPolicy = {
  prefix: '/docs',
  contentSecurityPolicy: csp(PAGE_DIRECTIVES),
  cacheControl: null,
};

/**
 * The console (/app/): its own scripts and stylesheets only, no inline script; Ant Design writes its
 * styles into `<style>` elements at run time (hence 'unsafe-inline' for styles alone), ECharts draws
 * on canvas, and every request goes to this origin. Hashed files are cached by the route itself.
 */
export const CONSOLE_POLICY: PathPolicy = {
  prefix: '/app',
  contentSecurityPolicy: csp({ ...PAGE_DIRECTIVES, 'manifest-src': "'self'" }),
  cacheControl: null,
};

/** In any order: the longest prefix that covers a path wins. */
export const PATH_POLICIES: readonly PathPolicy[] = [API_POLICY, DOCS_POLICY, CONSOLE_POLICY];

function covers(prefix: string, path: string): boolean {
  if (prefix === '/') return true;
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The policy of a request path (without its query string). */
export function policyFor(path: string, policies: readonly PathPolicy[] = PATH_POLICIES): PathPolicy {
  let best = API_POLICY;
  for (const policy of policies) {
    if (covers(policy.prefix, path) && policy.prefix.length >= best.prefix.length) best = policy;
  }
  return best;
}

/** The path part of a request URL. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Sets the headers every answer carries, and its path's policy. Safe to call twice. */
export function applySecurityHeaders(reply: FastifyReply, url: string): void {
  const policy = policyFor(pathOf(url));
  void reply
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', policy.contentSecurityPolicy);
  if (policy.cacheControl !== null && !reply.hasHeader('cache-control')) void reply.header('cache-control', policy.cacheControl);
}

/**
 * On every answer that goes through Fastify's lifecycle: routes, Nest's 404, the 405 of
 * routes.ts, errors. (Refusals before routing, frameworkErrorReply, set them themselves.)
 */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply) => {
    applySecurityHeaders(reply, request.url);
  });
}
