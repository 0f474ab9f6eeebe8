/** The Temporal contract shared by api, worker and workflows. Workflow-safe: no I/O imports. */

export const TASK_QUEUE = 'dueflow-due-diligence';
export const DUE_DILIGENCE_WORKFLOW = 'dueDiligenceWorkflow';

/** The failure type of an action whose write failed for a reason no input can fix: the API answers 503. */
export const STEP_FAILED = 'STEP_FAILED';

/** One workflow per project; the id is derived so a retried start finds the same execution. */
export function workflowIdFor(projectId: string): string {
  return `project-${projectId}`;
}

/**
 * The options every caller starts a project's process with (the API on submission, the worker's
 * reconciler for a submission whose start was lost): one process per project, ever. A start while
 * it runs attaches to it; a start after it has ended is refused (WorkflowExecutionAlreadyStarted),
 * never a second run.
 */
export function processStartOptions<Input extends { projectId: string; requestId?: string }>(input: Input, taskQueue: string) {
  return {
    taskQueue,
    workflowId: workflowIdFor(input.projectId),
    args: [input] as [Input],
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    memo: { requestId: input.requestId ?? null },
  };
}
