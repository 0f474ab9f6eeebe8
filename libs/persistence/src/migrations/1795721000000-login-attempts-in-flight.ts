import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sign-in attempt counts as a failure from the moment it starts (`in_flight` until its password
 * is checked), so a burst of concurrent guesses gets no further than the same guesses one by one.
 */
export class LoginAttemptsInFlight1795721000000 implements MigrationInterface {
  name = 'LoginAttemptsInFlight1795721000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "login_attempts" ADD COLUMN IF NOT EXISTS "in_flight" boolean NOT NULL DEFAULT true`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "login_attempts" DROP COLUMN "in_flight"`);
  }
}
