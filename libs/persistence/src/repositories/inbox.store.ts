import { DataSource } from 'typeorm';
import type { NotificationKind } from '../entities';
import type { UserLocale } from '../entities';
import { Cursor, encodeCursor } from './cursor';

/** One inbox row with what it takes to render it for its person. */
export interface InboxItem {
  id: string;
  notificationId: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  projectId: string | null;
  /** The project's company, for the text; null when the notification names no project. */
  company: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** An inbox row leased for e-mailing, with its recipient. */
export interface OutboundMail extends InboxItem {
  email: string;
  name: string;
  locale: UserLocale;
  /** Claims so far, this one included: the fencing token for `markMailFailed`. */
  attempts: number;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}

interface ItemRow {
  id: string;
  notification_id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  project_id: string | null;
  company: string | null;
  created_at: Date;
  read_at: Date | null;
}

interface MailRow extends ItemRow {
  email: string;
  name: string;
  locale: UserLocale;
  mail_attempts: number;
}

const toItem = (row: ItemRow): InboxItem => ({
  id: row.id,
  notificationId: row.notification_id,
  kind: row.kind,
  payload: row.payload,
  projectId: row.project_id,
  company: row.company,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/**
 * Writes the inbox rows of up to `limit` notifications not fanned out yet: one per recipient person
 * (a user id, or every active holder of `role:<role>`), and marks them fanned out. One statement, so
 * a crash leaves either both or neither; (notification, user) is unique and the insert skips
 * conflicts, so running it again over the same notifications adds nothing. Exported for its test.
 */
export const FAN_OUT_SQL = `WITH due AS (
    SELECT id, recipient, created_at FROM notifications
     WHERE fanned_out_at IS NULL
     ORDER BY created_at, id
     LIMIT $1
     FOR UPDATE SKIP LOCKED
  ), marked AS (
    UPDATE notifications n SET fanned_out_at = now() FROM due WHERE n.id = due.id RETURNING n.id
  ), inserted AS (
    INSERT INTO notification_inbox (notification_id, user_id, created_at)
    SELECT due.id, u.id, due.created_at
      FROM due
      JOIN users u ON CASE WHEN due.recipient LIKE 'role:%' THEN substr(due.recipient, 6) = ANY (u.roles::text[]) ELSE u.id::text = due.recipient END
     WHERE u.deactivated_at IS NULL
    ON CONFLICT (notification_id, user_id) DO NOTHING
    RETURNING id
  )
  SELECT (SELECT count(*) FROM marked)::int AS notifications, (SELECT count(*) FROM inserted)::int AS rows`;

const ITEM_COLUMNS = `i.id, i.notification_id, n.kind, n.payload, n.project_id, p.company, i.created_at, i.read_at`;

/** The per-person side of notifications: fan-out, each person's inbox, and the e-mail channel. */
export class InboxStore {
  constructor(private readonly dataSource: DataSource) {}

  async fanOut(limit = 100): Promise<{ notifications: number; rows: number }> {
    const [row] = (await this.dataSource.query(FAN_OUT_SQL, [limit])) as { notifications: number; rows: number }[];
    return row ?? { notifications: 0, rows: 0 };
  }

  /** The caller's own rows, newest first, by keyset cursor. */
  async list(userId: string, options: { unread?: boolean; after?: Cursor; limit: number }): Promise<InboxPage> {
    const params: unknown[] = [userId, options.limit + 1];
    let where = 'i.user_id = $1';
    if (options.unread) where += ' AND i.read_at IS NULL';
    if (options.after) {
      params.push(options.after.createdAt, options.after.id);
      where += ` AND (i.created_at, i.id) < ($3, $4)`;
    }
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}
         FROM notification_inbox i
         JOIN notifications n ON n.id = i.notification_id
         LEFT JOIN projects p ON p.id = n.project_id
        WHERE ${where}
        ORDER BY i.created_at DESC, i.id DESC
        LIMIT $2`,
      params,
    );
    const items = rows.slice(0, options.limit).map(toItem);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > options.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  /** Marks the caller's own row read (once: a second call keeps the first time); null when it is not theirs. */
  async markRead(userId: string, id: string, now: Date = new Date()): Promise<InboxItem | null> {
    await this.dataSource.query(`UPDATE notification_inbox SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL`, [id, userId, now]);
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}
         FROM notification_inbox i
         JOIN notifications n ON n.id = i.notification_id
         LEFT JOIN projects p ON p.id = n.project_id
        WHERE i.id = $1 AND i.user_id = $2`,
      [id, userId],
    );
    return rows[0] ? toItem(rows[0]) : null;
  }

  /**
   * Leases up to `limit` rows not yet e-mailed (like the outbox's claim: SKIP LOCKED, committed at
   * once, the lease as the next attempt time). Rows of people deactivated since are not mailed.
   */
  async claimMail(limit: number, now: Date = new Date(), leaseMs = 60_000): Promise<OutboundMail[]> {
    const [rows]: [MailRow[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT i.id FROM notification_inbox i
          WHERE i.mail_sent_at IS NULL AND i.mail_next_attempt_at <= $1
          ORDER BY i.mail_next_attempt_at, i.id
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE notification_inbox i
          SET mail_next_attempt_at = $3, mail_attempts = i.mail_attempts + 1
         FROM due, notifications n, users u
        WHERE i.id = due.id AND n.id = i.notification_id AND u.id = i.user_id
       RETURNING i.id, i.notification_id, n.kind, n.payload, n.project_id,
                 (SELECT p.company FROM projects p WHERE p.id = n.project_id) AS company,
                 i.created_at, i.read_at, u.email, u.name, u.locale, i.mail_attempts`,
      [now, limit, new Date(now.getTime() + leaseMs)],
    );
    return rows.map((row) => ({ ...toItem(row), email: row.email, name: row.name, locale: row.locale, attempts: row.mail_attempts }));
  }

  /** Records that the SMTP server accepted the mail; false when it was already recorded. */
  async markMailed(id: string, now: Date = new Date()): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE notification_inbox SET mail_sent_at = $2, mail_last_error = NULL WHERE id = $1 AND mail_sent_at IS NULL`,
      [id, now],
    );
    return affected > 0;
  }

  /** Schedules a retry; only the current claim holder (`attempt`) may. */
  async markMailFailed(id: string, error: string, retryAt: Date, attempt: number): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE notification_inbox SET mail_last_error = $2, mail_next_attempt_at = $3 WHERE id = $1 AND mail_sent_at IS NULL AND mail_attempts = $4`,
      [id, error.slice(0, 2000), retryAt, attempt],
    );
    return affected > 0;
  }

  /** Rows for one notification (tests). */
  async rowsOf(notificationId: string): Promise<{ id: string; userId: string; mailSentAt: Date | null }[]> {
    const rows: { id: string; user_id: string; mail_sent_at: Date | null }[] = await this.dataSource.query(
      `SELECT id, user_id, mail_sent_at FROM notification_inbox WHERE notification_id = $1 ORDER BY user_id`,
      [notificationId],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, mailSentAt: r.mail_sent_at }));
  }
}
