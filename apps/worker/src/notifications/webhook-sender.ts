import type { NotificationSender, OutboundNotification } from './notification-sender';

export interface WebhookSenderOptions {
  url: string;
  /** Whole request, body included. */
  timeoutMs?: number;
}

/** The JSON body a webhook receives. */
export interface WebhookNotificationBody {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  payload: Record<string, unknown>;
  projectId: string | null;
  createdAt: string;
}

/**
 * POSTs each notification as JSON. Delivery is at-least-once (a lost lease re-sends a row), so the
 * notification id goes out as `Idempotency-Key` for the receiver to dedupe on.
 */
export class WebhookSender implements NotificationSender {
  private readonly timeoutMs: number;

  constructor(private readonly options: WebhookSenderOptions) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  async send(n: OutboundNotification): Promise<void> {
    const body: WebhookNotificationBody = {
      id: n.id,
      kind: n.kind,
      recipient: n.recipient,
      subject: n.subject,
      payload: n.payload,
      projectId: n.projectId,
      createdAt: n.createdAt.toISOString(),
    };
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': n.id },
      body: JSON.stringify(body),
      // A redirect would turn the POST into a GET elsewhere: treat it as a failure instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // Read the body either way so the connection goes back to the pool.
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      throw new Error(`webhook answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    }
  }
}
