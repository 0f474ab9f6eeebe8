import { DataSource } from 'typeorm';

/** How many failed sign-ins a window allows, per account and per client address. */
export interface LoginLimits {
  windowSeconds: number;
  perAccount: number;
  perAddress: number;
}

export type LoginVerdict =
  | { allowed: true; attemptId: string }
  | { allowed: false; retryAfterSeconds: number; exceeded: Array<'account' | 'address'> };

/**
 * Sign-in attempts in PostgreSQL, so every API instance counts the same failures, and failures
 * for one account are never pushed out by failures for others (rows are only ever pruned by age).
 *
 * An attempt is written before its password is checked and counts as a failure until it is known
 * to have succeeded: a burst of concurrent guesses cannot all pass the check before any failure is
 * recorded. Each attempt's row is committed before it counts the rows, so of two concurrent
 * attempts at least one sees the other (both may refuse: the error is on the safe side).
 */
export class LoginAttemptStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an attempt and says whether it may go ahead; a refused attempt is not kept. */
  async begin(accountKey: string, address: string, limits: LoginLimits): Promise<LoginVerdict> {
    const [inserted] = (await this.dataSource.query(`INSERT INTO login_attempts (account_key, address) VALUES ($1, $2) RETURNING id::text AS id`, [accountKey, address])) as Array<{ id: string }>;
    const attemptId = inserted!.id;
    const [counts] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM login_attempts WHERE account_key = $1 AND NOT account_cleared AND attempted_at > now() - make_interval(secs => $3))::int AS account,
              (SELECT count(*) FROM login_attempts WHERE address = $2 AND attempted_at > now() - make_interval(secs => $3))::int AS address`,
      [accountKey, address, limits.windowSeconds],
    )) as Array<{ account: number; address: number }>;
    const exceeded: Array<'account' | 'address'> = [];
    if (counts!.account > limits.perAccount) exceeded.push('account');
    if (counts!.address > limits.perAddress) exceeded.push('address');
    if (exceeded.length === 0) return { allowed: true, attemptId };
    await this.dataSource.query(`DELETE FROM login_attempts WHERE id = $1`, [attemptId]);
    return { allowed: false, exceeded, retryAfterSeconds: await this.retryAfter(accountKey, address, exceeded, limits) };
  }

  /** The attempt failed: it stays counted, and is no longer in flight. */
  async failed(attemptId: string): Promise<void> {
    await this.dataSource.query(`UPDATE login_attempts SET in_flight = false WHERE id = $1`, [attemptId]);
  }

  /** The attempt succeeded: it was no failure, and the account's earlier failures no longer count for it (they still do for their addresses). */
  async succeeded(attemptId: string, accountKey: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_attempts WHERE id = $1`, [attemptId]);
    await this.dataSource.query(`UPDATE login_attempts SET account_cleared = true WHERE account_key = $1 AND NOT account_cleared`, [accountKey]);
  }

  /** Forgets attempts older than the window; returns how many. */
  async prune(windowSeconds: number): Promise<number> {
    const [, affected] = (await this.dataSource.query(`DELETE FROM login_attempts WHERE attempted_at <= now() - make_interval(secs => $1)`, [windowSeconds])) as [unknown, number];
    return affected ?? 0;
  }

  /**
   * Seconds until enough of the counted failures leave the window for an attempt to pass again.
   * Attempts still in flight are not waited for (they may yet succeed): a refusal they alone caused
   * says 1 s. One in flight for over a minute belonged to a process that died: a failure.
   */
  private async retryAfter(accountKey: string, address: string, exceeded: Array<'account' | 'address'>, limits: LoginLimits): Promise<number> {
    const waits: number[] = [];
    for (const dimension of exceeded) {
      const [column, value, limit, extra] =
        dimension === 'account' ? ['account_key', accountKey, limits.perAccount, 'AND NOT account_cleared'] : ['address', address, limits.perAddress, ''];
      // The limit-th most recent failure: once it leaves the window, fewer than `limit` remain.
      const [row] = (await this.dataSource.query(
        `SELECT ceil(extract(epoch FROM attempted_at + make_interval(secs => $2) - now()))::int AS wait
           FROM login_attempts WHERE ${column} = $1 ${extra} AND attempted_at > now() - make_interval(secs => $2)
                AND (NOT in_flight OR attempted_at < now() - interval '1 minute')
          ORDER BY attempted_at DESC OFFSET $3 LIMIT 1`,
        [value, limits.windowSeconds, limit - 1],
      )) as Array<{ wait: number }>;
      waits.push(row?.wait ?? 1);
    }
    return Math.max(1, ...waits);
  }
}
