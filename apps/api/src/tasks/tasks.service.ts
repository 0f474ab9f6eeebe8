import { Injectable } from '@nestjs/common';
import { DomainError, ReviewInput, rubricFor, validateReview } from '@dueflow/domain';
import { ReviewTaskEntity, TaskListRow, TaskStore } from '@dueflow/persistence';
import { AuthUser, seesEverything } from '../auth/auth-user';
import { ProcessGateway } from '../infrastructure/process.gateway';
import { presentReview } from '../projects/project.presenter';
import { DeclineDto, ListTasksQuery, ReviewDto } from './task.dto';

const TASK_PAGE = 200;

function presentTask(task: TaskListRow | ReviewTaskEntity) {
  return {
    id: task.id,
    projectId: task.projectId,
    project: task.project ? { id: task.project.id, name: task.project.name, company: task.project.company, sector: task.project.sector } : undefined,
    track: task.track,
    status: task.status,
    dueAt: task.dueAt.toISOString(),
    assignee: { id: task.assigneeId, name: task.assignee?.name ?? null },
    createdAt: task.createdAt.toISOString(),
    closedAt: task.closedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskStore,
    private readonly process: ProcessGateway,
  ) {}

  async list(viewer: AuthUser, query: ListTasksQuery) {
    const rows = await this.tasks.list({
      ...query,
      assigneeId: seesEverything(viewer) ? undefined : viewer.id,
      limit: TASK_PAGE,
    });
    return { items: rows.map(presentTask) };
  }

  async detail(viewer: AuthUser, id: string) {
    const task = await this.visibleTask(viewer, id);
    const review = await this.tasks.reviewFor(task.id);
    return {
      ...presentTask(task),
      project: task.project
        ? { id: task.project.id, name: task.project.name, company: task.project.company, sector: task.project.sector, summary: task.project.summary, totalInvestment: { amount: task.project.totalInvestment, currency: task.project.currency } }
        : undefined,
      rubric: rubricFor(task.track),
      review: review ? presentReview(review) : null,
    };
  }

  async submitReview(reviewer: AuthUser, id: string, dto: ReviewDto, requestId: string) {
    const task = await this.ownTask(reviewer, id);
    const review: ReviewInput = JSON.parse(JSON.stringify(dto));
    // Check the rubric here too, so a bad review costs no round trip to the workflow.
    const problems = validateReview(task.track, review);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'the review is incomplete or invalid', problems);
    return stillBeingAssigned(this.process.submitReview(task.projectId, { taskId: task.id, reviewerId: reviewer.id, review, requestId }));
  }

  /** The assignee steps back (a late-found conflict, no time); the workflow assigns a replacement. */
  async decline(reviewer: AuthUser, id: string, dto: DeclineDto, requestId: string) {
    const task = await this.ownTask(reviewer, id);
    return stillBeingAssigned(
      this.process.declineTask(task.projectId, { taskId: task.id, reviewerId: reviewer.id, reason: dto.reason, conflictOfInterest: dto.conflictOfInterest, requestId }),
    );
  }

  private async visibleTask(viewer: AuthUser, id: string): Promise<ReviewTaskEntity> {
    const task = await this.tasks.findWithProject(id);
    if (!task || !(seesEverything(viewer) || task.assigneeId === viewer.id)) throw new DomainError('NOT_FOUND', `no task ${id}`);
    return task;
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
