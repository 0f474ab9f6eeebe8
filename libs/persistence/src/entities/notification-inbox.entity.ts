import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { NotificationEntity } from './notification.entity';
import { UserEntity } from './user.entity';

/**
 * One notification as one person receives it: a role recipient fans out to a row per active holder.
 * (notification, user) is unique, so fanning out again adds nothing. The row carries the person's
 * read mark and the e-mail channel's delivery state (leased like the outbox: at-least-once, marked
 * sent once).
 */
@Entity('notification_inbox')
@Index('notification_inbox_uq', ['notificationId', 'userId'], { unique: true })
@Index('notification_inbox_user_idx', ['userId', 'createdAt'])
@Index('notification_inbox_mail_pending_idx', ['mailNextAttemptAt'], { where: 'mail_sent_at IS NULL' })
export class NotificationInboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'notification_inbox_notification_fk' })
  notification?: Relation<NotificationEntity>;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_inbox_user_fk' })
  user?: Relation<UserEntity>;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'mail_next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  mailNextAttemptAt!: Date;

  @Column({ name: 'mail_attempts', type: 'int', default: 0 })
  mailAttempts!: number;

  @Column({ name: 'mail_last_error', type: 'text', nullable: true })
  mailLastError!: string | null;

  @Column({ name: 'mail_sent_at', type: 'timestamptz', nullable: true })
  mailSentAt!: Date | null;
}
