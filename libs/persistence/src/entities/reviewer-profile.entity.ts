import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import type { Sector, Track } from '@dueflow/domain';
import { UserEntity } from './user.entity';

@Entity('reviewer_profiles')
export class ReviewerProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, (user) => user.reviewer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text', array: true })
  tracks!: Track[];

  @Column({ type: 'text', array: true })
  sectors!: Sector[];

  @Column({ type: 'text', nullable: true })
  affiliation!: string | null;

  @Column({ name: 'max_open_tasks', type: 'int' })
  maxOpenTasks!: number;

  /** Tasks open on this reviewer now. Kept by the database (triggers on review_tasks); never written here. */
  @Column({ name: 'open_tasks', type: 'int', default: 0, insert: false, update: false })
  openTasks!: number;
}
