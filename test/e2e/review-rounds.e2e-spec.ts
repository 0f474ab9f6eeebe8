import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS, runMigrations } from '@dueflow/persistence';
import { dropDatabase, ensureDatabase } from '@dueflow/stack';
import { loadStackInfo } from '../support/test-stack';

/**
 * The review-rounds migration on a database that already holds a re-opened track: the rounds of
 * tasks and reviews written before it come back from the assignment events on the timeline.
 */
describe('review rounds on tasks written before they were stored', () => {
  const { serverUrl } = loadStackInfo();
  const database = `dueflow_rounds_${randomBytes(4).toString('hex')}`;
  afterAll(() => dropDatabase(serverUrl, database));

  it('backfills each task and review from the timeline', async () => {
    const url = await ensureDatabase(serverUrl, database);
    const before = MIGRATIONS.findIndex((m) => m.name.startsWith('ReviewRounds'));
    const db = await new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.slice(0, before), migrationsTableName: 'migrations' }).initialize();
    const tasks: Record<string, string> = {};
    let projectId = '';
    try {
      await db.runMigrations({ transaction: 'each' });
      const [officer] = await db.query(`INSERT INTO users (email, name, password_hash, roles) VALUES ('o@rounds.test', 'O', 'x', '{officer}') RETURNING id`);
      const [reviewer] = await db.query(`INSERT INTO users (email, name, password_hash, roles) VALUES ('r@rounds.test', 'R', 'x', '{reviewer}') RETURNING id`);
      projectId = randomUUID();
      await db.query(
        `INSERT INTO projects (id, name, company, sector, total_investment, currency, source, summary, status, submitted_by, policy, policy_version, workflow_id)
         VALUES ($1, 'P', 'P Co', 'robotics', 1000, 'CNY', 'direct', 's', 'in_review', $2, '{}', 1, 'wf')`,
        [projectId, officer.id],
      );
      const task = async (name: string, track: string, slot: number, attempt: number) => {
        const [row] = await db.query(
          `INSERT INTO review_tasks (project_id, track, slot, attempt, assignee_id, status, due_at) VALUES ($1, $2, $3, $4, $5, 'submitted', now()) RETURNING id`,
          [projectId, track, slot, attempt, reviewer.id],
        );
        tasks[name] = row.id;
      };
      await task('expert', 'expert', 0, 0);
      await task('vcFirst', 'vc', 0, 0);
      await task('vcAgain', 'vc', 1, 0);
      await task('vcReplacement', 'vc', 1, 1);
      // Added by a retried assignment whose event was already written: no event lists it.
      await task('vcUnlisted', 'vc', 2, 0);
      let seq = 0;
      const event = async (type: string, data: object) => {
        seq += 1;
        await db.query(
          `INSERT INTO timeline_events (project_id, seq, type, actor_id, data, occurred_at, prev_hash, hash) VALUES ($1, $2, $3, NULL, $4, now(), $5, $6)`,
          [projectId, seq, type, JSON.stringify(data), String(seq - 1).padStart(64, '0'), String(seq).padStart(64, '0')],
        );
      };
      const listed = (...names: string[]) => names.map((n) => ({ taskId: tasks[n], reviewerId: reviewer.id }));
      await event('reviewers_assigned', { track: 'expert', round: 0, assigned: listed('expert') });
      await event('reviewers_assigned', { track: 'vc', round: 0, assigned: listed('vcFirst') });
      await event('reviewers_assigned', { track: 'vc', round: 1, assigned: listed('vcAgain') });
      await event('reviewer_replaced', { track: 'vc', round: 1, assigned: listed('vcReplacement') });
      for (const name of ['vcFirst', 'vcReplacement']) {
        await db.query(
          `INSERT INTO reviews (task_id, project_id, reviewer_id, track, scores, recommendation, risk_points, comments, submitted_at)
           VALUES ($1, $2, $3, 'vc', '{}', 'go', '[]', 'ok', now())`,
          [tasks[name], projectId, reviewer.id],
        );
      }
    } finally {
      await db.destroy();
    }

    expect(await runMigrations(url)).toEqual(MIGRATIONS.slice(before).map((m) => m.name));

    const check = new DataSource({ type: 'postgres', url });
    await check.initialize();
    try {
      const rows: Array<{ id: string; round: number }> = await check.query(`SELECT id, round FROM review_tasks WHERE project_id = $1`, [projectId]);
      const roundOf = Object.fromEntries(rows.map((r) => [r.id, r.round]));
      expect(Object.fromEntries(Object.entries(tasks).map(([name, id]) => [name, roundOf[id]]))).toEqual({
        expert: 0,
        vcFirst: 0,
        vcAgain: 1,
        vcReplacement: 1,
        vcUnlisted: 1,
      });
      const reviews: Array<{ task_id: string; round: number }> = await check.query(`SELECT task_id, round FROM reviews WHERE project_id = $1`, [projectId]);
      expect(Object.fromEntries(reviews.map((r) => [r.task_id, r.round]))).toEqual({ [tasks['vcFirst']!]: 0, [tasks['vcReplacement']!]: 1 });
    } finally {
      await check.destroy();
    }
  });
});
