import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review round on each task and review, as the workflow assigned it: 0 for a track's first
 * panel, +1 each time a manager re-opens the track. The project page shows a track's current round
 * from these rows instead of mixing a re-opened track's old reviews with its new panel.
 *
 * Rows written before this migration get their round back from the audit timeline: every
 * `reviewers_assigned` / `reviewer_replaced` event records the track's round and the tasks it
 * created. A retried assignment can add tasks its (already written) event does not list; such a task
 * takes the round of a listed task in the same slot (a replacement keeps its slot), or else of the
 * nearest listed slot below it on the track (each round's panel takes slots above the last one).
 * Tasks of projects that have no such events keep 0, which is what they were.
 */
export class ReviewRounds1795740000000 implements MigrationInterface {
  name = 'ReviewRounds1795740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review_tasks" ADD "round" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "reviews" ADD "round" integer NOT NULL DEFAULT 0`);
    // 1. Tasks the assignment events list.
    await queryRunner.query(`
      UPDATE review_tasks t SET round = listed.round
        FROM (SELECT e.project_id, (a->>'taskId')::uuid AS task_id, (e.data->>'round')::int AS round
                FROM timeline_events e, jsonb_array_elements(e.data->'assigned') a
               WHERE e.type IN ('reviewers_assigned', 'reviewer_replaced')
                 AND jsonb_typeof(e.data->'assigned') = 'array'
                 AND e.data ? 'round') listed
       WHERE t.id = listed.task_id AND t.project_id = listed.project_id AND t.round <> listed.round`);
    // 2. Tasks no event lists: the round of the nearest listed slot at or below theirs on the track.
    await queryRunner.query(`
      WITH listed AS (
        SELECT DISTINCT e.project_id, (a->>'taskId')::uuid AS task_id
          FROM timeline_events e, jsonb_array_elements(e.data->'assigned') a
         WHERE e.type IN ('reviewers_assigned', 'reviewer_replaced') AND jsonb_typeof(e.data->'assigned') = 'array' AND e.data ? 'round'
      )
      UPDATE review_tasks t SET round = guess.round
        FROM (SELECT u.id,
                     (SELECT k.round FROM review_tasks k JOIN listed l ON l.task_id = k.id
                       WHERE k.project_id = u.project_id AND k.track = u.track AND k.slot <= u.slot
                       ORDER BY k.slot DESC, k.attempt DESC LIMIT 1) AS round
                FROM review_tasks u
               WHERE NOT EXISTS (SELECT 1 FROM listed l WHERE l.task_id = u.id)) guess
       WHERE t.id = guess.id AND guess.round IS NOT NULL AND t.round <> guess.round`);
    await queryRunner.query(`UPDATE reviews r SET round = t.round FROM review_tasks t WHERE t.id = r.task_id AND r.round <> t.round`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reviews" DROP COLUMN "round"`);
    await queryRunner.query(`ALTER TABLE "review_tasks" DROP COLUMN "round"`);
  }
}
