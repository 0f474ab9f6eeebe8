import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { normalizeCompany, selectReviewers, ReviewerCandidate, TERMINAL_STATUSES, TRACKS, Track } from '@dueflow/domain';
import type { ProjectStatus } from '@dueflow/domain';
import type {
  AssignReviewersInput,
  AssignReviewersResult,
  CloseTasksInput,
  NotificationInput,
  ProjectChange,
  RecordDecisionInput,
  RecordDeclineInput,
  RecordInformationInput,
  RecordReminderInput,
  RecordReviewInput,
  RecordSigningInput,
  RecordStepFailureInput,
  RecordStepResumedInput,
  SaveSynthesisInput,
  TaskView,
} from '@dueflow/contract';
import {
  DecisionEntity,
  InformationResponseEntity,
  ReviewTaskEntity,
  SigningEntity,
  StepFailureEntity,
  SynthesisEntity,
} from '../entities';
import { GENESIS_HASH, auditHash } from '../audit/audit-chain';

/** Serialises assignment so two projects never both take a reviewer's last free slot. */
const ASSIGNMENT_LOCK = 7_361_001;

/**
 * The writes the workflow makes, one transaction each. Every method is idempotent: the timeline
 * event (unique per project and seq) is written first, and when it already exists the step ran
 * before and nothing else is written again.
 */
export class ProcessStore {
  constructor(private readonly dataSource: DataSource) {}

  recordTransition(change: ProjectChange): Promise<void> {
    return this.step(change, async () => undefined);
  }

  async assignReviewers(input: AssignReviewersInput): Promise<AssignReviewersResult> {
    return this.dataSource.transaction(async (em) => {
      const existing = await em.find(ReviewTaskEntity, {
        where: input.slots.map(({ slot, attempt }) => ({ projectId: input.projectId, track: input.track, slot, attempt })),
      });
      if (existing.length === input.slots.length) {
        return { tasks: existing.sort((a, b) => a.slot - b.slot).map(toTaskView), shortfall: 0 };
      }
      await em.query('SELECT pg_advisory_xact_lock($1)', [ASSIGNMENT_LOCK]);
      const candidates = await this.reviewerPool(em, input.track);
      const taken = new Set([...input.excludeReviewerIds, ...existing.map((t) => t.assigneeId)]);
      const missing = input.slots.filter((s) => !existing.some((t) => t.slot === s.slot && t.attempt === s.attempt));
      const outcome = selectReviewers(candidates, {
        track: input.track,
        sector: input.sector,
        company: input.company,
        creditCode: input.creditCode ?? null,
        count: missing.length,
        excludeReviewerIds: [...taken],
      });
      const created = await em.save(
        ReviewTaskEntity,
        outcome.selected.map((assigneeId, i) =>
          em.create(ReviewTaskEntity, {
            projectId: input.projectId,
            track: input.track,
            slot: missing[i]!.slot,
            attempt: missing[i]!.attempt,
            // An attempt scheduled before rounds were passed has none: the column's default (0) applies.
            round: input.round,
            assigneeId,
            status: 'open',
            dueAt: new Date(input.dueAt),
            closedAt: null,
          }),
        ),
      );
      const tasks = [...existing, ...created].sort((a, b) => a.slot - b.slot).map(toTaskView);
      // The notifications go in even when the event is already there: a retried assignment can find
      // capacity the first attempt did not, and the tasks it adds then are announced (keys dedupe).
      await this.appendEvent(
        em,
        { ...input, status: undefined },
        {
          ...input.event.data,
          assigned: created.map((t) => ({ taskId: t.id, reviewerId: t.assigneeId, slot: t.slot, attempt: t.attempt })),
          considered: outcome.considered,
          excluded: outcome.excluded,
          shortfall: outcome.shortfall,
          dueAt: input.dueAt,
        },
        {
          notify: created.map((t) => ({
            key: `${input.projectId}:assignment:${t.id}`,
            kind: 'assignment' as const,
            recipient: t.assigneeId,
            subject: `New ${input.track} review task: ${input.company}`,
            payload: { taskId: t.id, projectId: input.projectId, track: input.track, dueAt: input.dueAt },
          })),
          notifyEvenIfRepeated: true,
        },
      );
      return { tasks, shortfall: outcome.shortfall };
    });
  }

