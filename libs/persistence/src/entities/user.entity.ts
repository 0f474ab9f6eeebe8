import { Column, CreateDateColumn, Entity, OneToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Role } from '@dueflow/domain';
import { ReviewerProfileEntity } from './reviewer-profile.entity';

@Entity('users')
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

  @OneToOne(() => ReviewerProfileEntity, (profile) => profile.user)
  reviewer?: Relation<ReviewerProfileEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
