import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';
import { MIGRATIONS, PROJECT_CHANGED_CHANNEL, ProcessStore, ProjectStore, createDataSource, runMigrations } from '@dueflow/persistence';
import { dropDatabase, ensureDatabase } from '@dueflow/stack';
import { loadStackInfo } from '../support/test-stack';

/** A database of the calling describe block's own: created when the test asks, dropped after the block. */
function scratchDatabase(prefix: string): () => Promise<string> {
  const { serverUrl } = loadStackInfo();
  const database = `dueflow_${prefix}_${randomBytes(4).toString('hex')}`;
  afterAll(() => dropDatabase(serverUrl, database));
  return () => ensureDatabase(serverUrl, database);
}

/** The migrations are the schema; the entities must describe exactly what they create. */
describe('database schema', () => {
  it('matches the entities after every migration has run (nothing for TypeORM to generate)', async () => {
    const dataSource = await createDataSource({ url: loadStackInfo().databaseUrl, poolSize: 1 }).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  describe('upgrading a database that already holds timelines', () => {
    const database = scratchDatabase('upgrade');
    let url: string;

    it('chains the events written before the audit migration, and later steps extend that chain', async () => {
      url = await database();
      const beforeAudit = MIGRATIONS.findIndex((m) => m.name.startsWith('AuditChain'));
      const old = await new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.slice(0, beforeAudit), migrationsTableName: 'migrations' }).initialize();
      const projectId = randomUUID();
      try {
        await old.runMigrations({ transaction: 'each' });
        const [user] = await old.query(`INSERT INTO users (email, name, password_hash, roles) VALUES ('old@dueflow.local', 'Old', 'x', '{officer}') RETURNING id`);
        await old.query(
          `INSERT INTO projects (id, name, company, sector, total_investment, currency, source, summary, status, submitted_by, policy, policy_version, workflow_id)
           VALUES ($1, 'Old', 'Old Co', 'biotech', 1000, 'CNY', 'direct', 'from before the audit chain', 'in_review', $2, '{}', 1, 'wf')`,
          [projectId, user.id],
        );
        for (const seq of [1, 3, 2]) {
          await old.query(`INSERT INTO timeline_events (project_id, seq, type, actor_id, data, occurred_at) VALUES ($1, $2, 'legacy', $3, $4, now())`, [
            projectId,
            seq,
            seq === 1 ? user.id : null,
            JSON.stringify({ seq, nested: { b: 1, a: [seq] } }),
          ]);
        }
      } finally {
        await old.destroy();
      }

      expect(await runMigrations(url)).toEqual(MIGRATIONS.slice(beforeAudit).map((m) => m.name));

      const dataSource = await createDataSource({ url, poolSize: 2 }).initialize();
      try {
        const projects = new ProjectStore(dataSource);
        expect(await projects.verifyTimeline(projectId)).toMatchObject({ valid: true, events: 3, firstBrokenLink: null });
        await new ProcessStore(dataSource).recordTransition({
          projectId,
          event: { seq: 4, type: 'after_upgrade', actorId: null, occurredAt: new Date().toISOString(), data: { ok: true } },
        });
        expect(await projects.verifyTimeline(projectId)).toMatchObject({ valid: true, events: 4, firstBrokenLink: null });
      } finally {
        await dataSource.destroy();
      }
    });
  });

  describe('a step and the project status', () => {
    // Its own database: the project it makes must not show in other suites' lists and counts.
    const database = scratchDatabase('status');

    it('moves the status with a step, but never out of a final one (a late step still extends the chain)', async () => {
      const url = await database();
      await runMigrations(url);
      const dataSource = await createDataSource({ url, poolSize: 2 }).initialize();
      try {
        const tag = randomBytes(4).toString('hex');
        const [user] = await dataSource.query(`INSERT INTO users (email, name, password_hash, roles) VALUES ($1, 'Final', 'x', '{officer}') RETURNING id`, [
          `final-${tag}@dueflow.local`,
        ]);
        const projectId = randomUUID();
        await dataSource.query(
          `INSERT INTO projects (id, name, company, sector, total_investment, currency, source, summary, status, submitted_by, policy, policy_version, workflow_id)
           VALUES ($1, 'Final', 'Final Co', 'robotics', 1000, 'CNY', 'direct', 'status rules', 'in_review', $2, '{}', 1, $3)`,
          [projectId, user.id, `wf-${tag}`],
        );
        const steps = new ProcessStore(dataSource);
        const statusOf = async () => (await dataSource.query(`SELECT status, status_detail FROM projects WHERE id = $1`, [projectId]))[0];
        const step = (seq: number, status: 'synthesis' | 'withdrawn' | 'awaiting_decision', detail: string | null) =>
          steps.recordTransition({ projectId, event: { seq, type: `to_${status}`, actorId: null, occurredAt: new Date().toISOString(), data: {} }, status: { status, detail } });
        await step(1, 'synthesis', null);
        expect(await statusOf()).toEqual({ status: 'synthesis', status_detail: null });
        await step(2, 'withdrawn', 'by the officer');
        await step(3, 'awaiting_decision', 'late');
        expect(await statusOf()).toEqual({ status: 'withdrawn', status_detail: 'by the officer' });
        expect(await new ProjectStore(dataSource).verifyTimeline(projectId)).toMatchObject({ valid: true, events: 3 });
      } finally {
        await dataSource.destroy();
      }
    });
  });

  describe("reviewers' open-task counts", () => {
    const database = scratchDatabase('load');

    it('are counted from the tasks already there, then follow every insert, update and delete; TRUNCATE is refused', async () => {
      const url = await database();
      const before = MIGRATIONS.findIndex((m) => m.name.startsWith('ReviewerOpenTasks'));
      const db = await new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.slice(0, before), migrationsTableName: 'migrations' }).initialize();
      try {
        await db.runMigrations({ transaction: 'each' });
        const user = async (email: string, roles: string) =>
          (await db.query(`INSERT INTO users (email, name, password_hash, roles) VALUES ($1, $1, 'x', $2) RETURNING id`, [email, roles]))[0].id as string;
        const officer = await user('officer@load.test', '{officer}');
        const [ann, bob] = [await user('ann@load.test', '{reviewer}'), await user('bob@load.test', '{reviewer}')];
        for (const id of [ann, bob]) {
          await db.query(`INSERT INTO reviewer_profiles (user_id, tracks, sectors, max_open_tasks) VALUES ($1, '{expert}', '{biotech}', 5)`, [id]);
        }
        const [project] = await db.query(
          `INSERT INTO projects (id, name, company, sector, total_investment, currency, source, summary, status, submitted_by, policy, policy_version, workflow_id)
           VALUES ($1, 'P', 'P Co', 'biotech', 1000, 'CNY', 'direct', 's', 'in_review', $2, '{}', 1, 'wf') RETURNING id`,
          [randomUUID(), officer],
        );
        let slot = 0;
        const task = async (assignee: string, status: string) =>
          (
            await db.query(`INSERT INTO review_tasks (project_id, track, slot, attempt, assignee_id, status, due_at) VALUES ($1, 'expert', $2, 1, $3, $4, now()) RETURNING id`, [
              project.id,
              ++slot,
              assignee,
              status,
            ])
          )[0].id as string;
        await task(ann, 'open');
        await task(ann, 'open');
        await task(ann, 'submitted');
        await task(bob, 'open');

        expect(await runMigrations(url)).toEqual(MIGRATIONS.slice(before).map((m) => m.name));
        const counts = async () =>
          Object.fromEntries(
            (await db.query(`SELECT user_id, open_tasks FROM reviewer_profiles`)).map((r: { user_id: string; open_tasks: number }) => [
              r.user_id === ann ? 'ann' : 'bob',
              r.open_tasks,
            ]),
          );
        const truth = async () =>
          Object.fromEntries(
            (
              await db.query(
                `SELECT p.user_id, (SELECT count(*)::int FROM review_tasks t WHERE t.assignee_id = p.user_id AND t.status = 'open') AS n FROM reviewer_profiles p`,
              )
            ).map((r: { user_id: string; n: number }) => [r.user_id === ann ? 'ann' : 'bob', r.n]),
          );
        expect(await counts()).toEqual({ ann: 2, bob: 1 });

        const third = await task(ann, 'open');
        await task(bob, 'open');
        expect(await counts()).toEqual({ ann: 3, bob: 2 });
        // One statement closing several tasks of both reviewers.
        await db.query(`UPDATE review_tasks SET status = 'cancelled' WHERE status = 'open' AND id <> $1`, [third]);
        expect(await counts()).toEqual({ ann: 1, bob: 0 });
        // A reassignment moves the open task from one reviewer to the other.
        await db.query(`UPDATE review_tasks SET assignee_id = $2 WHERE id = $1`, [third, bob]);
        expect(await counts()).toEqual({ ann: 0, bob: 1 });
        // Rolled back: the counts roll back with the tasks.
        await expect(
          db.transaction(async (em) => {
            await em.query(`UPDATE review_tasks SET status = 'open' WHERE assignee_id = $1`, [ann]);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(await counts()).toEqual({ ann: 0, bob: 1 });
        await db.query(`DELETE FROM review_tasks WHERE id = $1`, [third]);
        expect(await counts()).toEqual({ ann: 0, bob: 0 });
        await expect(db.query(`TRUNCATE review_tasks CASCADE`)).rejects.toThrow(/TRUNCATE refused/);
        expect(await counts()).toEqual(await truth());
      } finally {
        await db.destroy();
      }
    });
  });

  describe('review tasks announce their project (a database migrated before that was added)', () => {
    const landed = scratchDatabase('notify');
    const edited = scratchDatabase('notify_edited');
    const upTo = (name: string) => MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === name) + 1);
    const hasTrigger = async (db: DataSource) =>
      (await db.query(`SELECT 1 FROM pg_trigger WHERE tgname = 'review_tasks_added' AND tgrelid = 'review_tasks'::regclass`)).length === 1;

    /** Inserts a review task into a new project and resolves with what LISTEN heard within `ms`. */
    async function insertTaskAndListen(url: string, ms: number): Promise<{ projectId: string; heard: string[] }> {
      const db = await new DataSource({ type: 'postgres', url }).initialize();
      const listener = new Client({ connectionString: url });
      await listener.connect();
      try {
        const heard: string[] = [];
        listener.on('notification', (n) => n.channel === PROJECT_CHANGED_CHANNEL && heard.push(n.payload ?? ''));
        await listener.query(`LISTEN ${PROJECT_CHANGED_CHANNEL}`);
        const tag = randomBytes(4).toString('hex');
        const [user] = await db.query(`INSERT INTO users (email, name, password_hash, roles) VALUES ($1, 'N', 'x', '{officer,reviewer}') RETURNING id`, [
          `notify-${tag}@dueflow.local`,
        ]);
        await db.query(`INSERT INTO reviewer_profiles (user_id, tracks, sectors, max_open_tasks) VALUES ($1, '{expert}', '{biotech}', 5)`, [user.id]);
        const projectId = randomUUID();
        await db.query(
          `INSERT INTO projects (id, name, company, sector, total_investment, currency, source, summary, status, submitted_by, policy, policy_version, workflow_id)
           VALUES ($1, 'N', 'N Co', 'biotech', 1000, 'CNY', 'direct', 'notify', 'in_review', $2, '{}', 1, $3)`,
          [projectId, user.id, `wf-${tag}`],
        );
        await new Promise((r) => setTimeout(r, 200));
        heard.length = 0;
        await db.query(`INSERT INTO review_tasks (project_id, track, slot, attempt, assignee_id, status, due_at) VALUES ($1, 'expert', 1, 1, $2, 'open', now())`, [
          projectId,
          user.id,
        ]);
        const deadline = Date.now() + ms;
        while (!heard.includes(projectId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        return { projectId, heard };
      } finally {
        await listener.end();
        await db.destroy();
      }
    }

    it('the landed project-change migration alone does not announce tasks; the next migration adds it, and down removes it', async () => {
      const url = await landed();
      const db = await new DataSource({ type: 'postgres', url, migrations: upTo('ProjectChangeNotify1795704000000'), migrationsTableName: 'migrations' }).initialize();
      try {
        await db.runMigrations({ transaction: 'each' });
        // As it landed (and as every database migrated before the later edit has it).
        expect(await hasTrigger(db)).toBe(false);
      } finally {
        await db.destroy();
      }
      const before = await insertTaskAndListen(url, 500);
      expect(before.heard).not.toContain(before.projectId);

      expect(await runMigrations(url)).toEqual(MIGRATIONS.slice(upTo('ProjectChangeNotify1795704000000').length).map((m) => m.name));
      const after = await insertTaskAndListen(url, 10_000);
      expect(after.heard).toContain(after.projectId);

      // Its own down, run directly: later migrations may follow it in the list.
      const Migration = MIGRATIONS.find((m) => m.name === 'ReviewTasksNotify1795710000000') as new () => MigrationInterface;
      const db2 = await new DataSource({ type: 'postgres', url }).initialize();
      const runner = db2.createQueryRunner();
      try {
        await new Migration().down(runner);
        expect(await hasTrigger(db2)).toBe(false);
        expect(await db2.query(`SELECT 1 FROM pg_proc WHERE proname = 'dueflow_notify_tasks_added'`)).toEqual([]);
      } finally {
        await runner.release();
        await db2.destroy();
      }
    });

    it('a database that got the trigger from the edited migration upgrades too (the new migration is idempotent)', async () => {
      const url = await edited();
      const db = await new DataSource({ type: 'postgres', url, migrations: upTo('ProjectChangeNotify1795704000000'), migrationsTableName: 'migrations' }).initialize();
      try {
        await db.runMigrations({ transaction: 'each' });
        // What the edited 1795704000000 created in the databases it ran on.
        await db.query(`
          CREATE FUNCTION dueflow_notify_tasks_added() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            PERFORM pg_notify('${PROJECT_CHANGED_CHANNEL}', project_id::text) FROM (SELECT DISTINCT project_id FROM new_rows) added;
            RETURN NULL;
          END $$`);
        await db.query(`
          CREATE TRIGGER review_tasks_added AFTER INSERT ON "review_tasks" REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION dueflow_notify_tasks_added()`);
      } finally {
        await db.destroy();
      }
      await runMigrations(url);
      const after = await insertTaskAndListen(url, 10_000);
      expect(after.heard).toEqual([after.projectId]);
    });
  });
});
