import type { OutboxStore } from '@dueflow/persistence';
import { PollLoop } from '../poll-loop';
import type { NotificationLogger, NotificationSender, OutboundNotification } from './notification-sender';

/** What the dispatcher needs from the outbox (an `OutboxStore` in production). */
export type OutboxPort = Pick<OutboxStore, 'claimDue' | 'markSent' | 'markFailed' | 'release'>;

export interface OutboxDispatcherOptions {
  store: OutboxPort;
  sender: NotificationSender;
  logger: NotificationLogger;
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long a claim is ours; must comfortably exceed one send (the webhook times out after 5 s). */
  leaseMs?: number;
  /** Sends in flight at once within a batch. */
  concurrency?: number;
  /**
   * Lease a claim must still have left for its send to start; later claims in a slow batch are
   * handed back instead of being sent while another dispatcher may already be re-claiming them.
   */
  minLeaseLeftMs?: number;
  /** Delay before the next attempt, from the attempts made so far (1 after the first failure). */
  backoff?: (attempts: number) => number;
  clock?: () => Date;
}

export interface DrainResult {
  claimed: number;
  sent: number;
  failed: number;
  /** Claimed but handed back unsent: the lease ran too short before their turn. */
  released: number;
}

/** 2 s, 4 s, 8 s ... capped at 5 minutes. */
export const defaultBackoff = (attempts: number): number => Math.min(2 ** attempts * 1_000, 5 * 60_000);

/**
 * Polls the outbox, leases due notifications, hands each to the sender and records the outcome.
 * Several dispatchers (one per worker) may run against the same table; see `OutboxStore` for why
 * each row is claimed by one of them at a time and marked sent once.
 */
export class OutboxDispatcher {
  private readonly store: OutboxPort;
  private readonly sender: NotificationSender;
  private readonly logger: NotificationLogger;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly minLeaseLeftMs: number;
  private readonly backoff: (attempts: number) => number;
  private readonly clock: () => Date;

  private readonly loop = new PollLoop(() => this.tick());

  constructor(options: OutboxDispatcherOptions) {
    this.store = options.store;
    this.sender = options.sender;
    this.logger = options.logger;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 50;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.minLeaseLeftMs = options.minLeaseLeftMs ?? Math.min(10_000, this.leaseMs / 2);
    this.backoff = options.backoff ?? defaultBackoff;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Starts polling; a no-op when already running. */
  start(): void {
    this.loop.start(0);
  }

  /** Stops polling and waits for the batch in flight to finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims one batch and delivers it. */
  async drainOnce(): Promise<DrainResult> {
    const claimed = await this.store.claimDue(this.batchSize, this.clock(), this.leaseMs);
    const result: DrainResult = { claimed: claimed.length, sent: 0, failed: 0, released: 0 };
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < claimed.length) {
        const notification = claimed[next++];
        if (notification) result[await this.deliver(notification)]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, claimed.length) }, lane));
    return result;
  }

  /** One batch; the delay before the next. */
  private async tick(): Promise<number> {
    let fullBatch = false;
    try {
      const result = await this.drainOnce();
      fullBatch = result.claimed >= this.batchSize;
      if (result.failed > 0 || result.released > 0) this.logger.warn({ ...result }, 'outbox batch had undelivered notifications');
    } catch (error) {
      this.logger.error({ err: error }, 'outbox drain failed');
    }
    // A full batch means a backlog: carry on at once rather than after the poll interval.
    return fullBatch ? 0 : this.pollIntervalMs;
  }

  private async deliver(n: OutboundNotification): Promise<'sent' | 'failed' | 'released'> {
    const log = { notificationId: n.id, kind: n.kind, attempt: n.attempts };
    if (n.leaseExpiresAt.getTime() - this.clock().getTime() < this.minLeaseLeftMs) {
      await this.store.release(n.id, n.attempts, this.clock()).catch((error: unknown) => {
        this.logger.error({ ...log, err: error }, 'could not release notification claim; it is retried when the lease ends');
      });
      return 'released';
    }
    try {
      await this.sender.send(n);
    } catch (error) {
      const retryAt = new Date(this.clock().getTime() + this.backoff(n.attempts));
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ ...log, error: message, retryAt: retryAt.toISOString() }, 'notification delivery failed');
      await this.store.markFailed(n.id, message, retryAt, n.attempts).catch((markError: unknown) => {
        this.logger.error({ ...log, err: markError }, 'could not record failed delivery; it is retried when the lease ends');
      });
      return 'failed';
    }
    try {
      await this.store.markSent(n.id, this.clock());
    } catch (error) {
      // Delivered but not recorded: the row is sent again when the lease ends (receivers dedupe on the id).
      this.logger.error({ ...log, err: error }, 'notification sent but not recorded');
    }
    return 'sent';
  }
}
