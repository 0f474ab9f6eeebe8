import { MigrationInterface, QueryRunner } from "typeorm";

export class ProcessRules1795695315200 implements MigrationInterface {
    name = 'ProcessRules1795695315200'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "information_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "round" integer NOT NULL, "questions" jsonb NOT NULL, "answers" jsonb NOT NULL, "answered_by" uuid NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0d22739aee29c6869e829a7ed87" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "information_responses_round_uq" ON "information_responses" ("project_id", "round") `);
        await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedupe_key" text NOT NULL, "project_id" uuid, "kind" text NOT NULL, "recipient" text NOT NULL, "subject" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "notifications_pending_idx" ON "notifications" ("next_attempt_at") WHERE sent_at IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" ("dedupe_key") `);
        await queryRunner.query(`ALTER TABLE "decisions" ADD "reopen_tracks" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "review_tasks" ADD "reminded_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "review_tasks" ADD "decline_reason" text`);
        await queryRunner.query(`ALTER TABLE "review_tasks" ADD "declined_for_conflict" boolean`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "review_tasks" DROP COLUMN "declined_for_conflict"`);
        await queryRunner.query(`ALTER TABLE "review_tasks" DROP COLUMN "decline_reason"`);
        await queryRunner.query(`ALTER TABLE "review_tasks" DROP COLUMN "reminded_at"`);
        await queryRunner.query(`ALTER TABLE "decisions" DROP COLUMN "reopen_tracks"`);
        await queryRunner.query(`DROP INDEX "public"."notifications_dedupe_uq"`);
        await queryRunner.query(`DROP INDEX "public"."notifications_pending_idx"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
        await queryRunner.query(`DROP INDEX "public"."information_responses_round_uq"`);
        await queryRunner.query(`DROP TABLE "information_responses"`);
    }

}
