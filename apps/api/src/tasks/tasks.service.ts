import { Injectable } from '@nestjs/common';
import { draftProblems, reviewProblems } from '@dueflow/contract';
import { DomainError, localizedRubric, ReviewInput } from '@dueflow/domain';
import { ProjectTie, ReviewDraftEntity, ReviewTaskEntity, TaskListRow, TaskStore } from '@dueflow/persistence';
import { AuthUser, seesEverything } from '../auth/auth-user';
import { ProjectPart, partIn, seesWholeProject } from '../auth/project-part';
import { ProcessGateway } from '../infrastructure/process.gateway';
import { presentReview } from '../projects/project.presenter';
import { DeclineDto, ListTasksQuery, ReviewDraftDto, ReviewDto } from './task.dto';

const TASK_PAGE = 200;

/** A task; `withProject` false leaves out its project (the assignee declined it for a conflict). */
function presentTask(task: TaskListRow | ReviewTaskEntity, withProject: boolean) {
  return {
    id: task.id,
    projectId: task.projectId,
    project: task.project && withProject ? { id: task.project.id, name: task.project.name, company: task.project.company, sector: task.project.sector } : undefined,
    track: task.track,
    round: task.round,
    status: task.status,
    dueAt: task.dueAt.toISOString(),
    assignee: { id: task.assigneeId, name: task.assignee?.name ?? null },
    createdAt: task.createdAt.toISOString(),
    closedAt: task.closedAt?.toISOString() ?? null,
  };
}

/** A stored draft as the API shows it: the saved fields, the task and when. */
function presentDraft(draft: ReviewDraftEntity) {
  return { ...(draft.body as ReviewDraftDto), taskId: draft.taskId, savedAt: draft.savedAt.toISOString() };
}

