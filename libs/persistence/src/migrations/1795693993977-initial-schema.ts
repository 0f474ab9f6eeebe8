import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795693993977 implements MigrationInterface {
    name = 'InitialSchema1795693993977'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "reviewer_profiles" ("user_id" uuid NOT NULL, "tracks" text array NOT NULL, "sectors" text array NOT NULL, "affiliation" text, "max_open_tasks" integer NOT NULL, CONSTRAINT "PK_d5d2c0054dff06c16b208188c56" PRIMARY KEY ("user_id"))`);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "conflicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reviewer_id" uuid NOT NULL, "company" text NOT NULL, "company_key" text NOT NULL, "reason" text NOT NULL, "declared_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a1b90d7fdf566d825842f26cf86" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "conflicts_reviewer_company_uq" ON "conflicts" ("reviewer_id", "company_key") `);
        await queryRunner.query(`CREATE TABLE "projects" ("id" uuid NOT NULL, "name" text NOT NULL, "company" text NOT NULL, "sector" text NOT NULL, "total_investment" bigint NOT NULL, "currency" text NOT NULL, "expected_annual_output" jsonb, "land_area_mu" numeric, "headcount" integer, "source" text NOT NULL, "stage" text, "summary" text NOT NULL, "contact" jsonb, "status" text NOT NULL, "status_detail" text, "submitted_by" uuid NOT NULL, "policy" jsonb NOT NULL, "policy_version" integer NOT NULL, "workflow_id" text NOT NULL, "idempotency_key" text, "request_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "projects_idempotency_uq" ON "projects" ("submitted_by", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "projects_submitter_idx" ON "projects" ("submitted_by", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "projects_status_list_idx" ON "projects" ("status", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "projects_list_idx" ON "projects" ("created_at", "id") `);
        await queryRunner.query(`CREATE TABLE "decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "seq" integer NOT NULL, "manager_id" uuid NOT NULL, "outcome" text NOT NULL, "rationale" text NOT NULL, "conditions" jsonb NOT NULL, "questions" jsonb NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_48eee6fa229cd5e43648f6a2ec3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "decisions_project_seq_uq" ON "decisions" ("project_id", "seq") `);
        await queryRunner.query(`CREATE TABLE "policies" ("version" SERIAL NOT NULL, "body" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e39604c9b0c940904d05307f903" PRIMARY KEY ("version"))`);
        await queryRunner.query(`CREATE TABLE "review_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "track" text NOT NULL, "slot" integer NOT NULL, "attempt" integer NOT NULL, "assignee_id" uuid NOT NULL, "status" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_50e2948b4c8e8d026d077e1a777" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "review_tasks_assignee_idx" ON "review_tasks" ("assignee_id", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "review_tasks_slot_uq" ON "review_tasks" ("project_id", "track", "slot", "attempt") `);
        await queryRunner.query(`CREATE TABLE "reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "project_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "track" text NOT NULL, "scores" jsonb NOT NULL, "recommendation" text NOT NULL, "risk_points" jsonb NOT NULL, "comments" text NOT NULL, "co_investment" jsonb, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_231ae565c273ee700b283f15c1d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "reviews_project_idx" ON "reviews" ("project_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "reviews_task_uq" ON "reviews" ("task_id") `);
        await queryRunner.query(`CREATE TABLE "signings" ("project_id" uuid NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "agreed_amount" bigint NOT NULL, "currency" text NOT NULL, "notes" text, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4fd83aa18c42a83b9a07cdd5e55" PRIMARY KEY ("project_id"))`);
        await queryRunner.query(`CREATE TABLE "syntheses" ("project_id" uuid NOT NULL, "report" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4f1b75d6a9d5a37187237bce406" PRIMARY KEY ("project_id"))`);
        await queryRunner.query(`CREATE TABLE "timeline_events" ("id" BIGSERIAL NOT NULL, "project_id" uuid NOT NULL, "seq" integer NOT NULL, "type" text NOT NULL, "actor_id" uuid, "data" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a7267f3a55a080185192d21cd5a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "timeline_events_project_seq_uq" ON "timeline_events" ("project_id", "seq") `);
        await queryRunner.query(`ALTER TABLE "reviewer_profiles" ADD CONSTRAINT "FK_d5d2c0054dff06c16b208188c56" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "conflicts" ADD CONSTRAINT "FK_40111cd2bb31e91f5cd588e32f6" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "projects" ADD CONSTRAINT "FK_068b9e8b7eb63b9d904f1b5b171" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decisions" ADD CONSTRAINT "FK_7941d1cb97d56e12ec59f4b1393" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decisions" ADD CONSTRAINT "FK_097e9db86821281be0ff3d18d9b" FOREIGN KEY ("manager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_tasks" ADD CONSTRAINT "FK_4df7d0e3d87692e9fd9e81f8ac6" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_tasks" ADD CONSTRAINT "FK_3c435420ad0d1613865a7e0897c" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reviews" ADD CONSTRAINT "FK_510ad253ff1b78940cd5565a56e" FOREIGN KEY ("task_id") REFERENCES "review_tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "signings" ADD CONSTRAINT "FK_4fd83aa18c42a83b9a07cdd5e55" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "syntheses" ADD CONSTRAINT "FK_4f1b75d6a9d5a37187237bce406" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "timeline_events" ADD CONSTRAINT "FK_f05346e95b8f23124655dae7555" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "timeline_events" DROP CONSTRAINT "FK_f05346e95b8f23124655dae7555"`);
        await queryRunner.query(`ALTER TABLE "syntheses" DROP CONSTRAINT "FK_4f1b75d6a9d5a37187237bce406"`);
        await queryRunner.query(`ALTER TABLE "signings" DROP CONSTRAINT "FK_4fd83aa18c42a83b9a07cdd5e55"`);
        await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "FK_510ad253ff1b78940cd5565a56e"`);
        await queryRunner.query(`ALTER TABLE "review_tasks" DROP CONSTRAINT "FK_3c435420ad0d1613865a7e0897c"`);
        await queryRunner.query(`ALTER TABLE "review_tasks" DROP CONSTRAINT "FK_4df7d0e3d87692e9fd9e81f8ac6"`);
        await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "FK_097e9db86821281be0ff3d18d9b"`);
        await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "FK_7941d1cb97d56e12ec59f4b1393"`);
        await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_068b9e8b7eb63b9d904f1b5b171"`);
        await queryRunner.query(`ALTER TABLE "conflicts" DROP CONSTRAINT "FK_40111cd2bb31e91f5cd588e32f6"`);
        await queryRunner.query(`ALTER TABLE "reviewer_profiles" DROP CONSTRAINT "FK_d5d2c0054dff06c16b208188c56"`);
        await queryRunner.query(`DROP INDEX "public"."timeline_events_project_seq_uq"`);
        await queryRunner.query(`DROP TABLE "timeline_events"`);
        await queryRunner.query(`DROP TABLE "syntheses"`);
        await queryRunner.query(`DROP TABLE "signings"`);
        await queryRunner.query(`DROP INDEX "public"."reviews_task_uq"`);
        await queryRunner.query(`DROP INDEX "public"."reviews_project_idx"`);
        await queryRunner.query(`DROP TABLE "reviews"`);
        await queryRunner.query(`DROP INDEX "public"."review_tasks_slot_uq"`);
        await queryRunner.query(`DROP INDEX "public"."review_tasks_assignee_idx"`);
        await queryRunner.query(`DROP TABLE "review_tasks"`);
        await queryRunner.query(`DROP TABLE "policies"`);
        await queryRunner.query(`DROP INDEX "public"."decisions_project_seq_uq"`);
        await queryRunner.query(`DROP TABLE "decisions"`);
        await queryRunner.query(`DROP INDEX "public"."projects_list_idx"`);
        await queryRunner.query(`DROP INDEX "public"."projects_status_list_idx"`);
        await queryRunner.query(`DROP INDEX "public"."projects_submitter_idx"`);
        await queryRunner.query(`DROP INDEX "public"."projects_idempotency_uq"`);
        await queryRunner.query(`DROP TABLE "projects"`);
        await queryRunner.query(`DROP INDEX "public"."conflicts_reviewer_company_uq"`);
        await queryRunner.query(`DROP TABLE "conflicts"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP TABLE "reviewer_profiles"`);
    }

}
