import { MigrationInterface, QueryRunner } from 'typeorm';
import { PROJECT_CHANGED_CHANNEL } from '../repositories/project-changes';

/**
 * Announces every step of a project's process: when a project row's audit chain grows (each step
 * appends a timeline event and moves the head, in one transaction), PostgreSQL notifies
 * `dueflow_project_changed` with the project's id at commit. The API listens, so a client can wait
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER projects_changed ON "projects"`);
    await queryRunner.query(`DROP FUNCTION dueflow_notify_project_changed()`);
  }
}
