import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { workflowIdFor } from '@dueflow/contract';
import { DomainError, canonicalJson } from '@dueflow/domain';
import { ProjectChangeListener, ProjectEntity, ProjectStore, UserStore, decodeCursor, processInputOf } from '@dueflow/persistence';
import { AuthUser, hasRole, seesEverything } from '../auth/auth-user';
import { EntityTags, noneMatchHolds, representationTag } from '../common/conditional';
import { ProcessGateway } from '../infrastructure/process.gateway';
import { CreateProjectDto, DecisionDto, InformationDto, ListProjectsQuery, SigningDto, WithdrawDto } from './project.dto';
import type { ProjectDetail } from '../openapi/schemas';
import { presentProjectDetail, presentProjectSummary, presentTimelineEvent } from './project.presenter';
import type { ResumeDto } from './resume.dto';

const DEFAULT_PAGE = 20;
const NO_CONDITIONS: DetailConditions = { ifNoneMatch: null, waitSeconds: 0 };

/** A conditional read of a project: the tags the caller holds, how long it may wait, when it gave up. */
export interface DetailConditions {
  ifNoneMatch: EntityTags | null;
  waitSeconds: number;
  /** Aborts when the caller goes away: the wait ends at once. */
  signal?: AbortSignal;
}

/** A project's detail with its entity tag; `body` is null when the caller's tag is still current. */
export interface TaggedDetail {
  etag: string;
  body: ProjectDetail | null;
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectStore,
    private readonly users: UserStore,
    private readonly process: ProcessGateway,
    private readonly changes: ProjectChangeListener,
  ) {}

  /**
   * Records the project under the policy in force (read by the insert itself), then starts its
   * workflow. Both steps are idempotent, so a client retrying with the same Idempotency-Key after
   * any failure gets the same project and one workflow.
   */
  async submit(officer: AuthUser, dto: CreateProjectDto, idempotencyKey: string | undefined, requestId: string) {
    const requestHash = idempotencyKey ? createHash('sha256').update(canonicalJson(dto)).digest('hex') : null;
    const id = randomUUID();
    const { project, created } = await this.projects.create({
      id,
      name: dto.name,
      company: dto.company,
      sector: dto.sector,
      totalInvestment: { amount: dto.totalInvestment.amount, currency: dto.totalInvestment.currency },
      expectedAnnualOutput: dto.expectedAnnualOutput ? { ...dto.expectedAnnualOutput } : null,
      landAreaMu: dto.landAreaMu ?? null,
      headcount: dto.headcount ?? null,
      source: dto.source,
      stage: dto.stage ?? null,
      summary: dto.summary,
      contact: dto.contact ? { ...dto.contact } as Record<string, string> : null,
      submittedBy: officer.id,
      workflowId: workflowIdFor(id),
      idempotencyKey: idempotencyKey ?? null,
      requestHash,
    });
    if (!created && project.requestHash !== requestHash) {
      throw new DomainError('RULE_VIOLATION', 'this Idempotency-Key was already used with a different request body', [
        { field: 'Idempotency-Key', problem: 'was used before with a different body' },
      ]);
    }
    // A retry finds the project; its process needs a start only if it has not recorded a step (the
    // first attempt stopped between the insert and the start). One that has taken steps is not
    // started again, even after Temporal has forgotten it (past the namespace's retention).
    if (created || project.auditLength === 0) await this.process.start(processInputOf(project, requestId));
    return { created, body: presentProjectSummary(project) };
  }

  async list(viewer: AuthUser, query: ListProjectsQuery) {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after === null) throw new DomainError('VALIDATION_FAILED', 'the cursor is not valid', [{ field: 'cursor', problem: 'is not a cursor this API issued' }]);
    const page = await this.projects.list({
      status: query.status,
      sector: query.sector,
      submittedBy: seesEverything(viewer) ? undefined : viewer.id,
      limit: query.limit ?? DEFAULT_PAGE,
      after,
    });
    return { items: page.items.map(presentProjectSummary), nextCursor: page.nextCursor };
  }

  /**
   * The project as the viewer may see it, with the entity tag of that view. With `ifNoneMatch` it
   * answers `body: null` while the viewer's tag is current, after holding the request up to
   * `waitSeconds` for a step that changes the view. The watch starts before the first read, so a step
   * committed in between still wakes it; a read after the wait runs out catches what a lost
   * notification would hide.
   */
  async detail(viewer: AuthUser, id: string, conditions: DetailConditions = NO_CONDITIONS): Promise<TaggedDetail> {
    const { ifNoneMatch, waitSeconds, signal } = conditions;
    if (!ifNoneMatch) return this.readDetail(viewer, id);
    const watch = waitSeconds > 0 ? await this.changes.watch(id).catch(() => null) : null;
    try {
      const deadline = Date.now() + waitSeconds * 1000;
      for (;;) {
        const current = await this.readDetail(viewer, id);
        if (!noneMatchHolds(ifNoneMatch, current.etag)) return current;
        const left = deadline - Date.now();
        if (!watch || left <= 0 || (await watch.next(left, signal)) === 'closed') return { etag: current.etag, body: null };
      }
    } finally {
      watch?.stop();
    }
  }

  async timeline(viewer: AuthUser, id: string) {
    await this.visibleToPanel(viewer, id);
    const events = await this.projects.timeline(id);
    const names = await this.users.namesByIds(events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
    return { items: events.map((e) => presentTimelineEvent(e, names)) };
  }

  /** Recomputes the project's audit hash chain from the stored rows. */
  async verifyTimeline(viewer: AuthUser, id: string) {
    await this.visibleToPanel(viewer, id);
    return this.projects.verifyTimeline(id);
  }

  async report(viewer: AuthUser, id: string) {
    const project = await this.visibleToPanel(viewer, id);
    const synthesis = await this.projects.synthesis(id);
    if (!synthesis) throw new DomainError('INVALID_STATE', `the project is ${project.status}; the synthesis report is not ready`);
    return { projectId: id, createdAt: synthesis.createdAt.toISOString(), ...synthesis.report };
  }

  async decide(manager: AuthUser, id: string, dto: DecisionDto, requestId: string) {
    await this.visibleToPanel(manager, id);
    return this.process.decide(id, {
      managerId: manager.id,
      outcome: dto.outcome,
      rationale: dto.rationale,
      conditions: dto.conditions,
      questions: dto.questions,
      reopenTracks: dto.outcome === 'request_info' ? dto.reopenTracks : undefined,
      requestId,
    });
  }

  /** Only the project's own officer answers the manager's questions. */
  async provideInformation(officer: AuthUser, id: string, dto: InformationDto, requestId: string) {
    const project = await this.visibleToPanel(officer, id);
    if (project.submittedBy !== officer.id) throw new DomainError('FORBIDDEN', 'only the officer who submitted the project answers its information requests');
    return this.process.provideInformation(id, { actorId: officer.id, answers: dto.answers, requestId });
  }

  async sign(actor: AuthUser, id: string, dto: SigningDto, requestId: string) {
    await this.ownedOrManaged(actor, id);
    return this.process.recordSigning(id, {
      actorId: actor.id,
      signedAt: new Date(dto.signedAt).toISOString(),
      agreedInvestment: { ...dto.agreedInvestment },
      notes: dto.notes,
      requestId,
    });
  }

  async withdraw(actor: AuthUser, id: string, dto: WithdrawDto, requestId: string) {
    await this.ownedOrManaged(actor, id);
    return this.process.withdraw(id, { actorId: actor.id, reason: dto.reason, requestId });
  }

  /** The project, if the caller may see the whole panel (its officer, managers, admins). */
  private async visibleToPanel(viewer: AuthUser, id: string): Promise<ProjectEntity> {
    const project = await this.projects.findById(id);
    if (!project || !(seesEverything(viewer) || project.submittedBy === viewer.id)) throw notFound(id);
    return project;
  }

  /** Its own officer or a manager may act on it; an admin may only look. */
  private async ownedOrManaged(actor: AuthUser, id: string): Promise<ProjectEntity> {
    const project = await this.visibleToPanel(actor, id);
    if (!(hasRole(actor, 'manager') || project.submittedBy === actor.id)) {
      throw new DomainError('FORBIDDEN', 'only the project\'s officer or a manager may do this');
    }
    return project;
  }

  private async readDetail(viewer: AuthUser, id: string): Promise<TaggedDetail> {
    const record = await this.projects.record(id);
    if (!record || !(await this.canSee(viewer, record.project))) throw notFound(id);
    const names = await this.users.namesByIds(record.tasks.map((t) => t.assigneeId));
    const body = presentProjectDetail(record, viewer, names);
    return { etag: representationTag(body), body };
  }

  private async canSee(viewer: AuthUser, project: ProjectEntity): Promise<boolean> {
    if (seesEverything(viewer) || project.submittedBy === viewer.id) return true;
    return hasRole(viewer, 'reviewer') && this.projects.isReviewerOn(project.id, viewer.id);
  }

  /** An admin runs the project's failed steps again once their cause is fixed (409 when none waits). */
  async resume(admin: AuthUser, id: string, dto: ResumeDto, requestId: string) {
    await this.visibleToPanel(admin, id);
    return this.process.resume(id, { actorId: admin.id, reason: dto.reason, requestId });
  }
}

function notFound(id: string): DomainError {
  return new DomainError('NOT_FOUND', `no project ${id}`);
}
