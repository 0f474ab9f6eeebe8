import type { NotificationLogger, NotificationSender, OutboundNotification } from './notification-sender';

/** The transport for development and for deployments without a webhook: one log line per notification. */
export class LogSender implements NotificationSender {
  constructor(private readonly logger: Pick<NotificationLogger, 'info'>) {}

  async send(n: OutboundNotification): Promise<void> {
    this.logger.info({ notificationId: n.id, kind: n.kind, recipient: n.recipient, subject: n.subject }, 'notification');
  }
}
