import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The officer's answer to a manager's information request (round n of the project). */
@Entity('information_responses')
@Index('information_responses_round_uq', ['projectId', 'round'], { unique: true })
export class InformationResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'jsonb' })
  questions!: string[];

  @Column({ type: 'jsonb' })
  answers!: string[];

  @Column({ name: 'answered_by', type: 'uuid' })
  answeredBy!: string;

  @Column({ name: 'answered_at', type: 'timestamptz' })
  answeredAt!: Date;
}
