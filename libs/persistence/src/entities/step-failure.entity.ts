import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A step of a project's process that failed for good, as the workflow reported it (the timeline's
 * `step_failed` event has the same seq). Kept so the metrics can count failures and the projects
 * that wait for an admin to resume them, without scanning the timelines.
 */
@Entity('step_failures')
@Index('step_failures_event_uq', ['projectId', 'seq'], { unique: true })
export class StepFailureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  /** The seq of the project's `step_failed` timeline event. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  step!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'failure_type', type: 'text', nullable: true })
  failureType!: string | null;

  /** The workflow waits for an admin to resume the step (a background step); false when the caller got the failure. */
  @Column({ name: 'awaits_resume', type: 'boolean' })
  awaitsResume!: boolean;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt!: Date;

  @Column({ name: 'resumed_at', type: 'timestamptz', nullable: true })
  resumedAt!: Date | null;

  @Column({ name: 'resumed_by', type: 'uuid', nullable: true })
  resumedBy!: string | null;
}
