import { randomUUID } from 'node:crypto';
import type { DueflowActivities, ProjectChange, TaskView } from '@dueflow/contract';
import type { ProjectStatus } from '@dueflow/domain';

export type ActivityName = keyof DueflowActivities;
export type InputOf<K extends ActivityName> = Parameters<DueflowActivities[K]>[0];
export interface Call {
  name: ActivityName;
  input: ProjectChange;
}

/**
 * In-memory `DueflowActivities` for workflow tests: records every call per project, hands out review
 * tasks (`reviewer-<track>-<slot>`), and lets a test hold one activity of one project until it
 * releases it, to keep a step in flight while something else happens.
 */
export class FakeActivities {
  private readonly calls = new Map<string, Call[]>();
  private readonly gates = new Map<string, Promise<void>>();
  private readonly releases: Array<() => void> = [];
  private readonly assigned = new Map<string, TaskView[]>();
  private readonly failures = new Map<string, { failure: Error; times: number }>();

  readonly activities: DueflowActivities = {
    recordTransition: (input) => this.record('recordTransition', input),
    assignReviewers: async (input) => {
      await this.record('assignReviewers', input);
      const tasks: TaskView[] = input.slots.map(({ slot, attempt }) => ({
        taskId: `task-${input.track}-${slot}-${randomUUID().slice(0, 8)}`,
        track: input.track,
        slot,
        attempt,
        // A replacement is another person, as the real assignment makes it (it excludes the track's earlier assignees).
        assigneeId: attempt === 0 ? `reviewer-${input.track}-${slot}` : `reviewer-${input.track}-${slot}-r${attempt}`,
        status: 'open',
        dueAt: input.dueAt,
      }));
      this.assigned.set(input.projectId, [...this.assignedTasks(input.projectId), ...tasks]);
      return { tasks, shortfall: 0 };
    },
    recordReview: (input) => this.record('recordReview', input),
    saveSynthesis: (input) => this.record('saveSynthesis', input),
    recordDecision: (input) => this.record('recordDecision', input),
    recordSigning: (input) => this.record('recordSigning', input),
    closeTasks: (input) => this.record('closeTasks', input),
    recordDecline: (input) => this.record('recordDecline', input),
    recordReminder: (input) => this.record('recordReminder', input),
    recordInformation: (input) => this.record('recordInformation', input),
    recordStepFailure: (input) => this.record('recordStepFailure', input),
    recordStepResumed: (input) => this.record('recordStepResumed', input),
  };

  /** Every call for the project, in the order the activities ran. */
  all(projectId: string): Call[] {
    return this.calls.get(projectId) ?? [];
  }

  /** Every task assignReviewers handed out for the project (what the real activity would have written). */
  assignedTasks(projectId: string): TaskView[] {
    return this.assigned.get(projectId) ?? [];
  }

  of<K extends ActivityName>(projectId: string, name: K): Array<InputOf<K>> {
    return this.all(projectId)
      .filter((c) => c.name === name)
      .map((c) => c.input as InputOf<K>);
  }

  /** The statuses the project was moved to, in workflow event order. */
  statuses(projectId: string): ProjectStatus[] {
    return [...this.all(projectId)]
      .sort((a, b) => a.input.event.seq - b.input.event.seq)
      .flatMap((c) => (c.input.status ? [c.input.status.status] : []));
  }

  /** Holds the activity for this project (after recording the call) until `release` is called. */
  hold(projectId: string, name: ActivityName): () => void {
    let release!: () => void;
    this.gates.set(`${name}:${projectId}`, new Promise<void>((r) => (release = r)));
    this.releases.push(release);
    return release;
  }

  /** Lets every held activity finish, so a failed test cannot keep the worker from shutting down. */
  releaseAll(): void {
    for (const release of this.releases) release();
  }

  /**
   * Makes the activity fail for this project with `failure` (a non-retryable ApplicationFailure ends
   * the step at once) the next `times` times it runs; failed attempts are recorded as calls too.
   */
  failNext(projectId: string, name: ActivityName, failure: Error, times = 1): void {
    this.failures.set(`${name}:${projectId}`, { failure, times });
  }

  private async record(name: ActivityName, input: ProjectChange): Promise<void> {
    const list = this.calls.get(input.projectId) ?? [];
    list.push({ name, input });
    this.calls.set(input.projectId, list);
    await this.gates.get(`${name}:${input.projectId}`);
    const failing = this.failures.get(`${name}:${input.projectId}`);
    if (failing && failing.times > 0) {
      failing.times -= 1;
      throw failing.failure;
    }
  }
}