  recordReview(input: RecordReviewInput): Promise<void> {
    return this.step(input, async (em) => {
      // The review's round is its task's, as the assignment stored it: one owner for the fact.
      await em.query(
        `INSERT INTO reviews (task_id, project_id, reviewer_id, track, round, scores, recommendation, risk_points, comments, co_investment, submitted_at)
         SELECT t.id, $2, $3, $4, t.round, $5::jsonb, $6, $7::jsonb, $8, $9::jsonb, $10 FROM review_tasks t WHERE t.id = $1
         ON CONFLICT DO NOTHING`,
        [
          input.taskId,
          input.projectId,
          input.reviewerId,
          input.track,
          JSON.stringify(input.review.scores),
          input.review.recommendation,
          JSON.stringify(input.review.riskPoints),
          input.review.comments,
          input.review.coInvestment ? JSON.stringify(input.review.coInvestment) : null,
          new Date(input.event.occurredAt),
        ],
      );
      await em.update(ReviewTaskEntity, { id: input.taskId }, { status: 'submitted', closedAt: new Date(input.event.occurredAt) });
    });
  }

  saveSynthesis(input: SaveSynthesisInput): Promise<void> {
    return this.step(input, async (em) => {
      await em.upsert(
        SynthesisEntity,
        { projectId: input.projectId, report: input.report, createdAt: new Date(input.event.occurredAt) },
        ['projectId'],
      );
    });
  }

