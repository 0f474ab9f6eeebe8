import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ReviewTaskEntity } from './review-task.entity';

/**
 * The assignee's review in progress on a task, as PUT /tasks/{id}/draft last stored it: any part
 * of a review, already checked against the contract's draft schema. Private to the assignee and
 * outside the process (the workflow never reads it); shown only while the task is open.
 */
@Entity('review_drafts')
export class ReviewDraftEntity {
  @PrimaryColumn({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => ReviewTaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<ReviewTaskEntity>;

  @Column({ type: 'jsonb' })
  body!: Record<string, unknown>;

  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;
}