/** The viewer's part in each project they are tied to (project-part.ts); untied projects are absent. */
function partsByProject(viewer: AuthUser, ties: readonly ProjectTie[]): Map<string, ProjectPart> {
  const byProject = new Map<string, ProjectTie[]>();
  for (const tie of ties) byProject.set(tie.projectId, [...(byProject.get(tie.projectId) ?? []), tie]);
  return new Map(
    [...byProject].map(([projectId, list]) => [projectId, partIn(viewer, { submittedBy: list[0]!.submittedBy }, list.flatMap((t) => (t.task ? [t.task] : [])))]),
  );
}

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskStore,
    private readonly process: ProcessGateway,
  ) {}

  /**
   * A reviewer lists their own tasks; managers and admins every task, except others' tasks on the
   * projects where their part is not the manager's (they review it, submitted it, or declined it).
   */
  async list(viewer: AuthUser, query: ListTasksQuery) {
    const parts = partsByProject(viewer, await this.tasks.tiesOf(viewer.id));
    const all = seesEverything(viewer);
    const rows = await this.tasks.list({
      ...query,
      assigneeId: all ? undefined : viewer.id,
      hideOthersOn: all ? { viewerId: viewer.id, projectIds: [...parts].filter(([, part]) => !seesWholeProject(part)).map(([id]) => id) } : undefined,
      limit: TASK_PAGE,
    });
    return { items: rows.map((row) => presentTask(row, parts.get(row.projectId) !== 'none')) };
  }

  async detail(viewer: AuthUser, id: string) {
    const { task, part } = await this.visibleTask(viewer, id);
    const review = await this.tasks.reviewFor(task.id);
    // A draft is the assignee's alone, and only while it can still become their review.
    const ownOpen = task.assigneeId === viewer.id && task.status === 'open';
    const draft = ownOpen ? await this.tasks.draftFor(task.id) : null;
    const withProject = part !== 'none';
    return {
      ...presentTask(task, withProject),
      project:
        task.project && withProject
          ? {
              id: task.project.id,
              name: task.project.name,
              company: task.project.company,
              sector: task.project.sector,
              summary: task.project.summary,
              totalInvestment: { amount: task.project.totalInvestment, currency: task.project.currency },
            }
          : undefined,
      rubric: localizedRubric(task.track, viewer.locale),
      review: review ? presentReview(review) : null,
      draft: ownOpen ? (draft ? presentDraft(draft) : null) : undefined,
    };
  }

  /**
   * The assignee keeps their review in progress: any part of it, replacing the last draft. Outside
   * the process: the workflow never sees a draft, and saving one changes nothing there.
   */
  async saveDraft(reviewer: AuthUser, id: string, dto: ReviewDraftDto) {
    const task = await this.ownTask(reviewer, id);
    const problems = draftProblems(task.track, dto);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'the draft has invalid fields', problems);
    const saved = await this.tasks.saveDraft(task.id, reviewer.id, JSON.parse(JSON.stringify(dto)));
    if (!saved) {
      // Closed (or reassigned) since ownTask read it: answer as it would now (404 or 409).
      await this.ownTask(reviewer, id);
      throw new DomainError('INVALID_STATE', 'the task is no longer open');
    }
    return presentDraft(saved);
  }

  async submitReview(reviewer: AuthUser, id: string, dto: ReviewDto, requestId: string) {
    const task = await this.ownTask(reviewer, id);
    const review: ReviewInput = JSON.parse(JSON.stringify(dto));
    // Check the rubric here too, so a bad review costs no round trip to the workflow.
    const problems = reviewProblems(task.track, review);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'the review is incomplete or invalid', problems);
    const answer = await stillBeingAssigned(this.process.submitReview(task.projectId, { taskId: task.id, reviewerId: reviewer.id, review, requestId }));
    // The draft became the review. Were this lost, the draft would still never show again: it is shown only on an open task.
    await this.tasks.dropDraft(task.id);
    return answer;
  }

  /** The assignee steps back (a late-found conflict, no time); the workflow assigns a replacement. */
  async decline(reviewer: AuthUser, id: string, dto: DeclineDto, requestId: string) {
    const task = await this.ownTask(reviewer, id);
    const answer = await stillBeingAssigned(
      this.process.declineTask(task.projectId, { taskId: task.id, reviewerId: reviewer.id, reason: dto.reason, conflictOfInterest: dto.conflictOfInterest, requestId }),
    );
    await this.tasks.dropDraft(task.id);
    return answer;
  }

  /**
   * The assignee always sees their own task. Someone else's only a manager or admin whose part in
   * its project is the manager's: while they review the project themselves, others' tasks on it do
   * not exist for them.
   */
  private async visibleTask(viewer: AuthUser, id: string): Promise<{ task: ReviewTaskEntity; part: ProjectPart }> {
    const task = await this.tasks.findWithProject(id);
    if (!task || !task.project) throw new DomainError('NOT_FOUND', `no task ${id}`);
    const part = partIn(viewer, task.project, await this.tasks.tasksOf(task.projectId, viewer.id));
    if (task.assigneeId !== viewer.id && !seesWholeProject(part)) throw new DomainError('NOT_FOUND', `no task ${id}`);
    return { task, part };
  }

  /** Only the assignee acts on a task; to anyone else it does not exist. */
  private async ownTask(reviewer: AuthUser, id: string): Promise<ReviewTaskEntity> {
    const task = await this.tasks.findById(id);
    if (!task || task.assigneeId !== reviewer.id) throw new DomainError('NOT_FOUND', `no task ${id}`);
    if (task.status !== 'open') throw new DomainError('INVALID_STATE', `the task is ${task.status}, not open`);
    return task;
  }
}

/**
 * The task row exists (the assignment activity wrote it) but the workflow has not yet seen the
 * activity's result, e.g. right after a worker restart: the task is real and open, so "not found"
 * would mislead the reviewer. Answer 409, to be retried in a moment.
 */
async function stillBeingAssigned<T>(update: Promise<T>): Promise<T> {
  try {
    return await update;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') {
      throw new DomainError('INVALID_STATE', 'the task is still being assigned; retry in a few seconds');
    }
    throw error;
  }
}
