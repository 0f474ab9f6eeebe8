import type { NestFastifyApplication } from '@nestjs/platform-fastify';

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
