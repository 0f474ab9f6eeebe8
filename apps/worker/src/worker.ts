import { readFileSync } from 'node:fs';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { ProcessStore } from '@dueflow/persistence';
import { createActivities } from './activities';
import { WORKFLOWS_PATH, bundlerOptions } from './workflow-source';

export interface DueflowWorkerOptions {
  connection: NativeConnection;
  dataSource: DataSource;
  namespace: string;
  taskQueue: string;
  /** Path of a prebuilt bundle (`npm run build:workflows`); bundles from source when absent. */
  workflowBundlePath?: string;
  tuning?: Pick<WorkerOptions, 'maxCachedWorkflows' | 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions'>;
}

export async function createDueflowWorker(options: DueflowWorkerOptions): Promise<Worker> {
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> = options.workflowBundlePath
    ? { workflowBundle: { code: readFileSync(options.workflowBundlePath, 'utf8') } }
    : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { webpackConfigHook: bundlerOptions } };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities({ store: new ProcessStore(options.dataSource) }),
    ...workflows,
    ...options.tuning,
  });
}
