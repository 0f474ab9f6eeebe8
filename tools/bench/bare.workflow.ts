/**
 * The benchmark's baseline: a workflow that makes the same Temporal calls as one dueflow pipeline
 * (one start, the same Updates, the same activity calls in the same parallel batches) with no-op
 * bodies. Its shape is counted from a real dueflow history at bench start (workload.ts), so the
 * baseline follows the product when the workflow changes. Bundled on its own; Temporal APIs only.
 */
import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export interface BarePlan {
  /**
   * Activity batches, per segment: `segments[0]` runs after the start, `segments[i]` inside the
   * i-th Update. A batch's calls run in parallel, batches one after the other.
   */
  segments: number[][];
}

export interface BareActivities {
  noop(call: number): Promise<number>;
}

export const BARE_WORKFLOW = 'bareWorkflow';
export const bareStepUpdate = defineUpdate<number, []>('step');

// The same timeouts and retry policy as dueflow's activities.
const { noop } = proxyActivities<BareActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export async function bareWorkflow(plan: BarePlan): Promise<number> {
  let calls = 0;
  let started = false;
  let updates = 0;
  const run = async (batches: number[]) => {
    for (const size of batches) await Promise.all(Array.from({ length: size }, () => noop(++calls)));
  };
  setHandler(bareStepUpdate, async () => {
    const index = ++updates;
    // An Update that arrives before the start's own steps are done waits for them, as a dueflow
    // client waits (polls) until its tasks are assigned.
    await condition(() => started);
    await run(plan.segments[index] ?? []);
    return index;
  });
  await run(plan.segments[0] ?? []);
  started = true;
  await condition(() => updates >= plan.segments.length - 1 && allHandlersFinished());
  return calls;
}
