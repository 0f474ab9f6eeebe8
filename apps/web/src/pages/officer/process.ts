import type { Schemas } from '../../api/client';
import { wordKeys } from '@dueflow/words';

export type ProjectStatus = Schemas['ProjectStatus'];
export type Track = Schemas['Track'];

export const STATUSES: readonly ProjectStatus[] = wordKeys('status');

export const TRACKS: readonly Track[] = wordKeys('track');

/** Statuses after which nothing more happens to the project. */
export const ENDED: ReadonlySet<ProjectStatus> = new Set(['rejected', 'withdrawn', 'lapsed']);

/** Before a final decision the officer or a manager may still withdraw (409 afterwards). */
export const WITHDRAWABLE: ReadonlySet<ProjectStatus> = new Set([
  'screening',
  'in_review',
  'synthesis',
  'awaiting_decision',
  'information_requested',
  'awaiting_second_approval',
]);

/** Who holds the next step: a key under `officer:next.who`. */
export type Holder = 'dueflow' | 'reviewers' | 'managers' | 'secondManager' | 'you' | 'officer' | 'officerOrManager';

/**
 * What happens next to a project and who holds it, from its status alone: keys under
 * `officer:next.what` and `officer:next.who`. `mine` is true when the reader submitted it, so the
 * officer reads "you" where a manager reads "the investment officer".
 */
export function nextStep(status: ProjectStatus, mine: boolean): { what: string; who: Holder | null } {
  switch (status) {
    case 'screening':
      return { what: 'screening', who: 'dueflow' };
    case 'in_review':
      return { what: 'in_review', who: 'reviewers' };
    case 'synthesis':
      return { what: 'synthesis', who: 'dueflow' };
    case 'awaiting_decision':
      return { what: 'awaiting_decision', who: 'managers' };
    case 'information_requested':
      return { what: 'information_requested', who: mine ? 'you' : 'officer' };
    case 'awaiting_second_approval':
      return { what: 'awaiting_second_approval', who: 'secondManager' };
    case 'approved':
      return { what: 'approved', who: mine ? 'you' : 'officerOrManager' };
    case 'signed':
      return { what: 'signed', who: null };
    default:
      return { what: 'ended', who: null };
  }
}

/** The steps of the process the stepper shows, in order. */
export const STEPS = ['screening', 'in_review', 'synthesis', 'decision', 'approved', 'signed'] as const;
export type Step = (typeof STEPS)[number];

const STEP_OF_STATUS: Partial<Record<ProjectStatus, Step>> = {
  screening: 'screening',
  in_review: 'in_review',
  synthesis: 'synthesis',
  awaiting_decision: 'decision',
  information_requested: 'decision',
  awaiting_second_approval: 'decision',
  approved: 'approved',
  signed: 'signed',
};

type ProjectShape = Pick<Schemas['ProjectDetail'], 'status' | 'tracks' | 'synthesis' | 'decisions' | 'signing'>;

/**
 * The step a project is at: its status names it while the process runs; for an ended project, the
 * furthest step its data shows it reached (a screening refusal ends at screening, a no-go at the
 * decision, a lapse after approval at approval).
 */
export function currentStep(project: ProjectShape): Step {
  const step = STEP_OF_STATUS[project.status];
  if (step) return step;
  if (project.signing) return 'signed';
  if (project.decisions.some((d) => d.outcome === 'go') && project.status === 'lapsed') return 'approved';
  if (project.decisions.length > 0 || project.synthesis) return 'decision';
  const panels = Object.values(project.tracks);
  // Every track closed by its reviews (not by a withdrawal cancelling its tasks): the synthesis was next.
  const closed = panels.every((p) => (p.status === 'complete' || p.status === 'short_of_quorum') && !p.tasks.some((task) => task.status === 'cancelled'));
  if (panels.length > 0 && closed) return 'synthesis';
  if (panels.some((p) => p.status !== 'pending' || p.tasks.length > 0)) return 'in_review';
  return 'screening';
}
