import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_KINDS = ['assignment', 'reminder', 'escalation', 'quorum_failure', 'decision', 'information_request', 'decision_reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The outbox: written in the same transaction as the step that causes it, delivered afterwards by
 * the worker's dispatcher. `dedupe_key` makes a retried step write it once.
 */
@Entity('notifications')
@Index('notifications_dedupe_uq', ['dedupeKey'], { unique: true })
@Index('notifications_pending_idx', ['nextAttemptAt'], { where: 'sent_at IS NULL' })
@Index('notifications_fan_out_idx', ['createdAt'], { where: 'fanned_out_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  /** A user id, or a role (`role:manager`) when the message is for whoever holds it. */
  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** When its per-person inbox rows were written (notification_inbox); NULL until then. */
  @Column({ name: 'fanned_out_at', type: 'timestamptz', nullable: true })
  fannedOutAt!: Date | null;
}
