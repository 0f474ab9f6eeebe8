import { DataSource } from 'typeorm';
import { DEFAULT_POLICY, Policy } from '@dueflow/domain';
import { PolicyEntity } from '../entities';

export interface PolicyVersion {
  version: number;
  policy: Policy;
}

export class PolicyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The policy in force; the built-in default until an admin sets one. */
  async current(): Promise<PolicyVersion> {
    const row = await this.dataSource.getRepository(PolicyEntity).find({ order: { version: 'DESC' }, take: 1 });
    return row[0] ? { version: row[0].version, policy: row[0].body } : { version: 0, policy: DEFAULT_POLICY };
  }

  async replace(policy: Policy, createdBy: string | null): Promise<PolicyVersion> {
    const saved = await this.dataSource.getRepository(PolicyEntity).save({ body: policy, createdBy });
    return { version: saved.version, policy: saved.body };
  }
}
