import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ReviewTaskEntity } from './review-task.entity';
import type { CoInvestment, Recommendation, RiskPoint, Track } from '@dueflow/domain';

@Entity('reviews')
@Index('reviews_task_uq', ['taskId'], { unique: true })
@Index('reviews_project_idx', ['projectId'])
export class ReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => ReviewTaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<ReviewTaskEntity>;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId!: string;

  @Column({ type: 'text' })
  track!: Track;

  /** The round of the task the review answers (copied from it when the review is recorded). */
  @Column({ type: 'int', default: 0 })
  round!: number;

  @Column({ type: 'jsonb' })
  scores!: Record<string, number>;

  @Column({ type: 'text' })
  recommendation!: Recommendation;

  @Column({ name: 'risk_points', type: 'jsonb' })
  riskPoints!: RiskPoint[];

  @Column({ type: 'text' })
  comments!: string;

  @Column({ name: 'co_investment', type: 'jsonb', nullable: true })
  coInvestment!: CoInvestment | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
