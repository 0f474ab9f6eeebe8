import { randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { OutboxStore, createDataSource } from '@dueflow/persistence';
import { LogSender, NotificationSender, OutboundNotification, OutboxDispatcher, OutboxDispatcherOptions, WebhookSender } from '@dueflow/worker';
import { eventually } from '../support/harness';
import { loadStackInfo } from '../support/test-stack';

/**
 * The outbox's delivery side against the suite's real PostgreSQL. Other suites share the database
 * and may leave real notifications queued, so every row here carries a per-test dedupe-key prefix,
 * is due in the distant past (claimed before anything else) and only those rows are counted.
 */

interface Row {
  id: string;
  dedupe_key: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Records sends of the rows under `prefix`; anything else (other suites' rows) is accepted silently. */
class RecordingSender implements NotificationSender {
  readonly sends = new Map<string, number>();
  /** Sends started and not yet finished. */
  active = 0;
  constructor(
    private readonly prefix: string,
    private readonly delayMs = 0,
    /** Random delays up to delayMs; false waits exactly delayMs (a send that is surely seen in flight). */
    private readonly jitter = true,
  ) {}
  async send(n: OutboundNotification): Promise<void> {
    if (!n.dedupeKey.startsWith(this.prefix)) return;
    this.active++;
    try {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.jitter ? Math.random() * this.delayMs : this.delayMs));
      this.sends.set(n.id, (this.sends.get(n.id) ?? 0) + 1);
    } finally {
      this.active--;
    }
  }
  total(): number {
    return [...this.sends.values()].reduce((a, b) => a + b, 0);
  }
}

class FailingSender implements NotificationSender {
  constructor(private readonly prefix: string) {}
  async send(n: OutboundNotification): Promise<void> {
    if (n.dedupeKey.startsWith(this.prefix)) throw new Error('smtp relay down');
  }
}

describe('notification outbox delivery', () => {
  let dataSource: DataSource;
  let store: OutboxStore;

  const dispatcher = (options: Omit<OutboxDispatcherOptions, 'store' | 'logger'> & Partial<Pick<OutboxDispatcherOptions, 'logger'>>) =>
    new OutboxDispatcher({ store, logger: quiet, ...options });

  /** Inserts `count` due notifications, the way ProcessStore queues them, minus a project. */
  async function queue(prefix: string, count: number): Promise<Row[]> {
    const rows: Row[] = await dataSource.query(
      `INSERT INTO notifications (dedupe_key, project_id, kind, recipient, subject, payload, next_attempt_at)
       SELECT $1 || g, NULL, 'assignment', 'role:manager', 'outbox test ' || g, jsonb_build_object('n', g),
              timestamptz '2000-01-01' + g * interval '1 millisecond'
       FROM generate_series(1, $2::int) g
       RETURNING id, dedupe_key, attempts, last_error, next_attempt_at, sent_at`,
      [prefix, count],
    );
    return rows;
  }

  async function rowsOf(prefix: string): Promise<Row[]> {
    return dataSource.query(
      `SELECT id, dedupe_key, attempts, last_error, next_attempt_at, sent_at FROM notifications WHERE dedupe_key LIKE $1 || '%' ORDER BY dedupe_key`,
      [prefix],
    );
  }

  async function drainAll(d: OutboxDispatcher): Promise<number> {
    let claimed = 0;
    for (;;) {
      const result = await d.drainOnce();
      if (result.claimed === 0) return claimed;
      claimed += result.claimed;
    }
  }

  const newPrefix = () => `outbox-test:${randomUUID()}:`;

  beforeAll(async () => {
    dataSource = await createDataSource({ url: loadStackInfo().databaseUrl, poolSize: 8, applicationName: 'dueflow-test-outbox' }).initialize();
    store = new OutboxStore(dataSource);
    // Whatever earlier suites queued is delivered to nowhere, so batches below hold only this suite's rows.
    await drainAll(dispatcher({ sender: new RecordingSender('\u0000') }));
  });
  afterAll(() => dataSource?.destroy());

  it('delivers each row exactly once when two dispatchers drain the same rows concurrently', async () => {
    const prefix = newPrefix();
    const queued = await queue(prefix, 60);
    const sender = new RecordingSender(prefix, 5);
    const first = dispatcher({ sender, batchSize: 7, concurrency: 3 });
    const second = dispatcher({ sender, batchSize: 5, concurrency: 2 });

    const [byFirst, bySecond] = await Promise.all([drainAll(first), drainAll(second)]);

    expect(byFirst).toBeGreaterThan(0);
    expect(bySecond).toBeGreaterThan(0);
    expect(sender.sends.size).toBe(60);
    for (const row of queued) expect(sender.sends.get(row.id)).toBe(1);
    const rows = await rowsOf(prefix);
    expect(rows.every((r) => r.sent_at !== null && r.attempts === 1 && r.last_error === null)).toBe(true);
  });

  it('keeps a failed row for a later attempt and delivers it once when it is due again', async () => {
    const prefix = newPrefix();
    const [row] = await queue(prefix, 1);
    const before = Date.now();

    const failing = await dispatcher({ sender: new FailingSender(prefix) }).drainOnce();
    expect(failing.failed).toBe(1);

    const [failed] = await rowsOf(prefix);
    expect(failed.sent_at).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toBe('smtp relay down');
    // The first retry waits 2 s (backoff 2^attempts s).
    expect(failed.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before + 2_000);

    const sender = new RecordingSender(prefix);
    await drainAll(dispatcher({ sender }));
    expect(sender.total()).toBe(0);

    const later = () => new Date(failed.next_attempt_at.getTime() + 1);
    await drainAll(dispatcher({ sender, clock: later }));
    await drainAll(dispatcher({ sender, clock: later }));
    expect(sender.sends.get(row.id)).toBe(1);
    const [sent] = await rowsOf(prefix);
    expect(sent.sent_at).not.toBeNull();
    expect(sent.attempts).toBe(2);
    expect(sent.last_error).toBeNull();
  });

  it('claims a row again once its lease has expired, and records it sent once', async () => {
    const prefix = newPrefix();
    const [row] = await queue(prefix, 1);
    const now = new Date();

    // A dispatcher claims the row and dies before marking it.
    const [stale] = await store.claimDue(1, now, 30_000);
    expect(stale.id).toBe(row.id);

    const sender = new RecordingSender(prefix);
    await drainAll(dispatcher({ sender }));
    expect(sender.total()).toBe(0);

    await drainAll(dispatcher({ sender, clock: () => new Date(now.getTime() + 30_001) }));
    expect(sender.sends.get(row.id)).toBe(1);
    const [sent] = await rowsOf(prefix);
    expect(sent.sent_at).not.toBeNull();
    expect(sent.attempts).toBe(2);

    // The stale claimer coming back can neither reschedule nor re-mark the row.
    expect(await store.markFailed(row.id, 'late', new Date(), stale.attempts)).toBe(false);
    expect(await store.markSent(row.id)).toBe(false);
    const [after] = await rowsOf(prefix);
    expect(after.sent_at).toEqual(sent.sent_at);
    expect(after.last_error).toBeNull();
  });

  it('hands back claims it can no longer start within the lease', async () => {
    const prefix = newPrefix();
    const queued = await queue(prefix, 3);
    let t = Date.now();
    const clock = () => new Date(t);
    // Each send takes 400 ms of (fake) time; a send needs 500 ms of a 1 s lease left to start.
    const sender: NotificationSender = {
      send: async () => {
        t += 400;
      },
    };
    const result = await dispatcher({ sender, clock, leaseMs: 1_000, minLeaseLeftMs: 500, concurrency: 1, batchSize: 3 }).drainOnce();

    expect(result).toEqual({ claimed: 3, sent: 2, failed: 0, released: 1 });
    const rows = await rowsOf(prefix);
    expect(rows.map((r) => r.sent_at !== null)).toEqual([true, true, false]);
    // The released row is due at once and its unattempted claim is not counted.
    expect(rows[2].attempts).toBe(0);
    expect(rows[2].next_attempt_at.getTime()).toBeLessThanOrEqual(t);
    expect(rows[2].id).toBe(queued[2].id);
  });

  it('runs as a polling loop that keeps going after errors and stops after its batch in flight', async () => {
    const prefix = newPrefix();
    const queued = await queue(prefix, 5);
    const sender = new RecordingSender(prefix, 30);
    const loop = dispatcher({ sender, pollIntervalMs: 20, batchSize: 2 });
    loop.start();
    try {
      await eventually('the loop to deliver every row', async () => sender.sends.size === queued.length, 10_000);
    } finally {
      await loop.stop();
    }
    expect(queued.every((r) => sender.sends.get(r.id) === 1)).toBe(true);

    // Stopped mid-batch: stop() resolves only once the sends in flight have finished and been recorded.
    const more = await queue(prefix + 'b:', 4);
    const slow = new RecordingSender(prefix, 1_000, false);
    const stopping = dispatcher({ sender: slow, pollIntervalMs: 1_000, batchSize: 4, concurrency: 4 });
    stopping.start();
    try {
      await eventually('a send in flight', async () => slow.active > 0, 5_000);
    } finally {
      await stopping.stop();
    }
    expect(slow.active).toBe(0);
    const recorded = await rowsOf(prefix + 'b:');
    expect(recorded.filter((r) => r.sent_at !== null).map((r) => r.id).sort()).toEqual([...slow.sends.keys()].sort());
    expect(slow.sends.size).toBe(more.length);

    // A database that went away: every drain fails, is logged, and the loop carries on until stopped.
    const broken = await createDataSource({ url: loadStackInfo().databaseUrl, poolSize: 1 }).initialize();
    await broken.destroy();
    const errors: string[] = [];
    const failing = new OutboxDispatcher({
      store: new OutboxStore(broken),
      sender,
      logger: { ...quiet, error: (_obj: object, msg?: string) => void errors.push(msg ?? '') },
      pollIntervalMs: 10,
    });
    failing.start();
    try {
      await eventually('two failed drains', async () => errors.length >= 2, 5_000);
    } finally {
      await failing.stop();
    }
    expect(errors[0]).toBe('outbox drain failed');
    const count = errors.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(errors.length).toBe(count);
  });

  it('logs one line per notification with the log sender', async () => {
    const lines: Array<{ obj: any; msg?: string }> = [];
    const sender = new LogSender({ info: (obj: object, msg?: string) => void lines.push({ obj, msg }) });
    await sender.send(outbound({ id: 'n-1', subject: 'Review due' }));
    expect(lines).toEqual([{ obj: { notificationId: 'n-1', kind: 'reminder', recipient: 'role:manager', subject: 'Review due' }, msg: 'notification' }]);
  });

  describe('webhook sender', () => {
    interface Received {
      headers: IncomingHttpHeaders;
      method?: string;
      body: any;
    }
    let server: Server;
    let url: string;
    let received: Received[];
    let answer: number | 'hang';

    beforeAll(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ headers: req.headers, method: req.method, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          if (answer === 'hang') return;
          res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer >= 400 ? 'receiver broke' : '');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/dueflow`;
    });
    beforeEach(() => {
      received = [];
      answer = 204;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });

    it('POSTs the notification as JSON with its id as the idempotency key', async () => {
      const n = outbound({ id: randomUUID(), projectId: randomUUID(), payload: { taskId: 't-1', dueAt: '2030-01-01T00:00:00.000Z' } });
      await new WebhookSender({ url }).send(n);

      expect(received).toHaveLength(1);
      expect(received[0].method).toBe('POST');
      expect(received[0].headers['content-type']).toBe('application/json');
      expect(received[0].headers['idempotency-key']).toBe(n.id);
      expect(received[0].body).toEqual({
        id: n.id,
        kind: n.kind,
        recipient: n.recipient,
        subject: n.subject,
        payload: n.payload,
        projectId: n.projectId,
        createdAt: n.createdAt.toISOString(),
      });
    });

    it('throws on a non-2xx answer and on a receiver that never answers', async () => {
      answer = 500;
      await expect(new WebhookSender({ url }).send(outbound())).rejects.toThrow('webhook answered 500: receiver broke');
      answer = 'hang';
      await expect(new WebhookSender({ url, timeoutMs: 200 }).send(outbound())).rejects.toThrow(/timeout/i);
    });

    it('delivers queued rows through the dispatcher, keyed by the row id', async () => {
      const prefix = newPrefix();
      const [row] = await queue(prefix, 1);
      answer = 500;
      const webhook = dispatcher({ sender: new WebhookSender({ url }) });
      await drainAll(webhook);
      const [failed] = await rowsOf(prefix);
      expect(failed.last_error).toBe('webhook answered 500: receiver broke');

      answer = 200;
      await drainAll(dispatcher({ sender: new WebhookSender({ url }), clock: () => new Date(failed.next_attempt_at.getTime() + 1) }));
      const mine = received.filter((r) => r.headers['idempotency-key'] === row.id);
      expect(mine).toHaveLength(2);
      expect(mine[1].body).toMatchObject({ id: row.id, kind: 'assignment', recipient: 'role:manager', subject: 'outbox test 1', payload: { n: 1 }, projectId: null });
      const [sent] = await rowsOf(prefix);
      expect(sent.sent_at).not.toBeNull();
    });
  });
});

function outbound(overrides: Partial<OutboundNotification> = {}): OutboundNotification {
  return {
    id: randomUUID(),
    dedupeKey: `outbox-test:${randomUUID()}`,
    projectId: null,
    kind: 'reminder',
    recipient: 'role:manager',
    subject: 'Review due soon',
    payload: {},
    createdAt: new Date('2030-01-01T08:00:00.000Z'),
    attempts: 1,
    leaseExpiresAt: new Date(Date.now() + 30_000),
    ...overrides,
  };
}
