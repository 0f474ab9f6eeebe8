import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import type { Money, Policy, ProjectSource, ProjectStage, ProjectStatus, Sector } from '@dueflow/domain';
import { bigintNumber, numericNumber } from './transformers';

/** Read model of a project; the workflow owns its status and writes it here through activities. */
@Entity('projects')
@Index('projects_list_idx', ['createdAt', 'id'])
@Index('projects_status_list_idx', ['status', 'createdAt', 'id'])
@Index('projects_submitter_idx', ['submittedBy', 'createdAt', 'id'])
@Index('projects_idempotency_uq', ['submittedBy', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
export class ProjectEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  company!: string;

  /** The company's unified social credit code (统一社会信用代码), normalised, when the officer gave it. */
  @Column({ name: 'credit_code', type: 'text', nullable: true })
  creditCode!: string | null;

  @Column({ type: 'text' })
  sector!: Sector;

  @Column({ name: 'total_investment', type: 'bigint', transformer: bigintNumber })
  totalInvestment!: number;

  @Column({ type: 'text' })
  currency!: Money['currency'];

  @Column({ name: 'expected_annual_output', type: 'jsonb', nullable: true })
  expectedAnnualOutput!: Money | null;

  @Column({ name: 'land_area_mu', type: 'numeric', nullable: true, transformer: numericNumber })
  landAreaMu!: number | null;

  @Column({ type: 'int', nullable: true })
  headcount!: number | null;

  @Column({ type: 'text' })
  source!: ProjectSource;

  @Column({ type: 'text', nullable: true })
  stage!: ProjectStage | null;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'jsonb', nullable: true })
  contact!: Record<string, string> | null;

  @Column({ type: 'text' })
  status!: ProjectStatus;

  @Column({ name: 'status_detail', type: 'text', nullable: true })
  statusDetail!: string | null;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by' })
  submitter?: Relation<UserEntity>;

  @Column({ type: 'jsonb' })
  policy!: Policy;

  @Column({ name: 'policy_version', type: 'int' })
  policyVersion!: number;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  /** Scoped to the submitting officer; unique together with them. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash!: string | null;

  /** The last link of the project's audit chain and how many events it holds: truncation shows. */
  @Column({ name: 'audit_head', type: 'char', length: 64, nullable: true })
  auditHead!: string | null;

  @Column({ name: 'audit_length', type: 'int', default: 0 })
  auditLength!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
