import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DUE_DILIGENCE_WORKFLOW, processStartOptions } from '@dueflow/contract';
import { ProjectStore, processInputOf } from '@dueflow/persistence';
import { PollLoop } from './poll-loop';

/** The slice of a pino logger the reconciler uses. */
export interface ReconcilerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface StartReconcilerOptions {
  store: ProjectStore;
  client: Client;
  taskQueue: string;
  logger: ReconcilerLogger;
  /** How often to look; 0 turns the reconciler off. */
  intervalMs: number;
  /** A submission's own start has this long before the reconciler steps in. */
  graceMs: number;
  /** How far back to look: older submissions are left alone (bounds each look to an index range). */
  lookbackMs: number;
  batchSize?: number;
}

export interface ReconcileResult {
  /** Projects found without a single step. */
  found: number;
  /** Processes started, or found running and attached to (not yet at their first step). */
  started: number;
  /** Processes that had already ended without a step (terminated by an operator): left alone. */
  ended: number;
  failed: number;
}

/**
 * Starts the process of every project whose submission was recorded but whose workflow start was
 * lost: the API inserts the project, then starts its workflow, and a client that retries with its
 * Idempotency-Key repairs a crash in between; this repairs it when nobody retries. A project
 * qualifies while it is still `screening` with an empty timeline `graceMs` after submission (the
 * workflow's first step records the submission). Starting is idempotent (one process per project,
 * ever: see processStartOptions), so racing the API or another worker's reconciler is harmless.
 */
export class StartReconciler {
  private readonly batchSize: number;
  /** Projects whose process ended without a step: not tried again by this process. */
  private readonly ended = new Set<string>();
  private readonly loop = new PollLoop(async () => {
    await this.reconcileOnce().catch((error: unknown) => this.options.logger.error({ err: error }, 'looking for unstarted projects failed'));
    return this.options.intervalMs;
  });

  constructor(private readonly options: StartReconcilerOptions) {
    this.batchSize = options.batchSize ?? 50;
  }

  start(): void {
    if (this.options.intervalMs > 0) this.loop.start(this.options.intervalMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One look: starts the processes missing among the oldest unstarted projects in the window. */
  async reconcileOnce(now = new Date()): Promise<ReconcileResult> {
    const { store, client, taskQueue, graceMs, lookbackMs, logger } = this.options;
    const window = { after: new Date(now.getTime() - lookbackMs), before: new Date(now.getTime() - graceMs) };
    const projects = await store.unstarted(window, this.batchSize, [...this.ended]);
    const result: ReconcileResult = { found: projects.length, started: 0, ended: 0, failed: 0 };
    for (const project of projects) {
      // Stopping: the rest wait for the next look (by this worker or another).
      if (this.loop.stopping) break;
      const log = { projectId: project.id, submittedAt: project.createdAt.toISOString() };
      try {
        await client.workflow.start(DUE_DILIGENCE_WORKFLOW, processStartOptions(processInputOf(project), taskQueue));
        result.started += 1;
        logger.info(log, 'started (or found running) the process of a project with no recorded step');
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) {
          result.ended += 1;
          this.ended.add(project.id);
          logger.warn(log, 'the process of this project ended before its first step; left as it is');
        } else {
          result.failed += 1;
          logger.error({ ...log, err: error }, 'could not start the process of an unstarted project; retried at the next look');
        }
      }
    }
    return result;
  }
}
