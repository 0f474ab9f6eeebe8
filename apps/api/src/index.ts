/** What the end-to-end suites and tooling start in-process. */
export { createApiApp } from './app.factory';
export { loadApiConfig } from './config';
export type { ApiConfig } from './config';
