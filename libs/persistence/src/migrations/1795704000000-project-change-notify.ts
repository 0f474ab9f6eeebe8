import { MigrationInterface, QueryRunner } from 'typeorm';
import { PROJECT_CHANGED_CHANNEL } from '../repositories/project-changes';

/**
 * Announces every step of a project's process: when a project row's audit chain grows (each step
 * appends a timeline event and moves the head, in one transaction) or review tasks are added to it,
 * PostgreSQL notifies `dueflow_project_changed` with the project's id at commit. The API listens, so a client can wait
 * for a project to change (`Prefer: wait`) instead of polling it.
 */
export class ProjectChangeNotify1795704000000 implements MigrationInterface {
  name = 'ProjectChangeNotify1795704000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION dueflow_notify_project_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${PROJECT_CHANGED_CHANNEL}', NEW.id::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER projects_changed AFTER UPDATE OF audit_length ON "projects"
        FOR EACH ROW WHEN (NEW.audit_length IS DISTINCT FROM OLD.audit_length)
        EXECUTE FUNCTION dueflow_notify_project_changed()`);
    // A retried assignment can add tasks to a step already recorded (its event exists, the chain
    // does not grow): announce new tasks too. Within one transaction PostgreSQL delivers one
    // notification per project, however many statements name it.
    await queryRunner.query(`
      CREATE FUNCTION dueflow_notify_tasks_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${PROJECT_CHANGED_CHANNEL}', project_id::text) FROM (SELECT DISTINCT project_id FROM new_rows) added;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER review_tasks_added AFTER INSERT ON "review_tasks" REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dueflow_notify_tasks_added()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER review_tasks_added ON "review_tasks"`);
    await queryRunner.query(`DROP FUNCTION dueflow_notify_tasks_added()`);
    await queryRunner.query(`DROP TRIGGER projects_changed ON "projects"`);
    await queryRunner.query(`DROP FUNCTION dueflow_notify_project_changed()`);
  }
}
