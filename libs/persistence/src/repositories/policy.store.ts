import { DataSource } from 'typeorm';
import { DEFAULT_POLICY, Policy } from '@dueflow/domain';
import { PolicyEntity } from '../entities';

export interface PolicyVersion {
  version: number;
  policy: Policy;
}

/** What replace() did: the new version, or the version in force when the caller's was stale. */
export type PolicyReplaced = { replaced: true; current: PolicyVersion } | { replaced: false; currentVersion: number };

export class PolicyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The policy in force; the built-in default (version 0) until an admin sets one. */
  async current(): Promise<PolicyVersion> {
    const row = await this.dataSource.getRepository(PolicyEntity).find({ order: { version: 'DESC' }, take: 1 });
    return row[0] ? { version: row[0].version, policy: row[0].body } : { version: 0, policy: DEFAULT_POLICY };
  }

  /**
   * Stores `policy` as version `basedOn + 1`, only if `basedOn` is still the version in force
   * (optimistic concurrency: two admins editing the same version, one wins). The version is the
   * primary key, so of two concurrent replacements of the same version the second inserts nothing.
   * The next version is the current one + 1, and `basedOn` is only compared (as a bigint): any version
   * the schema accepts is answered, a stale one 409, none overflows in SQL.
   */
  async replace(policy: Policy, basedOn: number, createdBy: string | null): Promise<PolicyReplaced> {
    return this.dataSource.transaction(async (em) => {
      const inserted: Array<{ version: number; body: Policy }> = await em.query(
        `INSERT INTO policies (version, body, created_by)
         SELECT v.current + 1, $2::jsonb, $3::uuid FROM (SELECT COALESCE(max(version), 0) AS current FROM policies) v WHERE v.current = $1::bigint
         ON CONFLICT (version) DO NOTHING RETURNING version, body`,
        [basedOn, JSON.stringify(policy), createdBy],
      );
      const row = inserted[0];
      if (!row) {
        const [latest] = (await em.query('SELECT COALESCE(max(version), 0) AS version FROM policies')) as Array<{ version: number }>;
        return { replaced: false, currentVersion: latest?.version ?? 0 };
      }
      // The version column is SERIAL: keep its sequence past the versions written here by hand.
      await em.query(`SELECT setval(pg_get_serial_sequence('policies', 'version'), $1::int)`, [row.version]);
      return { replaced: true, current: { version: row.version, policy: row.body } };
    });
  }
}
