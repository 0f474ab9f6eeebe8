import { DataSource, FindOptionsWhere } from 'typeorm';
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

  list(query: TaskListQuery): Promise<ReviewTaskEntity[]> {
    const where: FindOptionsWhere<ReviewTaskEntity> = {};
    if (query.status) where.status = query.status;
    if (query.projectId) where.projectId = query.projectId;
    if (query.track) where.track = query.track;
    if (query.assigneeId) where.assigneeId = query.assigneeId;
    return this.dataSource.getRepository(ReviewTaskEntity).find({
      where,
      order: { dueAt: 'ASC', id: 'ASC' },
      take: query.limit,
      relations: { project: true, assignee: true },
    });
  }

  findById(id: string): Promise<ReviewTaskEntity | null> {
    return this.dataSource.getRepository(ReviewTaskEntity).findOne({ where: { id }, relations: { project: true, assignee: true } });
  }

  reviewFor(taskId: string): Promise<ReviewEntity | null> {
    return this.dataSource.getRepository(ReviewEntity).findOneBy({ taskId });
  }
}
