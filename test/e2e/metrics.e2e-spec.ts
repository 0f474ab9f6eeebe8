import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { MANAGER, OFFICER, projectBody } from '../support/factories';
import { Http, RunningDueflow, eventually, startDueflowWithClient } from '../support/harness';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Just enough of the Prometheus text format: one sample per non-comment line. */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = SAMPLE_LINE.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL_PAIR)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/** Sum of the samples of one metric whose labels include `where`. */
function total(samples: Sample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

const ROUTE_COUNT = 'dueflow_http_request_duration_seconds_count';
const STARTS = 'dueflow_workflow_starts_total';
const UPDATES = 'dueflow_workflow_updates_total';

describe('GET /metrics', () => {
  let stack: RunningDueflow;
  let http: Http;

  beforeAll(async () => ({ stack, http } = await startDueflowWithClient()));
  afterAll(() => stack?.stop());

  const scrape = async (): Promise<Sample[]> => {
    const res = await http.request<string>('GET', '/metrics');
    expect(res.status).toBe(200);
    return parseExposition(res.body);
  };

  const submitProject = async (): Promise<string> => {
    const res = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  const statusOf = async (id: string): Promise<string> => (await http.as(MANAGER, 'GET', `/projects/${id}`)).body.status;

  it('answers anyone, without a token, in the Prometheus text format', async () => {
    const res = await http.request<string>('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(new Registry().contentType);
    for (const type of [
      'dueflow_http_request_duration_seconds histogram',
      'dueflow_workflow_starts_total counter',
      'dueflow_workflow_updates_total counter',
      'dueflow_review_tasks_open gauge',
      'dueflow_review_tasks_overdue gauge',
      'dueflow_notifications_pending gauge',
      'dueflow_notifications_failing gauge',
      'dueflow_notifications_oldest_pending_seconds gauge',
      'process_cpu_user_seconds_total counter',
    ]) {
      expect(res.body).toContain(`# TYPE ${type}\n`);
    }
    expect(() => parseExposition(res.body)).not.toThrow();
  });

  it('times requests by route pattern, never by a concrete id', async () => {
    const routeCount = (samples: Sample[]) => total(samples, ROUTE_COUNT, { method: 'GET', route: '/projects/:id' });
    const unmatchedCount = (samples: Sample[]) => total(samples, ROUTE_COUNT, { route: 'unmatched' });
    const before = await scrape();

    const lookups = 3;
    for (let i = 0; i < lookups; i++) {
      expect((await http.as(OFFICER, 'GET', `/projects/${randomUUID()}`)).status).toBe(404);
    }
    expect((await http.request('GET', `/no-such-route/${randomUUID()}`)).status).toBe(404);

    // Fastify runs onResponse once the reply is flushed, which may be a moment after the client has it.
    const after = await eventually('the lookups observed', async () => {
      const samples = await scrape();
      return routeCount(samples) >= routeCount(before) + lookups && unmatchedCount(samples) > unmatchedCount(before) ? samples : undefined;
    });
    expect(routeCount(after) - routeCount(before)).toBe(lookups);
    expect(total(after, ROUTE_COUNT, { method: 'GET', route: '/projects/:id', status_code: '404' })).toBeGreaterThanOrEqual(lookups);
    expect(unmatchedCount(after) - unmatchedCount(before)).toBe(1);
    expect(after.filter((s) => Object.values(s.labels).some((v) => UUID.test(v)))).toEqual([]);
  });

  it('counts workflow starts and Update outcomes by name', async () => {
    const before = await scrape();
    const id = await submitProject();
    await eventually('in review', async () => (await statusOf(id)) === 'in_review');

    const early = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Too early to decide.' } });
    expect(early.status).toBe(409);
    const withdrawn = await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'Chose another park.' } });
    expect(withdrawn.status).toBe(200);

    const after = await scrape();
    const delta = (name: string, where: Record<string, string>) => total(after, name, where) - total(before, name, where);
    expect(delta(STARTS, { outcome: 'ok' })).toBe(1);
    expect(delta(STARTS, { outcome: 'failed' })).toBe(0);
    expect(delta(UPDATES, { update: 'decide', outcome: 'INVALID_STATE' })).toBe(1);
    expect(delta(UPDATES, { update: 'decide', outcome: 'accepted' })).toBe(0);
    expect(delta(UPDATES, { update: 'withdraw', outcome: 'accepted' })).toBe(1);
    expect(delta(UPDATES, {})).toBe(2);
  });

  it('reports open and overdue review tasks as PostgreSQL counts them at scrape time', async () => {
    const id = await submitProject();
    // The whole panel: an insert on the project while a track's assignment still runs can deadlock
    // with it (the insert's foreign-key lock on the project against the assignment's row lock).
    await eventually('reviewers assigned', async () => {
      const [row] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM review_tasks WHERE project_id = $1 AND status = 'open'`, [id]);
      return row.n === 4;
    });
    // An open task already past its due date, so the overdue gauge has something to count.
    const [inserted] = await stack.dataSource.query(
      `INSERT INTO review_tasks (project_id, track, slot, attempt, assignee_id, status, due_at)
       SELECT $1, 'expert', 99, 1, id, 'open', now() - interval '1 day' FROM users WHERE email = 'expert1@dueflow.local'
       RETURNING id`,
      [id],
    );
    try {
      const countInDb = async () => {
        const [row] = await stack.dataSource.query(
          `SELECT count(*)::int AS open, (count(*) FILTER (WHERE due_at < now()))::int AS overdue FROM review_tasks WHERE status = 'open'`,
        );
        return row as { open: number; overdue: number };
      };
      // Other suites' workflows may still move tasks: take a scrape bracketed by two equal DB reads.
      const { db, gauges } = await eventually('a stable reading', async () => {
        const first = await countInDb();
        const samples = await scrape();
        const second = await countInDb();
        const gauges = { open: total(samples, 'dueflow_review_tasks_open'), overdue: total(samples, 'dueflow_review_tasks_overdue') };
        return first.open === second.open && first.overdue === second.overdue ? { db: first, gauges } : undefined;
      });
      expect(gauges).toEqual(db);
      expect(db.overdue).toBeGreaterThanOrEqual(1);
      expect(db.open).toBeGreaterThan(db.overdue);
    } finally {
      await stack.dataSource.query('DELETE FROM review_tasks WHERE id = $1', [inserted.id]);
      await http.as(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'Test over.' } });
    }
  });

  it('reports the undelivered notifications, those failing, and the oldest one\'s age', async () => {
    // A notification whose webhook has refused it three times, queued two hours ago, next try tomorrow;
    // and one being sent for the first time (claimed: attempts counted, no error), which is not failing.
    const rows = await stack.dataSource.query(
      `INSERT INTO notifications (dedupe_key, project_id, kind, recipient, subject, payload, attempts, last_error, next_attempt_at, created_at)
       VALUES ($1, NULL, 'escalation', 'admins', 'Metrics test', '{}', 3, 'HTTP 503', now() + interval '1 day', now() - interval '2 hours'),
              ($2, NULL, 'escalation', 'admins', 'Metrics test', '{}', 1, NULL, now() + interval '1 day', now())
       RETURNING id`,
      [`metrics-test-${randomUUID()}`, `metrics-test-${randomUUID()}`],
    );
    try {
      const countInDb = async () => {
        const [counts] = await stack.dataSource.query(
          `SELECT count(*)::int AS pending, (count(*) FILTER (WHERE last_error IS NOT NULL))::int AS failing,
                  floor(extract(epoch FROM now() - min(created_at)))::int AS oldest
             FROM notifications WHERE sent_at IS NULL`,
        );
        return counts as { pending: number; failing: number; oldest: number };
      };
      const { db, gauges } = await eventually('a stable reading', async () => {
        const first = await countInDb();
        const samples = await scrape();
        const second = await countInDb();
        const gauges = {
          pending: total(samples, 'dueflow_notifications_pending'),
          failing: total(samples, 'dueflow_notifications_failing'),
          oldest: Math.floor(total(samples, 'dueflow_notifications_oldest_pending_seconds')),
        };
        return first.pending === second.pending && first.failing === second.failing ? { db: first, gauges } : undefined;
      });
      expect(gauges.pending).toBe(db.pending);
      expect(gauges.failing).toBe(db.failing);
      expect(Math.abs(gauges.oldest - db.oldest)).toBeLessThanOrEqual(2);
      expect(db.failing).toBeGreaterThanOrEqual(1);
      expect(db.pending).toBeGreaterThan(db.failing);
      expect(gauges.oldest).toBeGreaterThanOrEqual(7_200);
    } finally {
      await stack.dataSource.query('DELETE FROM notifications WHERE id = ANY($1)', [rows.map((r: { id: string }) => r.id)]);
    }
  });
});
