import { DataSource } from 'typeorm';
import type { Sector, TaskStatus, Track } from '@dueflow/domain';
import { ProjectEntity, ReviewDraftEntity, ReviewEntity, ReviewTaskEntity } from '../entities';
import { SqlFilter } from './sql-filter';

export interface TaskListQuery {
  status?: TaskStatus;
  projectId?: string;
  track?: Track;
  assigneeId?: string;
  /** Leaves out the tasks of others on these projects (the viewer's own stay). */
  hideOthersOn?: { viewerId: string; projectIds: readonly string[] };
  limit: number;
}

/** One tie of a person to a project: a task they hold or held on it, or (no task) their submission. */
export interface ProjectTie {
  projectId: string;
  submittedBy: string;
  task: Pick<ReviewTaskEntity, 'assigneeId' | 'status' | 'declinedForConflict'> | null;
}

/** A task as a list shows it: its own columns, its project's name and its assignee's. */
export interface TaskListRow extends Pick<ReviewTaskEntity, 'id' | 'projectId' | 'track' | 'round' | 'status' | 'dueAt' | 'createdAt' | 'closedAt' | 'assigneeId'> {
  project: Pick<ProjectEntity, 'id' | 'name' | 'company' | 'sector'> | null;
  assignee: { id: string; name: string } | null;
}

interface TaskListSqlRow {
  id: string;
  project_id: string;
  track: Track;
  round: number;
  status: TaskStatus;
  due_at: Date;
  created_at: Date;
  closed_at: Date | null;
  assignee_id: string;
  project_name: string | null;
  project_company: string | null;
  project_sector: Sector | null;
  assignee_name: string | null;
}

export class TaskStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement: the tasks with the few project and assignee columns a list shows. The joins are
   * many-to-one, so LIMIT applies to the tasks as they are; the project's policy snapshot, summary
   * and contact stay in the database. Plain SQL: reviewers' clients poll this list, and building
   * it through the query builder cost the API more CPU per request than running it.
   */
  async list(query: TaskListQuery): Promise<TaskListRow[]> {
    const filter = new SqlFilter();
    if (query.status) filter.where(`t.status = ${filter.bind(query.status)}`);
    if (query.projectId) filter.where(`t.project_id = ${filter.bind(query.projectId)}`);
    if (query.track) filter.where(`t.track = ${filter.bind(query.track)}`);
    if (query.assigneeId) filter.where(`t.assignee_id = ${filter.bind(query.assigneeId)}`);
    if (query.hideOthersOn && query.hideOthersOn.projectIds.length > 0) {
      const { viewerId, projectIds } = query.hideOthersOn;
      filter.where(`(t.assignee_id = ${filter.bind(viewerId)} OR t.project_id <> ALL(${filter.bind([...projectIds])}::uuid[]))`);
    }
    const rows: TaskListSqlRow[] = await this.dataSource.query(
      `SELECT t.id, t.project_id, t.track, t.round, t.status, t.due_at, t.created_at, t.closed_at, t.assignee_id,
              p.name AS project_name, p.company AS project_company, p.sector AS project_sector, u.name AS assignee_name
         FROM review_tasks t
         LEFT JOIN projects p ON p.id = t.project_id
         LEFT JOIN users u ON u.id = t.assignee_id
        ${filter.clause()}
        ORDER BY t.due_at ASC, t.id ASC
        LIMIT ${filter.bind(query.limit)}`,
      filter.params,
    );
    return rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      track: r.track,
      round: r.round,
      status: r.status,
      dueAt: r.due_at,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      assigneeId: r.assignee_id,
      project: r.project_name === null ? null : { id: r.project_id, name: r.project_name, company: r.project_company!, sector: r.project_sector! },
      assignee: r.assignee_name === null ? null : { id: r.assignee_id, name: r.assignee_name },
    }));
  }

  /** The task row alone: what acting on a task (review, decline) needs to check. */
  findById(id: string): Promise<ReviewTaskEntity | null> {
    return this.dataSource.getRepository(ReviewTaskEntity).findOneBy({ id });
  }

  /** The task with its project and assignee, for its detail page. */
  findWithProject(id: string): Promise<ReviewTaskEntity | null> {
    return this.dataSource.getRepository(ReviewTaskEntity).findOne({ where: { id }, relations: { project: true, assignee: true } });
  }

  /**
   * Every project `userId` is tied to: those they hold or held a task on (one row per task) and
   * those they submitted (one row, no task). What their part in each follows from.
   */
  async tiesOf(userId: string): Promise<ProjectTie[]> {
    const rows: Array<{ project_id: string; submitted_by: string; status: TaskStatus | null; declined_for_conflict: boolean | null }> = await this.dataSource.query(
      `SELECT t.project_id, p.submitted_by, t.status, t.declined_for_conflict
         FROM review_tasks t JOIN projects p ON p.id = t.project_id
        WHERE t.assignee_id = $1
       UNION ALL
       SELECT p.id, p.submitted_by, NULL, NULL FROM projects p WHERE p.submitted_by = $1`,
      [userId],
    );
    return rows.map((r) => ({
      projectId: r.project_id,
      submittedBy: r.submitted_by,
      task: r.status === null ? null : { assigneeId: userId, status: r.status, declinedForConflict: r.declined_for_conflict },
    }));
  }

  /** The tasks `userId` holds or held on the project. */
  tasksOf(projectId: string, userId: string): Promise<ReviewTaskEntity[]> {
    return this.dataSource.getRepository(ReviewTaskEntity).findBy({ projectId, assigneeId: userId });
  }

  reviewFor(taskId: string): Promise<ReviewEntity | null> {
    return this.dataSource.getRepository(ReviewEntity).findOneBy({ taskId });
  }

  /**
   * Stores `body` as the draft of task `taskId`, replacing any earlier one, but only while the task
   * is open and held by `assigneeId`: checked in the same statement, so a review submitted (or the
   * task reassigned) a moment earlier cannot be followed by a draft. Null when it was not stored.
   */
  async saveDraft(taskId: string, assigneeId: string, body: Record<string, unknown>): Promise<ReviewDraftEntity | null> {
    const rows: Array<{ task_id: string; body: Record<string, unknown>; saved_at: Date }> = await this.dataSource.query(
      `INSERT INTO review_drafts (task_id, body, saved_at)
       SELECT t.id, $3::jsonb, now() FROM review_tasks t WHERE t.id = $1 AND t.assignee_id = $2 AND t.status = 'open'
       ON CONFLICT (task_id) DO UPDATE SET body = EXCLUDED.body, saved_at = EXCLUDED.saved_at
       RETURNING task_id, body, saved_at`,
      [taskId, assigneeId, JSON.stringify(body)],
    );
    const row = rows[0];
    return row ? Object.assign(new ReviewDraftEntity(), { taskId: row.task_id, body: row.body, savedAt: row.saved_at }) : null;
  }

  draftFor(taskId: string): Promise<ReviewDraftEntity | null> {
    return this.dataSource.getRepository(ReviewDraftEntity).findOneBy({ taskId });
  }

  /** The draft has become a review (or the task was declined): nothing left to resume. */
  async dropDraft(taskId: string): Promise<void> {
    await this.dataSource.getRepository(ReviewDraftEntity).delete({ taskId });
  }
}
