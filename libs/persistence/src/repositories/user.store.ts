import { DataSource } from 'typeorm';
import { normalizeCompany, Role, Sector, Track } from '@dueflow/domain';
import { ConflictEntity, ReviewerProfileEntity, UserEntity } from '../entities';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  reviewer?: { tracks: Track[]; sectors: Sector[]; affiliation: string | null; maxOpenTasks: number };
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
    return this.dataSource.getRepository(ConflictEntity).findOneByOrFail({ reviewerId, companyKey });
  }
}
