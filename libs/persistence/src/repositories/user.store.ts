import { DataSource, IsNull } from 'typeorm';
import { normalizeCompany, Role, Sector, Track } from '@dueflow/domain';
import { ConflictEntity, ReviewerProfileEntity, ReviewTaskEntity, UserEntity } from '../entities';
import type { UserLocale } from '../entities/user.entity';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  reviewer?: { tracks: Track[]; sectors: Sector[]; affiliation: string | null; maxOpenTasks: number };
}

export type ReviewerProfileFields = NonNullable<NewUser['reviewer']>;

/** Who a token's subject is now: what authentication needs, read on every request (through a cache). */
export interface UserIdentity {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  /** The console language: server-made words (rubric, notifications) come in it. */
  locale: UserLocale;
}

/** What an administrator may change on a user (PATCH /users/{id}); `reviewer: null` removes the profile. */
export interface UserChanges {
  name?: string;
  roles?: Role[];
  reviewer?: ReviewerProfileFields | null;
}

/** Users, reviewer profiles and declared conflicts of interest. */
export class UserStore {
  constructor(private readonly dataSource: DataSource) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { email: email.toLowerCase() }, relations: { reviewer: true } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id }, relations: { reviewer: true } });
  }

  async findIdentity(id: string): Promise<UserIdentity | null> {
    const rows: UserIdentity[] = await this.dataSource.query(
      `SELECT id, email, name, roles, deactivated_at IS NULL AS active, locale FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Applies an administrator's changes in one transaction. Returns null for an unknown user. The
   * reviewer profile is replaced whole when given, and removed when `reviewer` is null.
   */
  async update(id: string, changes: UserChanges): Promise<UserEntity | null> {
    return this.dataSource.transaction(async (em) => {
      const user = await em.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) return null;
      const set: Partial<Pick<UserEntity, 'name' | 'roles'>> = {};
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.roles !== undefined) set.roles = changes.roles;
      if (Object.keys(set).length > 0) await em.update(UserEntity, { id }, set);
      if (changes.reviewer === null) await em.delete(ReviewerProfileEntity, { userId: id });
      else if (changes.reviewer) await em.upsert(ReviewerProfileEntity, { userId: id, ...changes.reviewer }, ['userId']);
      return em.findOneOrFail(UserEntity, { where: { id }, relations: { reviewer: true } });
    });
  }

  /** Changes what a user may set on themself. Returns null for an unknown user. */
  async updateOwnSettings(id: string, changes: { name?: string; locale?: UserLocale }): Promise<UserEntity | null> {
    const set: Partial<Pick<UserEntity, 'name' | 'locale'>> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.locale !== undefined) set.locale = changes.locale;
    if (Object.keys(set).length > 0) await this.dataSource.getRepository(UserEntity).update({ id }, set);
    return this.findById(id);
  }

  /**
   * Replaces a password hash, only if it is still `expected` (when given): a rehash after sign-in
   * must not overwrite a password changed meanwhile. Returns whether it was written.
   */
  async setPasswordHash(id: string, passwordHash: string, expected?: string): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE users SET password_hash = $2 WHERE id = $1 AND ($3::text IS NULL OR password_hash = $3)`,
      [id, passwordHash, expected ?? null],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Marks the user deactivated (keeping the first time and reason on a retry); `changed` is false on a retry. Null for an unknown user. */
  async deactivate(id: string, reason: string): Promise<{ user: UserEntity; changed: boolean } | null> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE users SET deactivated_at = now(), deactivation_reason = $2 WHERE id = $1 AND deactivated_at IS NULL`,
      [id, reason],
    )) as [unknown, number];
    const user = await this.findById(id);
    return user ? { user, changed: affected === 1 } : null;
  }

  async reactivate(id: string): Promise<{ user: UserEntity; changed: boolean } | null> {
    const [, affected] = (await this.dataSource.query(`UPDATE users SET deactivated_at = NULL, deactivation_reason = NULL WHERE id = $1 AND deactivated_at IS NOT NULL`, [id])) as [
      unknown,
      number,
    ];
    const user = await this.findById(id);
    return user ? { user, changed: affected === 1 } : null;
  }

  /** The user's open review tasks, oldest first. */
  openTasksOf(userId: string): Promise<Array<Pick<ReviewTaskEntity, 'id' | 'projectId'>>> {
    return this.dataSource.getRepository(ReviewTaskEntity).find({
      select: { id: true, projectId: true },
      where: { assigneeId: userId, status: 'open' },
      order: { createdAt: 'ASC' },
    });
  }

  async taskIsOpen(taskId: string): Promise<boolean> {
    return this.dataSource.getRepository(ReviewTaskEntity).exists({ where: { id: taskId, status: 'open' } });
  }

  listConflicts(reviewerId: string): Promise<ConflictEntity[]> {
    return this.dataSource.getRepository(ConflictEntity).find({ where: { reviewerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Removes one of the reviewer's conflicts and returns it; null when they have none with this id. */
  async removeConflict(reviewerId: string, conflictId: string): Promise<Pick<ConflictEntity, 'id' | 'reviewerId' | 'company' | 'creditCode' | 'reason' | 'createdAt'> | null> {
    const [rows] = (await this.dataSource.query(
      `DELETE FROM conflicts WHERE id = $1 AND reviewer_id = $2 RETURNING id, reviewer_id, company, credit_code, reason, created_at`,
      [conflictId, reviewerId],
    )) as [Array<{ id: string; reviewer_id: string; company: string; credit_code: string | null; reason: string; created_at: Date }>, number];
    const row = rows[0];
    return row ? { id: row.id, reviewerId: row.reviewer_id, company: row.company, creditCode: row.credit_code, reason: row.reason, createdAt: row.created_at } : null;
  }

  async namesByIds(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.name'])
      .where('u.id IN (:...ids)', { ids: unique })
      .getMany();
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  /** Creates the user, or returns null when the email is taken. */
  async create(user: NewUser): Promise<UserEntity | null> {
    return this.dataSource.transaction(async (em) => {
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({ email: user.email.toLowerCase(), name: user.name, passwordHash: user.passwordHash, roles: user.roles })
        .orIgnore()
        .returning(['id'])
        .execute();
      const row = (inserted.raw as Array<{ id: string }>)[0];
      if (!row) return null;
      if (user.reviewer) {
        await em.insert(ReviewerProfileEntity, { userId: row.id, ...user.reviewer });
      }
      return em.findOneOrFail(UserEntity, { where: { id: row.id }, relations: { reviewer: true } });
    });
  }

  listByRole(role?: Role): Promise<UserEntity[]> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.reviewer', 'r')
      .orderBy('u.email', 'ASC');
    if (role) qb.where(':role = ANY(u.roles)', { role });
    return qb.getMany();
  }

  /** Declares a conflict; declaring the same company twice keeps the first declaration. */
  async declareConflict(reviewerId: string, { company, creditCode }: { company: string; creditCode: string | null }, reason: string, declaredBy: string): Promise<ConflictEntity> {
    const companyKey = normalizeCompany(company);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ConflictEntity)
      .values({ reviewerId, company, companyKey, creditCode, reason, declaredBy })
      .orIgnore()
      .execute();
    // The row this declaration names (a repeat finds the first one): same name key and same code, or both without one.
    return this.dataSource.getRepository(ConflictEntity).findOneByOrFail({ reviewerId, companyKey, creditCode: creditCode ?? IsNull() });
  }
}
