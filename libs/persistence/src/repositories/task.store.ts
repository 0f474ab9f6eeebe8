import { DataSource } from 'typeorm';
import type { TaskStatus, Track } from '@dueflow/domain';
import { ReviewEntity, ReviewTaskEntity } from '../entities';

export interface TaskListQuery {
  status?: TaskStatus;
  projectId?: string;
  track?: Track;
  assigneeId?: string;
  limit: number;
}

export class TaskStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement: the tasks with the few project and assignee columns a list shows. The joins are
   * many-to-one, so LIMIT applies to the tasks as they are; the project's policy snapshot, summary
   * and contact stay in the database.
   */
  list(query: TaskListQuery): Promise<ReviewTaskEntity[]> {
    const qb = this.dataSource
      .getRepository(ReviewTaskEntity)
      .createQueryBuilder('task')
      .leftJoin('task.project', 'project')
      .addSelect(['project.id', 'project.name', 'project.company', 'project.sector'])
      .leftJoin('task.assignee', 'assignee')
      .addSelect(['assignee.id', 'assignee.name']);
    if (query.status) qb.andWhere('task.status = :status', { status: query.status });
    if (query.projectId) qb.andWhere('task.projectId = :projectId', { projectId: query.projectId });
    if (query.track) qb.andWhere('task.track = :track', { track: query.track });
    if (query.assigneeId) qb.andWhere('task.assigneeId = :assigneeId', { assigneeId: query.assigneeId });
    return qb.orderBy('task.dueAt', 'ASC').addOrderBy('task.id', 'ASC').limit(query.limit).getMany();
  }

  findById(id: string): Promise<ReviewTaskEntity | null> {
    return this.dataSource.getRepository(ReviewTaskEntity).findOne({ where: { id }, relations: { project: true, assignee: true } });
  }

  reviewFor(taskId: string): Promise<ReviewEntity | null> {
    return this.dataSource.getRepository(ReviewEntity).findOneBy({ taskId });
  }
}
