/** An admin's resumption of a project's failed step: what was fixed, kept on the timeline. */
export type { ResumeInput as ResumeDto } from '@dueflow/contract';
