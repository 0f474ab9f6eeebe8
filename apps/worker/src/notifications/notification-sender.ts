import type { OutboundNotification } from '@dueflow/persistence';
import { LogSender } from './log-sender';
import { WebhookSender } from './webhook-sender';

export type { OutboundNotification } from '@dueflow/persistence';

/** Delivers one notification; throws when the transport refused or failed, so the row is retried. */
export interface NotificationSender {
  send(notification: OutboundNotification): Promise<void>;
}

/** The slice of a pino logger the notification code uses. */
export interface NotificationLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface NotificationSenderConfig {
  /** When set, notifications are POSTed here; otherwise they are only logged. */
  webhookUrl?: string;
  logger: NotificationLogger;
}

export function createNotificationSender({ webhookUrl, logger }: NotificationSenderConfig): NotificationSender {
  return webhookUrl ? new WebhookSender({ url: webhookUrl }) : new LogSender(logger);
}
