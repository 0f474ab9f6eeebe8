import type { ResumeInput } from '@dueflow/contract';

/** An admin's resumption of a project's failed step: what was fixed, kept on the timeline. */
export type ResumeDto = ResumeInput;
