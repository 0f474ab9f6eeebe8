import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { ProjectEntity } from './project.entity';
import type { SynthesisReport } from '@dueflow/domain';

@Entity('syntheses')
export class SynthesisEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @OneToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<ProjectEntity>;

  @Column({ type: 'jsonb' })
  report!: SynthesisReport;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