  recordDecision(input: RecordDecisionInput): Promise<void> {
    return this.step(input, async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(DecisionEntity)
        .values({
          projectId: input.projectId,
          seq: input.decisionSeq,
          managerId: input.managerId,
          outcome: input.outcome,
          rationale: input.rationale,
          conditions: input.conditions,
          questions: input.questions,
          reopenTracks: input.reopenTracks,
          decidedAt: new Date(input.event.occurredAt),
        })
        .orIgnore()
        .execute();
    });
  }

  recordSigning(input: RecordSigningInput): Promise<void> {
    return this.step(input, async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(SigningEntity)
        .values({
          projectId: input.projectId,
          signedAt: new Date(input.signedAt),
          agreedAmount: input.agreedInvestment.amount,
          currency: input.agreedInvestment.currency,
          notes: input.notes,
          recordedBy: input.actorId,
          recordedAt: new Date(input.event.occurredAt),
        })
        .orIgnore()
        .execute();
    });
  }

  closeTasks(input: CloseTasksInput): Promise<void> {
    return this.step(input, async (em) => {
      if (input.taskIds.length === 0) return;
      await em.update(
        ReviewTaskEntity,
        { id: In(input.taskIds), status: 'open' },
        { status: input.taskStatus, closedAt: new Date(input.event.occurredAt) },
      );
    });
  }

  /** The task is declined; a declared conflict is kept for every later project of the company. */
  recordDecline(input: RecordDeclineInput): Promise<void> {
    return this.step(input, async (em) => {
      const at = new Date(input.event.occurredAt);
      await em.update(
        ReviewTaskEntity,
        { id: input.taskId, status: 'open' },
        { status: 'declined', closedAt: at, declineReason: input.reason, declinedForConflict: input.conflictOfInterest },
      );
      if (input.conflictOfInterest) {
        // The conflict is with the project's company: its credit code too, read from the project row.
        await em.query(
          `INSERT INTO conflicts (reviewer_id, company, company_key, credit_code, reason, declared_by)
           SELECT $1, $2, $3, p.credit_code, $4, $1 FROM projects p WHERE p.id = $5
           ON CONFLICT DO NOTHING`,
          [input.reviewerId, input.company, normalizeCompany(input.company), input.reason, input.projectId],
        );
      }
    });
  }

  recordReminder(input: RecordReminderInput): Promise<void> {
    return this.step(input, async (em) => {
      await em.update(ReviewTaskEntity, { id: input.taskId }, { remindedAt: new Date(input.event.occurredAt) });
    });
  }

  recordInformation(input: RecordInformationInput): Promise<void> {
    return this.step(input, async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(InformationResponseEntity)
        .values({
          projectId: input.projectId,
          round: input.round,
          questions: input.questions,
          answers: input.answers,
          answeredBy: input.answeredBy,
          answeredAt: new Date(input.event.occurredAt),
        })
        .orIgnore()
        .execute();
    });
  }

  /**
   * The track's reviewers, eligible or not, with their current load (kept on the profile by the
   * database, so reading it costs the same however many tasks are open) and declared conflicts. Those of
   * other tracks are no candidates at all: they are left out here rather than listed as excluded in
   * every assignment event.
   */
  private async reviewerPool(em: EntityManager, track: Track): Promise<ReviewerCandidate[]> {
    if (!TRACKS.includes(track)) return [];
    const rows: Array<{
      id: string;
      name: string;
      tracks: Track[];
      sectors: ReviewerCandidate['sectors'];
      affiliation: string | null;
      max_open_tasks: number;
      open_tasks: number;
      conflicts: Array<{ company: string; creditCode: string | null }>;
    }> = await em.query(
      `SELECT u.id, u.name, p.tracks, p.sectors, p.affiliation, p.max_open_tasks, p.open_tasks,
              COALESCE((SELECT json_agg(json_build_object('company', c.company, 'creditCode', c.credit_code)) FROM conflicts c WHERE c.reviewer_id = u.id), '[]') AS conflicts
         FROM users u JOIN reviewer_profiles p ON p.user_id = u.id
        WHERE 'reviewer' = ANY(u.roles) AND $1 = ANY(p.tracks) AND u.deactivated_at IS NULL`,
      [track],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      tracks: r.tracks,
      sectors: r.sectors,
      affiliation: r.affiliation,
      maxOpenTasks: r.max_open_tasks,
      openTasks: r.open_tasks,
      // Names as declared: selectReviewers normalises them with today's rules, whatever stored keys say.
      conflicts: r.conflicts,
    }));
  }

  /**
   * Runs `write` and the event in one transaction, unless the event shows the step already ran.
   * Four round trips whatever the step: BEGIN with the row lock, the event with the project's
   * status and notifications (one statement), the step's own write, COMMIT.
   */
  private step(change: ProjectChange, write: (em: EntityManager) => Promise<void>): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const inserted = await this.appendEvent(em, change, change.event.data, { notify: change.notify ?? [], notifyEvenIfRepeated: false });
      if (inserted) await write(em);
    });
  }

  /**
   * Appends the step's event to the project's audit chain, unless the step already wrote it, in one
   * statement with what goes with it: the new chain head, the project's status and the step's
   * notifications. The project row is locked first (its head is the input of the event's hash,
   * computed here), so concurrent steps of one project append one after the other.
   *
   * A final status is final: steps of one project can commit out of order (a withdrawal handled
   * while an earlier step's activity is still running), and a later commit must not reopen it.
   */
  private async appendEvent(
    em: EntityManager,
    change: ProjectChange,
    data: Record<string, unknown>,
    outbox: { notify: NotificationInput[]; notifyEvenIfRepeated: boolean },
  ): Promise<boolean> {
    const [project]: Array<{ audit_head: string | null; status: ProjectStatus }> = await em.query(
      `SELECT audit_head, status FROM projects WHERE id = $1 FOR UPDATE`,
      [change.projectId],
    );
    const event = {
      projectId: change.projectId,
      seq: change.event.seq,
      type: change.event.type,
      actorId: change.event.actorId,
      data,
      occurredAt: new Date(change.event.occurredAt),
    };
    const prevHash = project?.audit_head ?? GENESIS_HASH;
    const hash = auditHash(prevHash, event);
    // The row is locked, so its status cannot change before the statement below writes.
    const status = change.status && project && !TERMINAL_STATUSES.includes(project.status) ? change.status : null;
    const [result]: Array<{ inserted: number }> = await em.query(APPEND_EVENT_SQL, [
      change.projectId,
      event.seq,
      event.type,
      event.actorId,
      JSON.stringify(data),
      event.occurredAt,
      prevHash,
      hash,
      status?.status ?? null,
      status?.detail ?? null,
      JSON.stringify(outbox.notify),
      outbox.notifyEvenIfRepeated,
    ]);
    return (result?.inserted ?? 0) > 0;
  }

  /**
   * A step that failed for good: its event, the status detail and the notifications to managers and
   * admins, and the row the metrics count, in one transaction (and once, however often retried).
   */
  recordStepFailure(input: RecordStepFailureInput): Promise<void> {
    return this.step(input, async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(StepFailureEntity)
        .values({
          projectId: input.projectId,
          seq: input.event.seq,
          step: input.step,
          reason: input.reason,
          failureType: input.failureType,
          awaitsResume: input.awaitsResume,
          failedAt: new Date(input.event.occurredAt),
          resumedAt: null,
          resumedBy: null,
        })
        .orIgnore()
        .execute();
    });
  }

  /** An admin resumed the project: its failures that waited for that are marked resumed. */
  recordStepResumed(input: RecordStepResumedInput): Promise<void> {
    return this.step(input, async (em) => {
      await em.update(
        StepFailureEntity,
        { projectId: input.projectId, awaitsResume: true, resumedAt: IsNull() },
        { resumedAt: new Date(input.event.occurredAt), resumedBy: input.resumedBy },
      );
    });
  }
}

