/** The Temporal contract shared by api, worker and workflows. Workflow-safe: no I/O imports. */

export const TASK_QUEUE = 'dueflow-due-diligence';
export const DUE_DILIGENCE_WORKFLOW = 'dueDiligenceWorkflow';

/** One workflow per project; the id is derived so a retried start finds the same execution. */
export function workflowIdFor(projectId: string): string {
  return `project-${projectId}`;
}
