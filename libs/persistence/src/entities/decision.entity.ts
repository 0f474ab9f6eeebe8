import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { UserEntity } from './user.entity';
import { ProjectEntity } from './project.entity';
import type { DecisionOutcome, Track } from '@dueflow/domain';

@Entity('decisions')
@Index('decisions_project_seq_uq', ['projectId', 'seq'], { unique: true })
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<ProjectEntity>;

  /** The n-th decision on the project, assigned by the workflow. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ name: 'manager_id', type: 'uuid' })
  managerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'manager_id' })
  manager?: Relation<UserEntity>;

  @Column({ type: 'text' })
  outcome!: DecisionOutcome;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'jsonb' })
  conditions!: string[];

  @Column({ type: 'jsonb' })
  questions!: string[];

  /** Tracks the manager asked to review again once the requested information arrives. */
  @Column({ name: 'reopen_tracks', type: 'jsonb', default: () => "'[]'" })
  reopenTracks!: Track[];

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
