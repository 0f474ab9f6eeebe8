import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unified social credit code (统一社会信用代码) of a project's company and of a declared
 * conflict: assignment matches a conflict to a project by the code when both have one, since names
 * are written many ways and codes are not. Both optional: older rows and many callers have none.
 */
export class CreditCodes1795750000000 implements MigrationInterface {
  name = 'CreditCodes1795750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "projects" ADD "credit_code" text`);
    await queryRunner.query(`ALTER TABLE "conflicts" ADD "credit_code" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conflicts" DROP COLUMN "credit_code"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP COLUMN "credit_code"`);
  }
}
