import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { workflowIdFor } from '@dueflow/contract';
import { DomainError, canonicalJson, criterionLabels, localizedSynthesis } from '@dueflow/domain';
import {
  DecisionEntity,
  InformationResponseEntity,
  ProjectChangeListener,
  ProjectEntity,
  ProjectStore,
  ReviewTaskEntity,
  UserStore,
  decodeCursor,
  processInputOf,
} from '@dueflow/persistence';
import { AuthUser, seesEverything } from '../auth/auth-user';
import { ProjectPart, partIn, seesPanel } from '../auth/project-part';
import { EntityTags, noneMatchHolds, representationTag } from '../common/conditional';
import { ProcessGateway } from '../infrastructure/process.gateway';
import { CreateProjectDto, DecisionDto, InformationDto, ListProjectsQuery, SigningDto, WithdrawDto } from './project.dto';
import type { ProjectDetail } from '../openapi/schemas';
import { informationRounds, presentInformation, presentProjectDetail, presentProjectSummary, presentTimelineEvent } from './project.presenter';
import { projectEvent } from './timeline-projection';
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
      creditCode: dto.creditCode ?? null,
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
    return { created, body: presentProjectSummary(project, 'officer') };
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
    const part: ProjectPart = seesEverything(viewer) ? 'manager' : 'officer';
    return { items: page.items.map((p) => presentProjectSummary(p, part)), nextCursor: page.nextCursor };
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

  /**
   * The project's events as the caller's part may see them (timeline-projection.ts): managers and
   * admins every event as recorded; the officer the milestones; a reviewer their own part. The
   * `hash` of each event shown stays: it is a digest over the event as recorded, so it reveals
   * nothing of what was left out, and the officer can still check what they were shown against the
   * chain's head if the full event is ever produced.
   */
  async timeline(viewer: AuthUser, id: string) {
    const { part, ownTasks } = await this.partOf(viewer, id);
    if (part === 'none') throw notFound(id);
    const events = await this.projects.timeline(id);
    const eventViewer = { part, id: viewer.id, ownTaskIds: new Set(ownTasks.map((t) => t.id)) };
    const shown = events.flatMap((e) => {
      const projected = projectEvent(e, eventViewer);
      return projected ? [{ e, projected }] : [];
    });
    const rounds = seesPanel(part) && shown.some(({ e }) => e.type === 'information_provided') ? informationRounds(...(await this.informationOf(id))) : [];
    const names = await this.users.namesByIds(shown.flatMap(({ e, projected }) => (e.actorId && projected.showActor ? [e.actorId] : [])));
    return {
      items: shown.map(({ e, projected }) =>
        presentTimelineEvent(e, names, projected, e.type === 'information_provided' ? rounds.find((r) => r.round === e.data['round']) : undefined),
      ),
    };
  }

  /**
   * Recomputes the project's audit hash chain from the stored rows. The officer and managers may
   * (the verdict names no event's content); someone in the reviewer's part of the project may not.
   */
  async verifyTimeline(viewer: AuthUser, id: string) {
    const { part } = await this.partOf(viewer, id);
    if (!seesPanel(part)) throw notFound(id);
    return this.projects.verifyTimeline(id);
  }

  /** The synthesis report, with the information rounds beside it (read from the recorded answers). */
  async report(viewer: AuthUser, id: string) {
    const { part, project } = await this.partOf(viewer, id);
    if (!seesPanel(part)) throw notFound(id);
    const synthesis = await this.projects.synthesis(id);
    if (!synthesis) throw new DomainError('INVALID_STATE', `the project is ${project.status}; the synthesis report is not ready`);
    const rounds = informationRounds(...(await this.informationOf(id)));
    return {
      projectId: id,
      createdAt: synthesis.createdAt.toISOString(),
      ...localizedSynthesis(synthesis.report, viewer.locale),
      information: presentInformation(rounds, part, []),
      criteria: criterionLabels(viewer.locale),
    };
  }

  /** The caller's part in the project (404 for an unknown one), with the tasks it follows from. */
  private async partOf(viewer: AuthUser, id: string): Promise<{ part: ProjectPart; project: ProjectEntity; ownTasks: ReviewTaskEntity[] }> {
    const found = await this.projects.participation(id, viewer.id);
    if (!found) throw notFound(id);
    return { part: partIn(viewer, found.project, found.ownTasks), project: found.project, ownTasks: found.ownTasks };
  }

  private async informationOf(id: string): Promise<[DecisionEntity[], InformationResponseEntity[]]> {
    const { decisions, information } = await this.projects.informationRecord(id);
    return [decisions, information];
  }

  async decide(manager: AuthUser, id: string, dto: DecisionDto, requestId: string) {
    await this.actingAs(manager, id, ['manager'], 'only a manager with no other part in the project decides it');
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
    await this.actingAs(officer, id, ['officer'], 'only the officer who submitted the project answers its information requests');
    return this.process.provideInformation(id, { actorId: officer.id, answers: dto.answers, requestId });
  }

  async sign(actor: AuthUser, id: string, dto: SigningDto, requestId: string) {
    await this.actingAs(actor, id, ['officer', 'manager'], 'only the project\'s officer or a manager records its signing');
    return this.process.recordSigning(id, {
      actorId: actor.id,
      signedAt: new Date(dto.signedAt).toISOString(),
      agreedInvestment: { ...dto.agreedInvestment },
      notes: dto.notes,
      requestId,
    });
  }

  async withdraw(actor: AuthUser, id: string, dto: WithdrawDto, requestId: string) {
    await this.actingAs(actor, id, ['officer', 'manager'], 'only the project\'s officer or a manager withdraws it');
    return this.process.withdraw(id, { actorId: actor.id, reason: dto.reason, requestId });
  }

  /**
   * Acting on a project follows the caller's part in it, like seeing it does: 404 to someone with no
   * part, 403 with the reason to a part that may not take this action (a manager holding a review
   * task on it is its reviewer there, not its manager).
   */
  private async actingAs(actor: AuthUser, id: string, allowed: readonly ProjectPart[], rule: string): Promise<ProjectEntity> {
    const { part, project } = await this.partOf(actor, id);
    if (part === 'none') throw notFound(id);
    if (!allowed.includes(part)) throw new DomainError('FORBIDDEN', `${PART_NAMES[part]}; ${rule}`);
    return project;
  }

  private async readDetail(viewer: AuthUser, id: string): Promise<TaggedDetail> {
    const record = await this.projects.record(id);
    const part = record ? partIn(viewer, record.project, record.tasks) : 'none';
    if (!record || part === 'none') throw notFound(id);
    const names = await this.users.namesByIds(record.tasks.map((t) => t.assigneeId));
    const detail = presentProjectDetail(record, part, viewer.id, names);
    // Words the server makes, in the reader's language: the synthesis's rules and assumptions, the criteria's labels.
    const body = { ...detail, synthesis: detail.synthesis && localizedSynthesis(detail.synthesis, viewer.locale), criteria: criterionLabels(viewer.locale) };
    return { etag: representationTag(body), body };
  }

  /** An admin runs the project's failed steps again once their cause is fixed (409 when none waits). */
  async resume(admin: AuthUser, id: string, dto: ResumeDto, requestId: string) {
    await this.actingAs(admin, id, ['admin', 'manager'], 'an administrator with no other part in the project resumes its steps');
    return this.process.resume(id, { actorId: admin.id, reason: dto.reason, requestId });
  }
}

/** How a refusal names the caller's part in the project. */
const PART_NAMES: Record<Exclude<ProjectPart, 'none'>, string> = {
  officer: 'you submitted this project',
  reviewer: 'you are a reviewer of this project',
  manager: 'you are a manager of this project',
  admin: 'you are an administrator of this project',
};

function notFound(id: string): DomainError {
  return new DomainError('NOT_FOUND', `no project ${id}`);
}
