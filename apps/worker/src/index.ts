/** What the end-to-end suites and tooling start in-process. */
export { createDueflowWorker } from './worker';
export { loadWorkerConfig } from './config';
export { WORKFLOWS_PATH, bundlerOptions, writeWorkflowBundle } from './workflow-source';
export * from './notifications';
export * from './start-reconciler';
