import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ProjectEntity } from './project.entity';

@Entity('timeline_events')
@Index('timeline_events_project_seq_uq', ['projectId', 'seq'], { unique: true })
@Index('timeline_events_chain_uq', ['projectId', 'prevHash'], { unique: true })
/**
 * The audit store: append-only (database triggers refuse UPDATE, DELETE and TRUNCATE) and
 * hash-chained per project in append order (see audit/audit-chain.ts).
 */
export class TimelineEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<ProjectEntity>;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** The hash of the project's previous event (all zeros for the first); unique, so the chain can't fork. */
  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
