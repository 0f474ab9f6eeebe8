import { MigrationInterface, QueryRunner } from 'typeorm';
import { USER_CHANGED_CHANNEL } from '../repositories/user-changes';

/**
 * Accounts an administrator can manage, and a login limit every API instance shares:
 * - `users.locale` (the console's language) and `users.deactivated_at` / `deactivation_reason`:
 *   a deactivated user cannot sign in, their tokens stop working, and assignment skips them;
 * - `dueflow_user_changed` notifications with the user's id whenever a user row or the fields of a
 *   reviewer profile change, so every API instance drops its cached copy of that user at once;
 * - `login_attempts`: one row per login attempt until it is known to have succeeded, counted per
 *   account and per client address within the throttle's window (rows older than it are pruned).
 */
export class Accounts1795720000000 implements MigrationInterface {
  name = 'Accounts1795720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "locale" text NOT NULL DEFAULT 'zh-CN' CONSTRAINT "users_locale_check" CHECK ("locale" IN ('zh-CN', 'en'))`);
    await queryRunner.query(`ALTER TABLE "users" ADD "deactivated_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "users" ADD "deactivation_reason" text`);

    await queryRunner.query(`
      CREATE FUNCTION dueflow_notify_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('${USER_CHANGED_CHANNEL}', COALESCE(NEW.id, OLD.id)::text);
        ELSE
          PERFORM pg_notify('${USER_CHANGED_CHANNEL}', COALESCE(NEW.user_id, OLD.user_id)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER users_changed AFTER UPDATE OR DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION dueflow_notify_user_changed()`);
    // Not on open_tasks: the review_tasks triggers move that count on every assignment.
    await queryRunner.query(`
      CREATE TRIGGER reviewer_profiles_changed AFTER INSERT OR DELETE OR UPDATE OF tracks, sectors, affiliation, max_open_tasks ON "reviewer_profiles"
        FOR EACH ROW EXECUTE FUNCTION dueflow_notify_user_changed()`);

    await queryRunner.query(`
      CREATE TABLE "login_attempts" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "account_key" text NOT NULL,
        "address" text NOT NULL,
        "attempted_at" timestamptz NOT NULL DEFAULT now(),
        "account_cleared" boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`CREATE INDEX "login_attempts_account_idx" ON "login_attempts" ("account_key", "attempted_at")`);
    await queryRunner.query(`CREATE INDEX "login_attempts_address_idx" ON "login_attempts" ("address", "attempted_at")`);
    await queryRunner.query(`CREATE INDEX "login_attempts_attempted_at_idx" ON "login_attempts" ("attempted_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_attempts"`);
    await queryRunner.query(`DROP TRIGGER reviewer_profiles_changed ON "reviewer_profiles"`);
    await queryRunner.query(`DROP TRIGGER users_changed ON "users"`);
    await queryRunner.query(`DROP FUNCTION dueflow_notify_user_changed()`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deactivation_reason"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "locale"`);
  }
}
