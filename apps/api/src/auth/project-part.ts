import type { Role, TaskStatus } from '@dueflow/domain';

/**
 * A person's part in one project, which decides what they see of it. Roles say what someone may do
 * in general; the part says what they are to this project:
 *
 * - `reviewer` while they hold an open (unsubmitted) task on it, whatever other roles they hold: a
 *   manager or officer who also reviews sees only their own task and review until it is in;
 * - `officer` for the officer who submitted it;
 * - `none` for someone who declined a task on it for a conflict of interest: they are out of it;
 * - `reviewer` for someone who submitted a review on it: one person, one part per project. A
 *   manager who reviewed never decides the project and keeps the reviewer's view of it, so the
 *   panel stays blind to them (and to anyone they talk to) if a track is re-opened;
 * - `manager` / `admin` by role otherwise (a manager whose task closed without a review, because it
 *   expired, was cancelled or declined without a conflict, contributed nothing and sees it as a
 *   manager again);
 * - `reviewer` for a reviewer who held a task that closed without a review (their own task only);
 * - `none` for everyone else.
 */
export type ProjectPart = 'officer' | 'reviewer' | 'manager' | 'admin' | 'none';

export interface Viewer {
  id: string;
  roles: readonly Role[];
}

/** What the part needs of a task: whose it is and how it stands. */
export interface PartTask {
  assigneeId: string;
  status: TaskStatus;
  declinedForConflict: boolean | null;
}

/** The viewer's part in the project; `tasks` may be the project's tasks or only the viewer's own. */
export function partIn(viewer: Viewer, project: { submittedBy: string }, tasks: readonly PartTask[]): ProjectPart {
  const own = tasks.filter((t) => t.assigneeId === viewer.id);
  if (own.some((t) => t.status === 'open')) return 'reviewer';
  if (project.submittedBy === viewer.id) return 'officer';
  if (own.some((t) => t.status === 'declined' && t.declinedForConflict === true)) return 'none';
  if (own.some((t) => t.status === 'submitted')) return 'reviewer';
  if (viewer.roles.includes('manager')) return 'manager';
  if (viewer.roles.includes('admin')) return 'admin';
  if (own.length > 0 && viewer.roles.includes('reviewer')) return 'reviewer';
  return 'none';
}

/** Managers and admins in their own right: they see the whole project, pool and reasons included. */
export function seesWholeProject(part: ProjectPart): boolean {
  return part === 'manager' || part === 'admin';
}

/** The panel's outcome (every review, the synthesis, the decisions): the officer and the managers. */
export function seesPanel(part: ProjectPart): boolean {
  return part === 'officer' || seesWholeProject(part);
}
