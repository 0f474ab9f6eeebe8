import { useQueries, useQuery } from '@tanstack/react-query';
import { api, ApiFailure, unwrap, type Schemas } from '../../../api/client';
import type { ProjectDetail } from '../../../lib/watch';
import { wordKeys } from '@dueflow/words';

export type Report = Schemas['ProjectReport'];
export type Review = Schemas['Review'];
export type Track = Schemas['Track'];
export type Criterion = Schemas['Rubric']['criteria'][number];

export const TRACKS: Track[] = wordKeys('track');

/** No retry for an answer that asking again will not change (a 409 "not ready yet", a 403, a 404). */
export const retryServerErrors = (count: number, error: unknown) => !(error instanceof ApiFailure && error.status < 500) && count < 2;

/** GET /projects/{id}/report; 409 while the synthesis is not made yet (the live watch refetches it). */
export function useReport(id: string) {
  return useQuery({
    queryKey: ['report', id],
    queryFn: () => unwrap(api.GET('/projects/{id}/report', { params: { path: { id } } })),
    retry: retryServerErrors,
  });
}

export interface Person {
  name: string | null;
  affiliation: string | null;
}

/** Every review of a track the caller may see: the current round, then the earlier ones (managers, admins). */
export function reviewsOf(project: ProjectDetail, track: Track): Review[] {
  const panel = project.tracks[track];
  if (!panel) return [];
  return [...panel.reviews, ...(panel.earlierRounds ?? []).flatMap((r) => r.reviews)];
}

/**
 * Names (and, for managers and admins, affiliations) of the people the report names by id: reviewers
 * from the project's task assignees, and everyone from GET /users when the caller may list users.
 */
export function usePeople(project: ProjectDetail | undefined, mayListUsers: boolean): Map<string, Person> {
  const users = useQuery({
    queryKey: ['manager', 'people'],
    queryFn: () => unwrap(api.GET('/users')),
    enabled: mayListUsers,
    retry: retryServerErrors,
    staleTime: 5 * 60_000,
  });
  const people = new Map<string, Person>();
  for (const track of TRACKS) {
    const panel = project?.tracks[track];
    const tasks = [...(panel?.tasks ?? []), ...(panel?.earlierRounds ?? []).flatMap((r) => r.tasks)];
    for (const task of tasks) if (task.assignee) people.set(task.assignee.id, { name: task.assignee.name, affiliation: null });
  }
  for (const user of users.data?.items ?? []) people.set(user.id, { name: user.name, affiliation: user.reviewer?.affiliation ?? null });
  return people;
}

/**
 * Each track's rubric (criterion labels and weights in the reader's language), read from one of the
 * track's tasks: the report and the project give criterion keys only. Managers and admins may read
 * any task; for anyone else the keys are shown as they are.
 */
export function useRubrics(project: ProjectDetail | undefined, mayReadTasks: boolean): Partial<Record<Track, Criterion[]>> {
  const picks = TRACKS.map((track) => {
    const panel = project?.tracks[track];
    const task = panel?.tasks.find((t) => t.status === 'submitted') ?? panel?.tasks[0];
    return { track, taskId: task?.id };
  });
  const rubrics = useQueries({
    queries: picks.map(({ track, taskId }) => ({
      queryKey: ['rubric', project?.id ?? '', track, taskId ?? ''],
      queryFn: () => unwrap(api.GET('/tasks/{id}', { params: { path: { id: taskId ?? '' } } })),
      enabled: mayReadTasks && !!taskId,
      retry: retryServerErrors,
      staleTime: 10 * 60_000,
    })),
  });
  const out: Partial<Record<Track, Criterion[]>> = {};
  picks.forEach(({ track }, i) => {
    const rubric = rubrics[i]?.data?.rubric;
    if (rubric) out[track] = rubric.criteria;
  });
  return out;
}

/** A person as the report names them: their name (and affiliation), else a short form of the id. */
export function personLabel(people: Map<string, Person>, id: string | undefined | null, withAffiliation = false): string | null {
  if (!id) return null;
  const person = people.get(id);
  if (!person?.name) return null;
  return withAffiliation && person.affiliation ? `${person.name} (${person.affiliation})` : person.name;
}
