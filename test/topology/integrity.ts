import { Client } from 'pg';
import { TASKS_PER_PROJECT } from './drive';

/** What a fully completed project leaves in PostgreSQL under the default policy (one go, single approval). */
const EXPECTED_EVENTS: Record<string, number> = { submitted: 1, review_submitted: TASKS_PER_PROJECT, decision_recorded: 1, signed: 1 };

export interface IntegrityReport {
  submissions: number;
  projects: number;
  /** Submissions without a project, and expected rows (tasks, reviews, decisions, signings, events) that are missing. */
  lost: number;
  /** Rows beyond the one expected: a second project for a submission, a second review of a task, and so on. */
  duplicated: number;
  /** Projects not in the expected final status. */
  unfinished: number;
  /** Notifications written but not delivered. */
  undelivered: number;
  /** Notification kinds per project (every project should have the same). */
  notificationsPerProject: Record<string, number>;
  problems: string[];
}

/**
 * Reads dueflow's tables and counts, for the given Idempotency-Keys, everything lost or written
 * twice: one project per submission, four tasks, one review per task, one decision, one signing,
 * each timeline event once, and notifications without duplicates.
 */
export async function checkIntegrity(databaseUrl: string, keys: string[], finalStatus = 'signed'): Promise<IntegrityReport> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const problems: string[] = [];
  let lost = 0;
  let duplicated = 0;
  const note = (problem: string) => {
    if (problems.length < 20) problems.push(problem);
  };
  try {
    const projects: Array<{ id: string; key: string; status: string; company: string }> = (
      await db.query('SELECT id, idempotency_key AS key, status, company FROM projects WHERE idempotency_key = ANY($1)', [keys])
    ).rows;
    const byKey = countBy(projects, (p) => p.key);
    for (const key of keys) {
      const n = byKey.get(key) ?? 0;
      if (n === 0) {
        lost += 1;
        note(`submission ${key}: no project`);
      } else if (n > 1) {
        duplicated += n - 1;
        note(`submission ${key}: ${n} projects`);
      }
    }
    for (const [company, n] of countBy(projects, (p) => p.company)) {
      if (n > 1) {
        duplicated += n - 1;
        note(`${company}: ${n} projects`);
      }
    }
    const unfinished = projects.filter((p) => p.status !== finalStatus);
    for (const p of unfinished.slice(0, 5)) note(`project ${p.id} (${p.key}) is ${p.status}, not ${finalStatus}`);
    const ids = projects.map((p) => p.id);

    /** Compares a per-project count with what is expected; the difference is lost or duplicated. */
    const expectPerProject = (what: string, counts: Map<string, number>, expected: number) => {
      for (const id of ids) {
        const n = counts.get(id) ?? 0;
        if (n < expected) {
          lost += expected - n;
          note(`project ${id}: ${n} ${what}, expected ${expected}`);
        } else if (n > expected) {
          duplicated += n - expected;
          note(`project ${id}: ${n} ${what}, expected ${expected}`);
        }
      }
    };
    const perProject = async (sql: string) => {
      const rows: Array<{ project_id: string; n: number }> = (await db.query(sql, [ids])).rows;
      return new Map(rows.map((r) => [r.project_id, Number(r.n)]));
    };

    expectPerProject('review tasks', await perProject('SELECT project_id, count(*) AS n FROM review_tasks WHERE project_id = ANY($1) GROUP BY 1'), TASKS_PER_PROJECT);
    expectPerProject(
      'submitted review tasks',
      await perProject(`SELECT project_id, count(*) AS n FROM review_tasks WHERE project_id = ANY($1) AND status = 'submitted' GROUP BY 1`),
      TASKS_PER_PROJECT,
    );
    expectPerProject('reviews', await perProject('SELECT project_id, count(*) AS n FROM reviews WHERE project_id = ANY($1) GROUP BY 1'), TASKS_PER_PROJECT);
    const reviewsPerTask: Array<{ task_id: string; n: number }> = (
      await db.query('SELECT task_id, count(*) AS n FROM reviews WHERE project_id = ANY($1) GROUP BY 1 HAVING count(*) > 1', [ids])
    ).rows;
    for (const r of reviewsPerTask) {
      duplicated += Number(r.n) - 1;
      note(`task ${r.task_id}: ${r.n} reviews`);
    }
    expectPerProject('decisions', await perProject('SELECT project_id, count(*) AS n FROM decisions WHERE project_id = ANY($1) GROUP BY 1'), 1);
    expectPerProject('signings', await perProject('SELECT project_id, count(*) AS n FROM signings WHERE project_id = ANY($1) GROUP BY 1'), 1);
    for (const [type, expected] of Object.entries(EXPECTED_EVENTS)) {
      const counts = await perProject(`SELECT project_id, count(*) AS n FROM timeline_events WHERE project_id = ANY($1) AND type = '${type}' GROUP BY 1`);
      expectPerProject(`${type} events`, counts, expected);
    }

    const sameNotification: Array<{ project_id: string; kind: string; n: number }> = (
      await db.query(
        'SELECT project_id, kind, count(*) AS n FROM notifications WHERE project_id = ANY($1) GROUP BY project_id, kind, recipient, subject HAVING count(*) > 1',
        [ids],
      )
    ).rows;
    for (const r of sameNotification) {
      duplicated += Number(r.n) - 1;
      note(`project ${r.project_id}: ${r.n} identical ${r.kind} notifications`);
    }
    const kinds: Array<{ kind: string; n: number }> = (await db.query('SELECT kind, count(*) AS n FROM notifications WHERE project_id = ANY($1) GROUP BY 1', [ids])).rows;
    const notificationsPerProject = Object.fromEntries(kinds.map((k) => [k.kind, ids.length ? Number(k.n) / ids.length : 0]));
    const pending = (await db.query('SELECT count(*)::int AS n FROM notifications WHERE project_id = ANY($1) AND sent_at IS NULL', [ids])).rows[0].n as number;

    return { submissions: keys.length, projects: projects.length, lost, duplicated, unfinished: unfinished.length, undelivered: pending, notificationsPerProject, problems };
  } finally {
    await db.end();
  }
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * `checkIntegrity` once the outbox has drained (a killed worker's notifications are the survivor's
 * to deliver), checking again every second for up to `waitSeconds`; the last report either way.
 */
export async function settledIntegrity(databaseUrl: string, keys: string[], waitSeconds: number): Promise<IntegrityReport> {
  let report = await checkIntegrity(databaseUrl, keys);
  for (let i = 0; i < waitSeconds && report.undelivered > 0; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    report = await checkIntegrity(databaseUrl, keys);
  }
  return report;
}
