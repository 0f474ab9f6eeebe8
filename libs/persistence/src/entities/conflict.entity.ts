import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { UserEntity } from './user.entity';

/** A reviewer's declared conflict of interest with a company; kept for every later project. */
@Entity('conflicts')
// Unique per reviewer, company_key and COALESCE(credit_code, '') (an expression index: migration 1795751000000).
@Index('conflicts_reviewer_company_uq', { synchronize: false })
export class ConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: Relation<UserEntity>;

  @Column({ type: 'text' })
  company!: string;

  /** normalizeCompany(company): what assignment compares against. */
  @Column({ name: 'company_key', type: 'text' })
  companyKey!: string;

  /** The company's unified social credit code (normalised), when the declaration gave one. */
  @Column({ name: 'credit_code', type: 'text', nullable: true })
  creditCode!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'declared_by', type: 'uuid' })
  declaredBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
