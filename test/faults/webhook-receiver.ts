import { createHash } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One accepted delivery, as the receiver saw it. */
export interface Delivery {
  idempotencyKey: string;
  body: { id?: string; kind?: string; projectId?: string | null; payload?: Record<string, unknown> };
}

/**
 * The worker's webhook, played by the suite: records every delivery it accepts, keyed by the
 * `Idempotency-Key` header (the notification id), the way a real receiver dedupes.
 *
 * About one first attempt in sixteen is refused with a 503, chosen by a hash of the key (the same
 * notifications on every run), so the outbox's retry-with-backoff path runs under the faults too.
 * Refused attempts are counted apart: they were not accepted, so they are not deliveries.
 *
 * Each accepted delivery is answered `answerDelayMs` after it was recorded, like a receiver that
 * commits before it replies: a worker killed in that window has delivered a notification it never
 * marked sent, and sends it again when the lease runs out (a redelivery, same key).
 */
export class WebhookReceiver {
  /** Accepted deliveries per Idempotency-Key. */
  readonly accepted = new Map<string, Delivery[]>();
  refused = 0;
  /** Requests without the header or without a JSON body: the sender broke its contract. */
  malformed = 0;
  private readonly seen = new Set<string>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly answerDelayMs = 250) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const key = req.headers['idempotency-key'];
        let body: Delivery['body'] | undefined;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivery['body'];
        } catch {
          body = undefined;
        }
        if (req.method !== 'POST' || typeof key !== 'string' || !body) {
          this.malformed++;
          res.writeHead(400).end('malformed');
          return;
        }
        const first = !this.seen.has(key);
        this.seen.add(key);
        if (first && refusesFirstAttempt(key)) {
          this.refused++;
          res.writeHead(503, { 'content-type': 'text/plain' }).end('receiver busy, try again');
          return;
        }
        const list = this.accepted.get(key) ?? [];
        list.push({ idempotencyKey: key, body });
        this.accepted.set(key, list);
        setTimeout(() => res.writeHead(204).end(), this.answerDelayMs);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/dueflow`;
  }

  /** Accepted deliveries in all, redeliveries included. */
  total(): number {
    let n = 0;
    for (const list of this.accepted.values()) n += list.length;
    return n;
  }

  /** Accepted deliveries of a key it had already accepted: what the receiver dedupes away. */
  redeliveries(): number {
    let n = 0;
    for (const list of this.accepted.values()) n += list.length - 1;
    return n;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server!.close(resolve));
  }
}

function refusesFirstAttempt(key: string): boolean {
  return createHash('sha256').update(key).digest()[0]! < 16;
}
