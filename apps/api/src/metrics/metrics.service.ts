import { Injectable, Logger } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DomainErrorCode } from '@dueflow/domain';
import { Backlog, StatsStore, StepFailureCounts } from '@dueflow/persistence';

/** The route label of a request no route matched (404s), so scanners cannot mint new series. */
export const UNMATCHED_ROUTE = 'unmatched';

/** `accepted`, the domain error code of a refusal (e.g. `INVALID_STATE`), or `failed` (infrastructure). */
export type UpdateOutcome = 'accepted' | DomainErrorCode | 'failed';

/**
 * The API's Prometheus metrics. Each app instance owns its own Registry (never prom-client's global
 * one): the end-to-end tests run several apps in one process, and a shared registry would reject
 * the second app's metrics as duplicates.
 */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);

  private readonly httpDuration = new Histogram({
    name: 'dueflow_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });

  private readonly workflowStarts = new Counter({
    name: 'dueflow_workflow_starts_total',
    help: 'Due-diligence workflow starts requested from Temporal (an idempotent retry counts again), by outcome.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly workflowUpdates = new Counter({
    name: 'dueflow_workflow_updates_total',
    help: 'Workflow Updates sent, by update name and outcome: accepted, the refusal code, or failed.',
    labelNames: ['update', 'outcome'] as const,
    registers: [this.registry],
  });

  /** One database read shared by every backlog gauge of a scrape (the registry collects them concurrently). */
  private pendingBacklog?: Promise<Backlog | null>;
  /** Likewise for the step failure gauges. */
  private pendingStepFailures?: Promise<StepFailureCounts | null>;

  constructor(private readonly stats: StatsStore) {
    collectDefaultMetrics({ register: this.registry });
    this.backlogGauge('dueflow_review_tasks_open', 'Review tasks waiting for their reviewer.', (b) => b.tasksOpen);
    this.backlogGauge('dueflow_review_tasks_overdue', 'Open review tasks past their due date.', (b) => b.tasksOverdue);
    this.backlogGauge('dueflow_notifications_pending', 'Notifications not yet delivered.', (b) => b.notificationsPending);
    this.backlogGauge(
      'dueflow_notifications_failing',
      'Undelivered notifications whose last delivery attempt failed (retried with backoff, at most every 5 minutes).',
      (b) => b.notificationsFailing,
    );
    this.backlogGauge('dueflow_notifications_oldest_pending_seconds', 'Age of the oldest undelivered notification (0 when none waits).', (b) => b.oldestPendingSeconds);
    this.stepFailureGauge(
      'dueflow_steps_failed',
      'Steps of project processes that failed for good (retries exhausted, or a failure no retry can fix), ever; read from the database, so it is the same on every instance.',
      (c) => c.failed,
    );
    this.stepFailureGauge('dueflow_projects_stuck', 'Projects with a failed step waiting for an admin to resume it (POST /projects/{id}/resume).', (c) => c.projectsStuck);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text; backlog gauges are read from PostgreSQL now. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  observeHttp(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route: route ?? UNMATCHED_ROUTE, status_code: String(statusCode) }, seconds);
  }

  countWorkflowStart(outcome: 'ok' | 'failed'): void {
    this.workflowStarts.inc({ outcome });
  }

  countWorkflowUpdate(update: string, outcome: UpdateOutcome): void {
    this.workflowUpdates.inc({ update, outcome });
  }

  /** A gauge computed at scrape time; NaN (unknown) rather than a stale or zero value when the read fails. */
  private backlogGauge(name: string, help: string, pick: (backlog: Backlog) => number): void {
    const read = () => this.backlog();
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        const backlog = await read();
        this.set(backlog ? pick(backlog) : Number.NaN);
      },
    });
  }

  private stepFailureGauge(name: string, help: string, pick: (counts: StepFailureCounts) => number): void {
    const read = () => this.stepFailures();
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        const counts = await read();
        this.set(counts ? pick(counts) : Number.NaN);
      },
    });
  }

  private stepFailures(): Promise<StepFailureCounts | null> {
    this.pendingStepFailures ??= this.stats
      .stepFailures()
      .catch((error: unknown) => {
        this.logger.warn(`step failure gauges unavailable: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      })
      .finally(() => {
        this.pendingStepFailures = undefined;
      });
    return this.pendingStepFailures;
  }

  private backlog(): Promise<Backlog | null> {
    this.pendingBacklog ??= this.stats
      .backlog()
      .catch((error: unknown) => {
        this.logger.warn(`backlog gauges unavailable: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      })
      .finally(() => {
        this.pendingBacklog = undefined;
      });
    return this.pendingBacklog;
  }
}
