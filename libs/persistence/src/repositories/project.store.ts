import { Between, DataSource, In, Not } from 'typeorm';
import type { DueDiligenceInput } from '@dueflow/contract';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DEFAULT_POLICY } from '@dueflow/domain';
import type { Money, ProjectSource, ProjectStage, ProjectStatus, Sector } from '@dueflow/domain';
import {
  DecisionEntity,
  InformationResponseEntity,
  ProjectEntity,
  ReviewEntity,
  ReviewTaskEntity,
  SigningEntity,
  SynthesisEntity,
  TimelineEventEntity,
} from '../entities';
import { ChainVerdict, verifyChain } from '../audit/audit-chain';
import { Cursor, encodeCursor } from './cursor';
import { SqlFilter } from './sql-filter';

export interface NewProject {
  id: string;
  name: string;
  company: string;
  /** Normalised unified social credit code, if given. */
  creditCode?: string | null;
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
  /** The officer's answers to information requests, by round. */
  information: InformationResponseEntity[];
}

/** A project with the tasks one person holds or held on it: what their part in it follows from. */
export interface Participation {
  project: ProjectEntity;
  ownTasks: ReviewTaskEntity[];
}

/** The information requests of a project (the request_info decisions, in order) and the answers. */
export interface InformationRecord {
  decisions: DecisionEntity[];
  information: InformationResponseEntity[];
}

