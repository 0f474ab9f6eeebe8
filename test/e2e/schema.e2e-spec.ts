import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS, ProcessStore, ProjectStore, createDataSource, runMigrations } from '@dueflow/persistence';
import { dropDatabase, ensureDatabase } from '@dueflow/stack';
import { loadStackInfo } from '../support/test-stack';

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
    const { serverUrl } = loadStackInfo();
    const database = `dueflow_upgrade_${randomBytes(4).toString('hex')}`;
    let url: string;
    afterAll(() => dropDatabase(serverUrl, database));

    it('chains the events written before the audit migration, and later steps extend that chain', async () => {
      url = await ensureDatabase(serverUrl, database);
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
});
