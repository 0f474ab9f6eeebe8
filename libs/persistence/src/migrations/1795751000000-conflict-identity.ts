import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A conflict of interest is one per reviewer and company *identity*: the normalised name and the
 * credit code together. Unique on the name alone, a second declaration for a same-named company with
 * another code was silently dropped (the first row answered), and assignment, which decides on the
 * codes when both sides have one, then missed the company it named.
 */
export class ConflictIdentity1795751000000 implements MigrationInterface {
  name = 'ConflictIdentity1795751000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."conflicts_reviewer_company_uq"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "conflicts_reviewer_company_uq" ON "conflicts" ("reviewer_id", "company_key", (COALESCE("credit_code", '')))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Back to one row per reviewer and name: of same-named declarations the earliest stays.
    await queryRunner.query(
      `DELETE FROM "conflicts" c USING "conflicts" e
        WHERE c.reviewer_id = e.reviewer_id AND c.company_key = e.company_key AND (e.created_at, e.id) < (c.created_at, c.id)`,
    );
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."conflicts_reviewer_company_uq"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "conflicts_reviewer_company_uq" ON "conflicts" ("reviewer_id", "company_key") `);
  }
}
