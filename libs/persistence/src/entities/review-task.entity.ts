import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { UserEntity } from './user.entity';
import { ProjectEntity } from './project.entity';
import type { TaskStatus, Track } from '@dueflow/domain';

@Entity('review_tasks')
@Index('review_tasks_slot_uq', ['projectId', 'track', 'slot', 'attempt'], { unique: true })
@Index('review_tasks_assignee_idx', ['assigneeId', 'status'])
export class ReviewTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<ProjectEntity>;

  @Column({ type: 'text' })
  track!: Track;

  /** Position in the track's panel; a replacement keeps the slot with the next attempt. */
  @Column({ type: 'int' })
  slot!: number;

  @Column({ type: 'int' })
  attempt!: number;

  /** The track's review round the workflow assigned the task in: 0 first, +1 per re-opening. */
  @Column({ type: 'int', default: 0 })
  round!: number;

  @Column({ name: 'assignee_id', type: 'uuid' })
  assigneeId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<UserEntity>;

  @Column({ type: 'text' })
  status!: TaskStatus;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ name: 'declined_for_conflict', type: 'boolean', nullable: true })
  declinedForConflict!: boolean | null;
}
