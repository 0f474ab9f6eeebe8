import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Policy } from '@dueflow/domain';

/** Every version of the policy; the highest version is in force. */
@Entity('policies')
export class PolicyEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  body!: Policy;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
