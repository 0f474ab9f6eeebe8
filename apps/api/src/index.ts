/** What the end-to-end suites and tooling start in-process. */
export { createApiApp } from './app.factory';
export { loadApiConfig } from './config';
export type { ApiConfig } from './config';
export { registeredRoutes } from './common/routes';
export type { RegisteredRoute } from './common/routes';
export { renderApiReference, spliceApiReference } from './openapi/reference';
