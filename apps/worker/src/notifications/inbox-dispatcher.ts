import type { InboxStore, OutboundMail } from '@dueflow/persistence';
import { PollLoop } from '../poll-loop';
import { composeMail, type Mailer, type MailSettings } from './mail-sender';
import type { NotificationLogger } from './notification-sender';
import { defaultBackoff } from './outbox-dispatcher';

/** What the inbox dispatcher needs from the database (an `InboxStore` in production). */
export type InboxPort = Pick<InboxStore, 'fanOut' | 'claimMail' | 'markMailed' | 'markMailFailed'>;

export interface InboxDispatcherOptions extends MailSettings {
  store: InboxPort;
  mailer: Mailer;
  logger: NotificationLogger;
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long an e-mail claim is ours; must comfortably exceed one SMTP exchange. */
  leaseMs?: number;
  backoff?: (attempts: number) => number;
  clock?: () => Date;
}

export interface InboxDrainResult {
  /** Notifications fanned out, and the inbox rows that wrote. */
  fannedOut: number;
  rows: number;
  mailed: number;
  failed: number;
}

/**
 * Brings notifications to people. Each run fans new outbox notifications out to per-person inbox
 * rows (one statement; repeating it adds nothing), then e-mails the rows not yet mailed. An e-mail
 * is marked sent only after the SMTP server accepted it, so a crash in between sends it again when
 * the lease ends (at-least-once), with the same Message-ID, so the repeat is recognisable.
 */
export class InboxDispatcher {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly backoff: (attempts: number) => number;
  private readonly clock: () => Date;
  private readonly loop = new PollLoop(() => this.tick());

  constructor(private readonly options: InboxDispatcherOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 50;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.backoff = options.backoff ?? defaultBackoff;
    this.clock = options.clock ?? (() => new Date());
  }

  start(): void {
    this.loop.start(0);
  }

  /** Stops polling, waits for the run in flight, and closes the mail transport. */
  async stop(): Promise<void> {
    await this.loop.stop();
    this.options.mailer.close();
  }

  /** One fan-out batch and one e-mail batch. */
  async drainOnce(): Promise<InboxDrainResult> {
    const fanned = await this.options.store.fanOut(this.batchSize);
    const claimed = await this.options.store.claimMail(this.batchSize, this.clock(), this.leaseMs);
    const result: InboxDrainResult = { fannedOut: fanned.notifications, rows: fanned.rows, mailed: 0, failed: 0 };
    // One at a time: a single SMTP connection, and a batch is small.
    for (const row of claimed) result[await this.mail(row)]++;
    return result;
  }

  private async tick(): Promise<number> {
    let more = false;
    try {
      const result = await this.drainOnce();
      more = result.fannedOut >= this.batchSize || result.mailed + result.failed >= this.batchSize;
      if (result.failed > 0) this.options.logger.warn({ ...result }, 'inbox batch had e-mails not accepted');
    } catch (error) {
      this.options.logger.error({ err: error }, 'inbox drain failed');
    }
    return more ? 0 : this.pollIntervalMs;
  }

  private async mail(row: OutboundMail): Promise<'mailed' | 'failed'> {
    const log = { inboxId: row.id, notificationId: row.notificationId, attempt: row.attempts };
    try {
      await this.options.mailer.send(composeMail(row, this.options));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(this.clock().getTime() + this.backoff(row.attempts));
      this.options.logger.warn({ ...log, error: message, retryAt: retryAt.toISOString() }, 'e-mail not accepted');
      await this.options.store.markMailFailed(row.id, message, retryAt, row.attempts).catch((markError: unknown) => {
        this.options.logger.error({ ...log, err: markError }, 'could not record the failed e-mail; it is retried when the lease ends');
      });
      return 'failed';
    }
    try {
      await this.options.store.markMailed(row.id, this.clock());
    } catch (error) {
      // Accepted but not recorded: sent again when the lease ends, with the same Message-ID.
      this.options.logger.error({ ...log, err: error }, 'e-mail sent but not recorded');
    }
    return 'mailed';
  }
}