/**
 * The event, then (only if it was new) the chain head on the project row, its status when $9 gives
 * one, and the notifications (only if the event was new, unless $12 says otherwise). A
 * notification whose key is already queued is ignored. `inserted` is 1 when the event is new, 0
 * when the step ran before.
 */
const APPEND_EVENT_SQL = `
  WITH ev AS (
    INSERT INTO timeline_events (project_id, seq, type, actor_id, data, occurred_at, prev_hash, hash)
    VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
    ON CONFLICT DO NOTHING
    RETURNING id
  ), head AS (
    UPDATE projects p
       SET audit_head = $8,
           audit_length = p.audit_length + 1,
           status = COALESCE($9::text, p.status),
           status_detail = CASE WHEN $9::text IS NULL THEN p.status_detail ELSE $10::text END,
           updated_at = CASE WHEN $9::text IS NULL THEN p.updated_at ELSE now() END
     WHERE p.id = $1 AND EXISTS (SELECT 1 FROM ev)
  ), queued AS (
    INSERT INTO notifications (dedupe_key, project_id, kind, recipient, subject, payload)
    SELECT n.key, $1, n.kind, n.recipient, n.subject, n.payload
      FROM jsonb_to_recordset($11::jsonb) AS n(key text, kind text, recipient text, subject text, payload jsonb)
     WHERE $12::boolean OR EXISTS (SELECT 1 FROM ev)
    ON CONFLICT DO NOTHING
  )
  SELECT count(*)::int AS inserted FROM ev`;

function toTaskView(task: ReviewTaskEntity): TaskView {
  return {
    taskId: task.id,
    track: task.track,
    round: task.round,
    slot: task.slot,
    attempt: task.attempt,
    assigneeId: task.assigneeId,
    status: task.status,
    dueAt: task.dueAt.toISOString(),
  };
}
