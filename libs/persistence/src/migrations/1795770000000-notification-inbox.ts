import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications reach people: a per-person inbox row for each notification (a role fans out to its
 * active holders), with a read mark and the e-mail channel's delivery state. Notifications already
 * in the outbox are fanned out here too, marked as mailed: they appear in the inbox, but nobody is
 * e-mailed about the past.
 */
export class NotificationInbox1795770000000 implements MigrationInterface {
  name = 'NotificationInbox1795770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "fanned_out_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "notifications_fan_out_idx" ON "notifications" ("created_at") WHERE fanned_out_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "notification_inbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "mail_next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mail_attempts" integer NOT NULL DEFAULT '0', "mail_last_error" text, "mail_sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_notification_inbox" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_inbox_uq" ON "notification_inbox" ("notification_id", "user_id")`);
    await queryRunner.query(`CREATE INDEX "notification_inbox_user_idx" ON "notification_inbox" ("user_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "notification_inbox_mail_pending_idx" ON "notification_inbox" ("mail_next_attempt_at") WHERE mail_sent_at IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "notification_inbox" ADD CONSTRAINT "notification_inbox_notification_fk" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_inbox" ADD CONSTRAINT "notification_inbox_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO notification_inbox (notification_id, user_id, created_at, mail_sent_at)
       SELECT n.id, u.id, n.created_at, now()
         FROM notifications n
         JOIN users u ON CASE WHEN n.recipient LIKE 'role:%' THEN substr(n.recipient, 6) = ANY (u.roles::text[]) ELSE u.id::text = n.recipient END
        WHERE u.deactivated_at IS NULL
       ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(`UPDATE notifications SET fanned_out_at = now()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_inbox"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_fan_out_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "fanned_out_at"`);
  }
}
