import { DataSource } from 'typeorm';
import { NotificationEntity, NotificationKind } from '../entities';

/** A claimed outbox row, as the dispatcher hands it to a sender. */
export interface OutboundNotification {
  id: string;
  dedupeKey: string;
  projectId: string | null;
  kind: NotificationKind;
  recipient: string;
  subject: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  /** Claims so far, this one included: the fencing token for `markFailed` and `release`. */
  attempts: number;
  /** Until when this claim is ours; after that another dispatcher may claim the row again. */
  leaseExpiresAt: Date;
}

/** A row as `claimDue` returns it: attempts already counts this claim. */
interface ClaimedRow {
  id: string;
  dedupe_key: string;
  project_id: string | null;
  kind: NotificationKind;
  recipient: string;
  subject: string;
  payload: Record<string, unknown>;
  created_at: Date;
  attempts: number;
  due_at: Date;
}

/**
 * The delivery side of the notification outbox.
 *
 * A claim is a lease, not an open transaction: `claimDue` locks the due rows with SKIP LOCKED, moves
 * their `next_attempt_at` to the end of the lease and commits at once, so a slow webhook never holds
 * a transaction or a row lock. Concurrent dispatchers therefore never claim the same row while a
 * lease runs. If a dispatcher dies mid-send the lease runs out and the row is claimed again, so
 * delivery to the transport is at-least-once; the row itself is marked sent exactly once (`sent_at`
 * is only ever set where it is NULL). Receivers dedupe on the notification id, which the webhook
 * sends as `Idempotency-Key`.
 */
export class OutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Leases up to `limit` due, unsent rows, oldest due first; each claim counts as an attempt. One
   * statement: it locks the due rows it can (SKIP LOCKED), moves them to the end of the lease and
   * returns them, committed at once.
   */
  async claimDue(limit: number, now: Date = new Date(), leaseMs = 30_000): Promise<OutboundNotification[]> {
    const leaseExpiresAt = new Date(now.getTime() + leaseMs);
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows]: [ClaimedRow[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT id, next_attempt_at FROM notifications
          WHERE sent_at IS NULL AND next_attempt_at <= $1
          ORDER BY next_attempt_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE notifications n
          SET next_attempt_at = $3, attempts = n.attempts + 1
         FROM due
        WHERE n.id = due.id
       RETURNING n.id, n.dedupe_key, n.project_id, n.kind, n.recipient, n.subject, n.payload, n.created_at, n.attempts, due.next_attempt_at AS due_at`,
      [now, limit, leaseExpiresAt],
    );
    return rows
      .sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((row) => ({
        id: row.id,
        dedupeKey: row.dedupe_key,
        projectId: row.project_id,
        kind: row.kind,
        recipient: row.recipient,
        subject: row.subject,
        payload: row.payload,
        createdAt: row.created_at,
        attempts: row.attempts,
        leaseExpiresAt,
      }));
  }

  /** Records delivery; false when the row was already marked sent (a re-delivery after a lost lease). */
  async markSent(id: string, now: Date = new Date()): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ sentAt: now, lastError: null })
      .where('id = :id AND sent_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Schedules a retry. With `attempt` (the claim's `attempts`) only the current claim holder may
   * reschedule: a dispatcher whose lease ran out must not shorten a newer claim's lease.
   */
  async markFailed(id: string, error: string, retryAt: Date, attempt?: number): Promise<boolean> {
    const query = this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ lastError: error.slice(0, 2000), nextAttemptAt: retryAt })
      .where('id = :id AND sent_at IS NULL', { id });
    if (attempt !== undefined) query.andWhere('attempts = :attempt', { attempt });
    const result = await query.execute();
    return (result.affected ?? 0) > 0;
  }

  /** Hands back a claim that was not attempted (lease too short to start a send): due now, attempt not counted. */
  async release(id: string, attempt: number, now: Date = new Date()): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ nextAttemptAt: now, attempts: () => 'attempts - 1' })
      .where('id = :id AND sent_at IS NULL AND attempts = :attempt', { id, attempt })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Unsent rows, due or not (metrics, tests). */
  pendingCount(): Promise<number> {
    return this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.sentAt IS NULL')
      .getCount();
  }

  findByDedupeKey(dedupeKey: string): Promise<NotificationEntity | null> {
    return this.dataSource.getRepository(NotificationEntity).findOneBy({ dedupeKey });
  }
}
