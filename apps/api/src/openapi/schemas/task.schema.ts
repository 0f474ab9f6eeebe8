import { z } from 'zod';
import { Review, ReviewDraft, Rubric } from './review.schema';
import { Money, PersonRef, Sector, TaskStatus, Timestamp, Track, Uuid, component } from './registry';

const TaskProject = z.object({ id: Uuid, name: z.string(), company: z.string(), sector: Sector });

/** A review task as lists show it. */
export const TaskSummary = component(
  'TaskSummary',
  z.object({
    id: Uuid,
    projectId: Uuid,
    project: TaskProject.optional().describe('omitted once the assignee declined the task for a conflict of interest'),
    track: Track,
    round: z.int().min(0).describe('the track\'s review round the task was assigned in'),
    status: TaskStatus,
    dueAt: Timestamp,
    assignee: PersonRef,
    createdAt: Timestamp,
    closedAt: Timestamp.nullable(),
  }),
);

export const TaskList = component('TaskList', z.object({ items: z.array(TaskSummary) }));

/** One task with what its reviewer needs: the project's summary, the rubric, and their review once submitted. */
export const TaskDetail = component(
  'TaskDetail',
  TaskSummary.extend({
    project: TaskProject.extend({ summary: z.string(), totalInvestment: Money }).optional(),
    rubric: Rubric,
    review: Review.nullable(),
    draft: ReviewDraft.nullable()
      .optional()
      .describe("the assignee's saved draft (null when none) while the task is open; never present for anyone else"),
  }),
);
