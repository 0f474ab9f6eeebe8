import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review drafts: one per task, the assignee's review in progress (PUT /tasks/{id}/draft). Outside
 * the process: the workflow neither writes nor reads them. Gone with their task.
 */
export class ReviewDrafts1795760000000 implements MigrationInterface {
  name = 'ReviewDrafts1795760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_drafts" ("task_id" uuid NOT NULL, "body" jsonb NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_41cfa0cbc73ce7f048cacce841c" PRIMARY KEY ("task_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_drafts" ADD CONSTRAINT "FK_41cfa0cbc73ce7f048cacce841c" FOREIGN KEY ("task_id") REFERENCES "review_tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "review_drafts"`);
  }
}
