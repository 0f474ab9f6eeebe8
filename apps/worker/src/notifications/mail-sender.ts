import { createTransport, type Transporter } from 'nodemailer';
import { notificationPath, renderNotification } from '@dueflow/domain';
import type { OutboundMail } from '@dueflow/persistence';
import type { NotificationLogger } from './notification-sender';

/** One e-mail, ready for a transport. */
export interface MailMessage {
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** Stable per inbox row: a retry after a lost lease carries the same id, so it is recognisable. */
  messageId: string;
  /** The inbox row, also sent as the X-Dueflow-Notification header. */
  inboxId: string;
  link: string;
}

/** Sends one message; throws when the server did not accept it, so the row is retried. */
export interface Mailer {
  readonly transport: 'smtp' | 'log';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailSettings {
  /** The console's base URL, ending in `/`; links are `tasks/<id>` or `projects/<id>` under it. */
  consoleUrl: string;
  /** The From address; its domain also names the Message-ID. */
  from: string;
}

export const DEFAULT_CONSOLE_URL = 'http://127.0.0.1:3000/app/';
export const DEFAULT_MAIL_FROM = 'dueflow <no-reply@dueflow.local>';

const FOOTER = {
  'zh-CN': (link: string) => `在控制台中查看：${link}\n\n此邮件由 dueflow 自动发送，请勿直接回复。`,
  en: (link: string) => `Open it in the console: ${link}\n\nThis message was sent by dueflow; please do not reply to it.`,
} as const;

/** The domain of an address like `Name <a@b.c>` or `a@b.c`. */
export function mailDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1] ?? 'dueflow.local';
}

/** The e-mail for one inbox row: in its recipient's language, with a link into the console. */
export function composeMail(row: OutboundMail, settings: MailSettings): MailMessage {
  const text = renderNotification({ kind: row.kind, payload: row.payload, company: row.company }, row.locale);
  const base = settings.consoleUrl.endsWith('/') ? settings.consoleUrl : `${settings.consoleUrl}/`;
  const link = `${base}${notificationPath(row.payload, row.projectId)}`;
  const lang = row.locale === 'en' ? 'en' : 'zh-CN';
  return {
    to: { name: row.name, address: row.email },
    subject: text.subject,
    text: `${text.body}\n\n${FOOTER[lang](link)}\n`,
    messageId: `<inbox-${row.id}@${mailDomain(settings.from)}>`,
    inboxId: row.id,
    link,
  };
}

/** SMTP through nodemailer (SMTP_URL, e.g. smtp://127.0.0.1:1025 for Mailpit). */
export class SmtpMailer implements Mailer {
  readonly transport = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    // sendMail resolves once the server accepted the message (250 after DATA), rejects otherwise.
    await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
      headers: { 'X-Dueflow-Notification': message.inboxId },
    });
  }

  close(): void {
    this.transporter.close();
  }
}

/** Without SMTP_URL: one log line per e-mail that would have gone out. */
export class LogMailer implements Mailer {
  readonly transport = 'log' as const;

  constructor(private readonly logger: Pick<NotificationLogger, 'info'>) {}

  async send(message: MailMessage): Promise<void> {
    this.logger.info({ inboxId: message.inboxId, to: message.to.address, subject: message.subject, link: message.link, messageId: message.messageId }, 'mail');
  }

  close(): void {}
}

export function createMailer({ smtpUrl, from, logger }: { smtpUrl?: string; from: string; logger: NotificationLogger }): Mailer {
  return smtpUrl ? new SmtpMailer(smtpUrl, from) : new LogMailer(logger);
}
