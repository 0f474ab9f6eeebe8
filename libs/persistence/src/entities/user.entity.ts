import { Check, Column, CreateDateColumn, Entity, OneToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { USER_LOCALES, type Role, type UserLocale } from '@dueflow/domain';
import { ReviewerProfileEntity } from './reviewer-profile.entity';

export { USER_LOCALES, type UserLocale };

@Entity('users')
@Check('users_locale_check', `"locale" IN ('zh-CN', 'en')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  /** The console's language for this user. */
  @Column({ type: 'text', default: 'zh-CN' })
  locale!: UserLocale;

  /** Set while the account is deactivated: no sign-in, no token accepted, no new assignment. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @Column({ name: 'deactivation_reason', type: 'text', nullable: true })
  deactivationReason!: string | null;

  @OneToOne(() => ReviewerProfileEntity, (profile) => profile.user)
  reviewer?: Relation<ReviewerProfileEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
