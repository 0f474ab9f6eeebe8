import { DataSource } from 'typeorm';
import { DEFAULT_POLICY } from '@dueflow/domain';
import type { Money, ProjectSource, ProjectStage, ProjectStatus, Sector } from '@dueflow/domain';
import {
  DecisionEntity,
  ProjectEntity,
  ReviewEntity,
  ReviewTaskEntity,
  SigningEntity,
  SynthesisEntity,
  TimelineEventEntity,
} from '../entities';
import { ChainVerdict, verifyChain } from '../audit/audit-chain';
import { Cursor, encodeCursor } from './cursor';

export interface NewProject {
  id: string;
  name: string;
  company: string;
  sector: Sector;
  totalInvestment: Money;
  expectedAnnualOutput: Money | null;
  landAreaMu: number | null;
  headcount: number | null;
  source: ProjectSource;
  stage: ProjectStage | null;
  summary: string;
  contact: Record<string, string> | null;
  submittedBy: string;
  workflowId: string;
  idempotencyKey: string | null;
  requestHash: string | null;
}

export interface ProjectListQuery {
  status?: ProjectStatus;
  sector?: Sector;
  submittedBy?: string;
  limit: number;
  after?: Cursor;
}

export interface ProjectRecord {
  project: ProjectEntity;
  tasks: ReviewTaskEntity[];
  reviews: ReviewEntity[];
  synthesis: SynthesisEntity | null;
  decisions: DecisionEntity[];
  signing: SigningEntity | null;
}

/** The project read model, as the API reads and creates it. */
export class ProjectStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the project under the policy in force, returning the stored row; when the officer's
   * idempotency key is taken, returns the existing row instead. The policy snapshot is read by the
   * INSERT itself and the row comes back from RETURNING: a submission is one round trip, not three
   * (policy, insert, re-read), which is most of what POST /projects spends outside Temporal.
   */
  async create(project: NewProject): Promise<{ project: ProjectEntity; created: boolean }> {
    const repo = this.dataSource.getRepository(ProjectEntity);
    // One statement, one snapshot: both subqueries see the same latest policy (PolicyStore.current's rule).
    const result = await repo
      .createQueryBuilder()
      .insert()
      .values({
        ...project,
        totalInvestment: project.totalInvestment.amount,
        currency: project.totalInvestment.currency,
        policy: () => 'COALESCE((SELECT body FROM policies ORDER BY version DESC LIMIT 1), CAST(:defaultPolicy AS jsonb))',
        policyVersion: () => 'COALESCE((SELECT max(version) FROM policies), 0)',
        status: 'screening',
        statusDetail: null,
        createdAt: new Date(),
      })
      .setParameter('defaultPolicy', JSON.stringify(DEFAULT_POLICY))
      .orIgnore()
      .returning('*')
      .execute();
    const inserted = (result.raw as Array<Record<string, unknown>> | undefined)?.[0];
    if (inserted) return { project: this.hydrate(inserted), created: true };
    const existing = await repo.findOneByOrFail({ submittedBy: project.submittedBy, idempotencyKey: project.idempotencyKey ?? '' });
    return { project: existing, created: false };
  }

  /** A RETURNING * row as the entity TypeORM would have loaded (column names, types, transformers). */
  private hydrate(raw: Record<string, unknown>): ProjectEntity {
    const metadata = this.dataSource.getMetadata(ProjectEntity);
    const entity = metadata.create() as ProjectEntity;
    for (const column of metadata.columns) {
      column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(raw[column.databaseName], column));
    }
    return entity;
  }

  findById(id: string): Promise<ProjectEntity | null> {
    return this.dataSource.getRepository(ProjectEntity).findOneBy({ id });
  }

  async list(query: ProjectListQuery): Promise<{ items: ProjectEntity[]; nextCursor: string | null }> {
    const qb = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p');
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.sector) qb.andWhere('p.sector = :sector', { sector: query.sector });
    if (query.submittedBy) qb.andWhere('p.submitted_by = :submittedBy', { submittedBy: query.submittedBy });
    if (query.after) {
      qb.andWhere('(p.created_at, p.id) < (:createdAt, :id)', { createdAt: query.after.createdAt, id: query.after.id });
    }
    const rows = await qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').take(query.limit + 1).getMany();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  /** Everything GET /projects/{id} can show; the caller filters by what the reader may see. */
  async record(id: string): Promise<ProjectRecord | null> {
    const em = this.dataSource.manager;
    const project = await em.findOneBy(ProjectEntity, { id });
    if (!project) return null;
    const [tasks, reviews, synthesis, decisions, signing] = await Promise.all([
      em.find(ReviewTaskEntity, { where: { projectId: id }, order: { track: 'ASC', slot: 'ASC', attempt: 'ASC' } }),
      em.find(ReviewEntity, { where: { projectId: id }, order: { submittedAt: 'ASC' } }),
      em.findOneBy(SynthesisEntity, { projectId: id }),
      em.find(DecisionEntity, { where: { projectId: id }, order: { seq: 'ASC' } }),
      em.findOneBy(SigningEntity, { projectId: id }),
    ]);
    return { project, tasks, reviews, synthesis, decisions, signing };
  }

  synthesis(projectId: string): Promise<SynthesisEntity | null> {
    return this.dataSource.getRepository(SynthesisEntity).findOneBy({ projectId });
  }

  timeline(projectId: string): Promise<TimelineEventEntity[]> {
    return this.dataSource.getRepository(TimelineEventEntity).find({ where: { projectId }, order: { seq: 'ASC' } });
  }

  /** Recomputes the project's audit chain, in append order, against the head its row remembers. */
  async verifyTimeline(projectId: string): Promise<ChainVerdict & { projectId: string }> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const project = await em.findOneOrFail(ProjectEntity, { where: { id: projectId }, select: { id: true, auditHead: true, auditLength: true } });
      const events = await em.find(TimelineEventEntity, { where: { projectId }, order: { id: 'ASC' } });
      return { projectId, ...verifyChain(events, { head: project.auditHead, length: project.auditLength }) };
    });
  }

  /** Whether the reviewer holds (or held) a task on the project: what lets them read it. */
  async isReviewerOn(projectId: string, reviewerId: string): Promise<boolean> {
    return this.dataSource.getRepository(ReviewTaskEntity).existsBy({ projectId, assigneeId: reviewerId });
  }
}
