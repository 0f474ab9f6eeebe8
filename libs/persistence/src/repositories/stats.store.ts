import { DataSource } from 'typeorm';
import { PROJECT_STATUSES, SECTORS } from '@dueflow/domain';
import type { Money, ProjectStatus, Sector } from '@dueflow/domain';

export interface InvestmentBand {
  key: string;
  label: string;
  /** Inclusive lower bound, integer yuan. */
  min: number;
  /** Exclusive upper bound, integer yuan; null for the open top band. */
  below: number | null;
}

/** Bands of a project's total investment, lowest first; together they cover every amount. */
export const INVESTMENT_BANDS: readonly InvestmentBand[] = [
  { key: 'under_50m', label: '< 50,000,000', min: 0, below: 50_000_000 },
  { key: '50m_to_200m', label: '50,000,000–199,999,999', min: 50_000_000, below: 200_000_000 },
  { key: '200m_to_1b', label: '200,000,000–999,999,999', min: 200_000_000, below: 1_000_000_000 },
  { key: '1b_and_above', label: '>= 1,000,000,000', min: 1_000_000_000, below: null },
];

export interface PortfolioStats {
  /** Database time the figures were read at (one snapshot for all of them). */
  asOf: Date;
  byStatus: Record<ProjectStatus, number>;
  bySector: Record<Sector, number>;
  byInvestmentBand: Array<{ key: string; label: string; count: number }>;
  signed: { count: number; agreedInvestment: Money };
  /** Median days from submission to the first decision, 2 decimals; null before any decision. */
  medianDaysToFirstDecision: number | null;
  overdueTasks: number;
}

interface GroupRow {
  dimension: 'status' | 'sector' | 'band';
  key: string;
  count: number;
}

interface TotalsRow {
  as_of: Date;
  signed_count: number;
  signed_amount: string;
  median_days: string | null;
  overdue_tasks: number;
}

/** Review tasks still waiting for a reviewer, and how many of those are past their due date. */
/** What is waiting on people and on the outbox, read at scrape time for the metrics. */
export interface Backlog {
  tasksOpen: number;
  tasksOverdue: number;
  /** Notifications not yet delivered. */
  notificationsPending: number;
  /** Of those, the ones whose last delivery attempt failed (not those merely being sent now). */
  notificationsFailing: number;
  /** Age of the oldest undelivered notification; 0 when none is waiting. */
  oldestPendingSeconds: number;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Portfolio figures for managers, computed by aggregates in PostgreSQL, never by loading rows. */
export class StatsStore {
  constructor(private readonly dataSource: DataSource) {}

  async portfolio(): Promise<PortfolioStats> {
    // Repeatable read: the funnel's `signed` and the signed totals come from the same snapshot.
    const [groups, totals] = await this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const groupRows: GroupRow[] = await em.query(...projectGroupsQuery());
      const totalRows: TotalsRow[] = await em.query(TOTALS_SQL);
      return [groupRows, totalRows[0]] as const;
    });
    if (!totals) throw new Error('the totals query returned no row');

    const byStatus = zeros(PROJECT_STATUSES);
    const bySector = zeros(SECTORS);
    const byBand = zeros(INVESTMENT_BANDS.map((b) => b.key));
    for (const row of groups) {
      const target: Record<string, number> = row.dimension === 'status' ? byStatus : row.dimension === 'sector' ? bySector : byBand;
      target[row.key] = row.count;
    }
    return {
      asOf: totals.as_of,
      byStatus,
      bySector,
      byInvestmentBand: INVESTMENT_BANDS.map((b) => ({ key: b.key, label: b.label, count: byBand[b.key] ?? 0 })),
      signed: { count: totals.signed_count, agreedInvestment: { amount: Number(totals.signed_amount), currency: 'CNY' } },
      medianDaysToFirstDecision: totals.median_days === null ? null : Number(totals.median_days),
      overdueTasks: totals.overdue_tasks,
    };
  }

  /** Open and overdue review tasks in one cheap pass, for monitoring scrapes (same rule as `overdueTasks`). */
  /** One statement: the open tasks, and the undelivered notifications (through their partial index). */
  async backlog(): Promise<Backlog> {
    const rows: Backlog[] = await this.dataSource.query(
      `SELECT t.open AS "tasksOpen", t.overdue AS "tasksOverdue",
              n.pending AS "notificationsPending", n.failing AS "notificationsFailing", n.oldest AS "oldestPendingSeconds"
         FROM (SELECT count(*)::int AS open, (count(*) FILTER (WHERE due_at < now()))::int AS overdue
                 FROM review_tasks WHERE status = 'open') t,
              (SELECT count(*)::int AS pending, (count(*) FILTER (WHERE last_error IS NOT NULL))::int AS failing,
                      COALESCE(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest
                 FROM notifications WHERE sent_at IS NULL) n`,
    );
    const backlog = rows[0];
    if (!backlog) throw new Error('the backlog query returned no row');
    return backlog;
  }

  /** Steps that failed for good, ever, and the projects still waiting for an admin to resume one. */
  async stepFailures(): Promise<StepFailureCounts> {
    const rows: StepFailureCounts[] = await this.dataSource.query(
      `SELECT count(*)::int AS "failed",
              (count(DISTINCT project_id) FILTER (WHERE awaits_resume AND resumed_at IS NULL))::int AS "projectsStuck"
         FROM step_failures`,
    );
    const counts = rows[0];
    if (!counts) throw new Error('the step failure query returned no row');
    return counts;
  }
}

export interface StepFailureCounts {
  /** Steps that failed for good since the database was created. */
  failed: number;
  /** Projects with a failed step that waits for an admin to resume it. */
  projectsStuck: number;
}

/** Counts by status, by sector and by band in one pass over projects (GROUPING SETS). */
function projectGroupsQuery(): [string, unknown[]] {
  const params: unknown[] = [];
  const whens = INVESTMENT_BANDS.filter((b) => b.below !== null).map((b) => {
    params.push(b.below, b.key);
    return `WHEN total_investment < $${params.length - 1} THEN $${params.length}`;
  });
  const top = INVESTMENT_BANDS[INVESTMENT_BANDS.length - 1];
  if (!top || top.below !== null) throw new Error('the last investment band must be open-ended');
  params.push(top.key);
  const band = `CASE ${whens.join(' ')} ELSE $${params.length} END`;
  const sql = `
    SELECT CASE WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(sector) = 0 THEN 'sector' ELSE 'band' END AS dimension,
           COALESCE(status, sector, band) AS key,
           count(*)::int AS count
      FROM (SELECT status, sector, (${band})::text AS band FROM projects) p
     GROUP BY GROUPING SETS ((status), (sector), (band))`;
  return [sql, params];
}

const TOTALS_SQL = `
  SELECT now() AS as_of,
         (SELECT count(*)::int FROM signings) AS signed_count,
         (SELECT COALESCE(sum(agreed_amount), 0)::text FROM signings) AS signed_amount,
         (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.decided_at - p.created_at) / 86400)::numeric, 2)::text
            FROM decisions d JOIN projects p ON p.id = d.project_id
           WHERE d.seq = 1) AS median_days,
         (SELECT count(*)::int FROM review_tasks WHERE status = 'open' AND due_at < now()) AS overdue_tasks`;