/** What a list page holds of each project: the columns its summary shows. */
const LIST_COLUMNS = [
  'id',
  'name',
  'company',
  'sector',
  'totalInvestment',
  'currency',
  'source',
  'stage',
  'status',
  'statusDetail',
  'submittedBy',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof ProjectEntity>;

export type ProjectListRow = Pick<ProjectEntity, (typeof LIST_COLUMNS)[number]>;

/** What a submission writes besides the policy snapshot the INSERT reads for itself. */
const INSERT_COLUMNS = [
  'id',
  'name',
  'company',
  'creditCode',
  'sector',
  'totalInvestment',
  'currency',
  'expectedAnnualOutput',
  'landAreaMu',
  'headcount',
  'source',
  'stage',
  'summary',
  'contact',
  'submittedBy',
  'workflowId',
  'idempotencyKey',
  'requestHash',
  'status',
  'statusDetail',
  'createdAt',
] as const satisfies ReadonlyArray<keyof ProjectEntity>;

type InsertRow = Pick<ProjectEntity, (typeof INSERT_COLUMNS)[number]>;

/** The policy a project gets when no admin has ever saved one, as the INSERT's fallback parameter. */
const DEFAULT_POLICY_JSON = JSON.stringify(DEFAULT_POLICY);

/** The project read model, as the API reads and creates it. */
export class ProjectStore {
  /** The list's SELECT clause and columns, resolved from the entity metadata on first use. */
  private listSelect?: { select: string; columns: ColumnMetadata[] };
  /** The submission's INSERT and its columns, resolved from the entity metadata on first use. */
  private insertStatement?: { sql: string; columns: ColumnMetadata[] };

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the project under the policy in force, returning the stored row; when the officer's
   * idempotency key is taken, returns the existing row instead. The policy snapshot is read by the
   * INSERT itself and the row comes back from RETURNING: a submission is one round trip, not three
   * (policy, insert, re-read), which is most of what POST /projects spends outside Temporal.
   */
  async create(project: NewProject): Promise<{ project: ProjectEntity; created: boolean }> {
    const row: InsertRow = {
      ...project,
      creditCode: project.creditCode ?? null,
      totalInvestment: project.totalInvestment.amount,
      currency: project.totalInvestment.currency,
      status: 'screening',
      statusDetail: null,
      createdAt: new Date(),
    };
    const { sql, columns } = this.insertColumns();
    const driver = this.dataSource.driver;
    const params = columns.map((column) => driver.preparePersistentValue(row[column.propertyName as keyof InsertRow], column));
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(sql, [...params, DEFAULT_POLICY_JSON]);
    if (raw[0]) return { project: this.hydrate(raw[0]), created: true };
    const existing = await this.dataSource
      .getRepository(ProjectEntity)
      .findOneByOrFail({ submittedBy: project.submittedBy, idempotencyKey: project.idempotencyKey ?? '' });
    return { project: existing, created: false };
  }

  /**
   * INSERT … ON CONFLICT DO NOTHING RETURNING *, as plain SQL (the query builder cost more CPU per
   * submission than the statement). One statement, one snapshot: both subqueries see the same latest
   * policy (PolicyStore.current's rule).
   */
  private insertColumns(): { sql: string; columns: ColumnMetadata[] } {
    if (!this.insertStatement) {
      const metadata = this.dataSource.getMetadata(ProjectEntity);
      const columns = INSERT_COLUMNS.map((property) => metadata.findColumnWithPropertyName(property)!);
      const names = [...columns.map((c) => `"${c.databaseName}"`), 'policy', 'policy_version'].join(', ');
      const values = columns.map((_, i) => `$${i + 1}`).join(', ');
      const policy = `COALESCE((SELECT body FROM policies ORDER BY version DESC LIMIT 1), CAST($${columns.length + 1} AS jsonb))`;
      const policyVersion = 'COALESCE((SELECT max(version) FROM policies), 0)';
      this.insertStatement = {
        sql: `INSERT INTO projects (${names}) VALUES (${values}, ${policy}, ${policyVersion}) ON CONFLICT DO NOTHING RETURNING *`,
        columns,
      };
    }
    return this.insertStatement;
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

  /**
   * A page of the list, newest first. Rows carry the summary columns only: the list never shows the
   * policy snapshot, summary or contact, and fetching and hydrating those (the policy is ~1 KB of
   * JSON a row) was most of what a page cost the API beyond the query itself. The statement is
   * plain SQL: building it through the query builder cost more CPU per request than running it.
   */
  async list(query: ProjectListQuery): Promise<{ items: ProjectListRow[]; nextCursor: string | null }> {
    const filter = new SqlFilter();
    if (query.status) filter.where(`p.status = ${filter.bind(query.status)}`);
    if (query.sector) filter.where(`p.sector = ${filter.bind(query.sector)}`);
    if (query.submittedBy) filter.where(`p.submitted_by = ${filter.bind(query.submittedBy)}`);
    if (query.after) filter.where(`(p.created_at, p.id) < (${filter.bind(query.after.createdAt)}, ${filter.bind(query.after.id)})`);
    const { select, columns } = this.listColumns();
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${select} FROM projects p${filter.clause()} ORDER BY p.created_at DESC, p.id DESC LIMIT ${filter.bind(query.limit + 1)}`,
      filter.params,
    );
    const driver = this.dataSource.driver;
    const items = raw.slice(0, query.limit).map((row) => {
      const item: Record<string, unknown> = {};
      for (const column of columns) item[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
      return item as ProjectListRow;
    });
    const last = items[items.length - 1];
    return { items, nextCursor: raw.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  /** The list's columns and SELECT clause, from the entity metadata, once. */
  private listColumns(): { select: string; columns: ColumnMetadata[] } {
    if (!this.listSelect) {
      const metadata = this.dataSource.getMetadata(ProjectEntity);
      const columns = LIST_COLUMNS.map((property) => metadata.findColumnWithPropertyName(property)!);
      this.listSelect = { select: columns.map((c) => `p."${c.databaseName}"`).join(', '), columns };
    }
    return this.listSelect;
  }

  /** Everything GET /projects/{id} can show; the caller filters by what the reader may see. */
  async record(id: string): Promise<ProjectRecord | null> {
    const em = this.dataSource.manager;
    const project = await em.findOneBy(ProjectEntity, { id });
    if (!project) return null;
    const [tasks, reviews, synthesis, decisions, signing, information] = await Promise.all([
      em.find(ReviewTaskEntity, { where: { projectId: id }, order: { track: 'ASC', slot: 'ASC', attempt: 'ASC' } }),
      em.find(ReviewEntity, { where: { projectId: id }, order: { submittedAt: 'ASC' } }),
      em.findOneBy(SynthesisEntity, { projectId: id }),
      em.find(DecisionEntity, { where: { projectId: id }, order: { seq: 'ASC' } }),
      em.findOneBy(SigningEntity, { projectId: id }),
      em.find(InformationResponseEntity, { where: { projectId: id }, order: { round: 'ASC' } }),
    ]);
    return { project, tasks, reviews, synthesis, decisions, signing, information };
  }

  /** The project and the tasks `userId` holds or held on it; null for an unknown project. */
  async participation(projectId: string, userId: string): Promise<Participation | null> {
    const em = this.dataSource.manager;
    const [project, ownTasks] = await Promise.all([
      em.findOneBy(ProjectEntity, { id: projectId }),
      em.find(ReviewTaskEntity, { where: { projectId, assigneeId: userId }, order: { createdAt: 'ASC' } }),
    ]);
    return project ? { project, ownTasks } : null;
  }

  /** The project's request_info decisions and the officer's answers, for the report. */
  async informationRecord(projectId: string): Promise<InformationRecord> {
    const em = this.dataSource.manager;
    const [decisions, information] = await Promise.all([
      em.find(DecisionEntity, { where: { projectId, outcome: 'request_info' }, order: { seq: 'ASC' } }),
      em.find(InformationResponseEntity, { where: { projectId }, order: { round: 'ASC' } }),
    ]);
    return { decisions, information };
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
  /**
   * Projects whose process never took a step: still `screening` with an empty timeline, submitted
   * inside `window`, oldest first, leaving out `skip`. For these the submission's workflow start was
   * lost (the API stopped between the insert and the start, and the client never retried).
   */
  unstarted(window: { after: Date; before: Date }, limit: number, skip: readonly string[] = []): Promise<ProjectEntity[]> {
    return this.dataSource.getRepository(ProjectEntity).find({
      where: { auditLength: 0, status: 'screening', createdAt: Between(window.after, window.before), ...(skip.length > 0 ? { id: Not(In([...skip])) } : {}) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  async isReviewerOn(projectId: string, reviewerId: string): Promise<boolean> {
    return this.dataSource.getRepository(ReviewTaskEntity).existsBy({ projectId, assigneeId: reviewerId });
  }
}

/** What a project's process is started with: the submission as recorded, under its policy snapshot. */
export function processInputOf(project: ProjectEntity, requestId?: string): DueDiligenceInput {
  return {
    projectId: project.id,
    company: project.company,
    ...(project.creditCode ? { creditCode: project.creditCode } : {}),
    sector: project.sector,
    totalInvestment: { amount: project.totalInvestment, currency: project.currency },
    submittedBy: project.submittedBy,
    policy: project.policy,
    requestId,
  };
}
