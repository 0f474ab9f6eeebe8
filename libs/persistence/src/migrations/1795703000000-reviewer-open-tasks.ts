import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps each reviewer's count of open tasks on the reviewer's profile, maintained by the database
 * on every insert, update and delete of review_tasks. Assignment reads the counts instead of
 * counting every reviewer's open tasks each time: that count grew with the number of open
 * projects (at 10,000 open projects, 40,000 open tasks scanned per assignment, under the
 * assignment lock).
 *
 * The triggers are per statement: each locks the reviewers it touches in id order before updating
 * them, so two statements that open and close tasks of the same reviewers cannot deadlock on them.
 */
export class ReviewerOpenTasks1795703000000 implements MigrationInterface {
  name = 'ReviewerOpenTasks1795703000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reviewer_profiles" ADD "open_tasks" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`
      CREATE FUNCTION dueflow_add_open_tasks(opened uuid[], closed uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM reviewer_profiles WHERE user_id = ANY(opened || closed) ORDER BY user_id FOR UPDATE;
        UPDATE reviewer_profiles p SET open_tasks = p.open_tasks + d.delta
          FROM (SELECT id, sum(n)::int AS delta FROM (SELECT unnest(opened) AS id, 1 AS n UNION ALL SELECT unnest(closed), -1) x GROUP BY id) d
         WHERE p.user_id = d.id AND d.delta <> 0;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION dueflow_track_open_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM dueflow_add_open_tasks(ARRAY(SELECT assignee_id FROM new_rows WHERE status = 'open'), '{}');
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM dueflow_add_open_tasks(ARRAY(SELECT assignee_id FROM new_rows WHERE status = 'open'), ARRAY(SELECT assignee_id FROM old_rows WHERE status = 'open'));
        ELSE
          PERFORM dueflow_add_open_tasks('{}', ARRAY(SELECT assignee_id FROM old_rows WHERE status = 'open'));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER review_tasks_open_count_insert AFTER INSERT ON "review_tasks" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dueflow_track_open_tasks()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER review_tasks_open_count_update AFTER UPDATE ON "review_tasks" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dueflow_track_open_tasks()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER review_tasks_open_count_delete AFTER DELETE ON "review_tasks" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dueflow_track_open_tasks()`,
    );
    // TRUNCATE would skip the row counts: refuse it, like the audit store does.
    await queryRunner.query(`
      CREATE FUNCTION dueflow_refuse_task_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'review_tasks keeps reviewers'' open-task counts: TRUNCATE refused, DELETE instead' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER review_tasks_no_truncate BEFORE TRUNCATE ON "review_tasks" FOR EACH STATEMENT EXECUTE FUNCTION dueflow_refuse_task_truncate()`,
    );
    // Existing tasks: lock the tasks against writers while counting, so no change slips between.
    await queryRunner.query(`LOCK TABLE "review_tasks" IN SHARE MODE`);
    await queryRunner.query(`
      UPDATE reviewer_profiles p SET open_tasks = c.n
        FROM (SELECT assignee_id, count(*)::int AS n FROM review_tasks WHERE status = 'open' GROUP BY assignee_id) c
       WHERE p.user_id = c.assignee_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER review_tasks_no_truncate ON "review_tasks"`);
    await queryRunner.query(`DROP FUNCTION dueflow_refuse_task_truncate()`);
    await queryRunner.query(`DROP TRIGGER review_tasks_open_count_delete ON "review_tasks"`);
    await queryRunner.query(`DROP TRIGGER review_tasks_open_count_update ON "review_tasks"`);
    await queryRunner.query(`DROP TRIGGER review_tasks_open_count_insert ON "review_tasks"`);
    await queryRunner.query(`DROP FUNCTION dueflow_track_open_tasks()`);
    await queryRunner.query(`DROP FUNCTION dueflow_add_open_tasks(uuid[], uuid[])`);
    await queryRunner.query(`ALTER TABLE "reviewer_profiles" DROP COLUMN "open_tasks"`);
  }
}
