import { MigrationInterface, QueryRunner } from 'typeorm';
import { PROJECT_CHANGED_CHANNEL } from '../repositories/project-changes';

/**
 * Also announces a project when review tasks are added to it: a retried assignment can add tasks
 * to a step already recorded (its event exists, the audit chain does not grow), and a watcher of
 * the project must still be woken for them. Within one transaction PostgreSQL delivers one
 * notification per project, however many statements name it.
 *
 * For a while this lived in an edited ProjectChangeNotify1795704000000, so a database migrated
 * before the edit never got it while one migrated after it already has it: hence idempotent
 * (CREATE OR REPLACE, DROP … IF EXISTS) rather than assuming either.
 */
export class ReviewTasksNotify1795710000000 implements MigrationInterface {
  name = 'ReviewTasksNotify1795710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION dueflow_notify_tasks_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${PROJECT_CHANGED_CHANNEL}', project_id::text) FROM (SELECT DISTINCT project_id FROM new_rows) added;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS review_tasks_added ON "review_tasks"`);
    await queryRunner.query(`
      CREATE TRIGGER review_tasks_added AFTER INSERT ON "review_tasks" REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dueflow_notify_tasks_added()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS review_tasks_added ON "review_tasks"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS dueflow_notify_tasks_added()`);
  }
}
