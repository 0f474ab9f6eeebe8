import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Steps that failed for good: one row per `step_failed` event, so `/metrics` can count failures and
 * the projects still waiting for an admin to resume them.
 */
export class StepFailures1795730000000 implements MigrationInterface {
  name = 'StepFailures1795730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "step_failures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "seq" integer NOT NULL, "step" text NOT NULL, "reason" text NOT NULL, "failure_type" text, "awaits_resume" boolean NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resumed_at" TIMESTAMP WITH TIME ZONE, "resumed_by" uuid, CONSTRAINT "PK_45c88371eeb3de7181ca0d59a09" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "step_failures_event_uq" ON "step_failures" ("project_id", "seq")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."step_failures_event_uq"`);
    await queryRunner.query(`DROP TABLE "step_failures"`);
  }
}
