import { MigrationInterface, QueryRunner } from 'typeorm';
import { GENESIS_HASH, auditHash } from '../audit/audit-chain';

/**
 * Makes timeline_events the audit store: every event carries the hash of its predecessor and its
 * own, existing events are chained in append order, and the database refuses to change or remove
 * any of them.
 */
export class AuditChain1795702000000 implements MigrationInterface {
  name = 'AuditChain1795702000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "timeline_events" ADD "prev_hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "timeline_events" ADD "hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "projects" ADD "audit_head" character(64)`);
    await queryRunner.query(`ALTER TABLE "projects" ADD "audit_length" integer NOT NULL DEFAULT '0'`);
    await this.chainExistingEvents(queryRunner);
    await queryRunner.query(`ALTER TABLE "timeline_events" ALTER COLUMN "prev_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "timeline_events" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "timeline_events_chain_uq" ON "timeline_events" ("project_id", "prev_hash") `);
    await queryRunner.query(`
      CREATE FUNCTION dueflow_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'timeline_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER timeline_events_append_only BEFORE UPDATE OR DELETE ON "timeline_events" FOR EACH ROW EXECUTE FUNCTION dueflow_refuse_audit_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER timeline_events_no_truncate BEFORE TRUNCATE ON "timeline_events" FOR EACH STATEMENT EXECUTE FUNCTION dueflow_refuse_audit_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER timeline_events_no_truncate ON "timeline_events"`);
    await queryRunner.query(`DROP TRIGGER timeline_events_append_only ON "timeline_events"`);
    await queryRunner.query(`DROP FUNCTION dueflow_refuse_audit_change()`);
    await queryRunner.query(`DROP INDEX "public"."timeline_events_chain_uq"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP COLUMN "audit_length"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP COLUMN "audit_head"`);
    await queryRunner.query(`ALTER TABLE "timeline_events" DROP COLUMN "hash"`);
    await queryRunner.query(`ALTER TABLE "timeline_events" DROP COLUMN "prev_hash"`);
  }

  /** Events written before this migration, chained project by project in the order they were appended. */
  private async chainExistingEvents(queryRunner: QueryRunner): Promise<void> {
    const projects: Array<{ project_id: string }> = await queryRunner.query(`SELECT DISTINCT project_id FROM timeline_events`);
    for (const { project_id: projectId } of projects) {
      const events: Array<{ id: string; seq: number; type: string; actor_id: string | null; data: Record<string, unknown>; occurred_at: Date }> =
        await queryRunner.query(`SELECT id, seq, type, actor_id, data, occurred_at FROM timeline_events WHERE project_id = $1 ORDER BY id`, [projectId]);
      let prev = GENESIS_HASH;
      for (const e of events) {
        const hash = auditHash(prev, { projectId, seq: e.seq, type: e.type, actorId: e.actor_id, data: e.data, occurredAt: e.occurred_at });
        await queryRunner.query(`UPDATE timeline_events SET prev_hash = $2, hash = $3 WHERE id = $1`, [e.id, prev, hash]);
        prev = hash;
      }
      await queryRunner.query(`UPDATE projects SET audit_head = $2, audit_length = $3 WHERE id = $1`, [projectId, prev, events.length]);
    }
  }
}
