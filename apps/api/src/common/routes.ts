import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { errorBody } from './error-body';
import { pathOf } from './security-headers';

/** One route the API serves, as Fastify registered it: `/projects/:id`, not a concrete URL. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

const routesByApp = new WeakMap<object, RegisteredRoute[]>();

/** Records every route Fastify registers from now on (controllers register at init). */
export function recordRoutes(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const routes: RegisteredRoute[] = [];
  routesByApp.set(app, routes);
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.push({ method, url: route.url });
    }
  });
}

/** Every route of an initialised app, in registration order without repeats. */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  const routes = routesByApp.get(app);
  if (!routes) throw new Error('routes were not recorded for this app (build it with createApiApp)');
  const seen = new Set<string>();
  return routes.filter((r) => {
    const key = `${r.method} ${r.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Turns a Fastify route pattern (`/projects/:id`, `/docs/*`) into a regular expression over paths. */
export function patternToRegExp(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      // `:id`, or `:id(regex)` (constrained), or several params in one segment (`:from-:to`).
      return segment
        .split(/(:[A-Za-z0-9_]+(?:\([^)]*\))?)/)
        .map((part) => {
          if (!part.startsWith(':') || part.length === 1) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const constraint = /\((.*)\)$/.exec(part);
          // find-my-way constraints are often written anchored (`(^\d+$)`); the anchors belong to the whole path here.
          return constraint ? `(?:${constraint[1]!.replace(/^\^/, '').replace(/\$$/, '')})` : '[^/]+';
        })
        .join('');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The methods a concrete path takes, as `Allow` lists them (HEAD with GET: Fastify answers it). */
export function allowedMethods(routes: ReadonlyArray<RegisteredRoute & { pattern?: RegExp }>, path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if ((route.pattern ?? patternToRegExp(route.url)).test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  const rank = (method: string) => (METHOD_ORDER.indexOf(method) + 1 || METHOD_ORDER.length + 1);
  return [...methods].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * A known path asked with a method it does not take gets 405 with `Allow`, not the 404 of an
 * unknown path: the client's mistake is the method, and Allow says which would do. Fastify routes
 * both to its not-found handler; this looks at such requests first.
 */
export function answerWrongMethods(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let compiled: { count: number; routes: Array<RegisteredRoute & { pattern: RegExp }> } | undefined;
  const routes = () => {
    const recorded = registeredRoutes(app);
    // Routes register at init, before the first request; recompiled only if more came since.
    if (compiled?.count !== recorded.length) compiled = { count: recorded.length, routes: recorded.map((r) => ({ ...r, pattern: patternToRegExp(r.url) })) };
    return compiled.routes;
  };
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    const path = pathOf(request.url);
    const allow = allowedMethods(routes(), path);
    if (allow.length === 0) return;
    void reply
      .status(405)
      .header('allow', allow.join(', '))
      .send({ ...errorBody(405, `${request.method} is not allowed on ${path}; it takes ${allow.join(', ')}`), requestId: String(request.id) });
    // Returning the reply tells Fastify it is answered: the not-found handler does not run.
    return reply;
  });
}
