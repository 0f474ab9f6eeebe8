import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiFailure, unwrap, type Schemas } from '../../api/client';
import { Due, Loading, Money, StatusBadge } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { daysSince, decisionClock, formatScore, type DecisionClock } from './decisionClock';
import { RecommendationTag, ToneTag } from './tags';
import './manager.css';

type Summary = Schemas['ProjectSummary'];
type Report = Schemas['ProjectReport'];
type Detail = Schemas['ProjectDetail'];
type Listed = 'awaiting_decision' | 'awaiting_second_approval' | 'information_requested';
type SectionKey = 'overdue' | Listed;

const LISTED: Listed[] = ['awaiting_decision', 'awaiting_second_approval', 'information_requested'];
const SECTIONS: SectionKey[] = ['overdue', 'awaiting_decision', 'awaiting_second_approval', 'information_requested'];
const PAGE = 100;
const MAX_PAGES = 5;

interface Row {
  project: Summary;
  report: Report | undefined;
  /** The report query answered 409: no synthesis yet (a re-opened track is under review again). */
  reportPending: boolean;
  clock: DecisionClock | undefined;
  /** The open information request's date (information_requested). */
  askedAt: string | null;
  questions: number;
}

/** Every project in one status, newest first, a few pages at most (the inbox holds small lists). */
async function listAll(status: Listed): Promise<{ items: Summary[]; more: boolean }> {
  const items: Summary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await unwrap(api.GET('/projects', { params: { query: { status, limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
    items.push(...answer.items);
    if (!answer.nextCursor) return { items, more: false };
    cursor = answer.nextCursor;
  }
  return { items, more: true };
}

/** No retry for an answer that will not change by asking again (a 409 "report not ready", a 404). */
const retryServerErrors = (count: number, error: unknown) => !(error instanceof ApiFailure && error.status < 500) && count < 2;

function useDecisionQueue() {
  const client = useQueryClient();
  const lists = useQueries({
    queries: LISTED.map((status) => ({ queryKey: ['projects', 'list', status], queryFn: () => listAll(status), refetchInterval: 60_000 })),
  });
  const projects = lists.flatMap((l) => l.data?.items ?? []);
  const reports = useQueries({
    queries: projects.map((p) => ({
      queryKey: ['decision-row', p.id, 'report'],
      queryFn: () => unwrap(api.GET('/projects/{id}/report', { params: { path: { id: p.id } } })),
      retry: retryServerErrors,
    })),
  });
  const details = useQueries({
    queries: projects.map((p) => ({
      queryKey: ['decision-row', p.id, 'detail', p.updatedAt],
      queryFn: async () => {
        const detail = await unwrap(api.GET('/projects/{id}', { params: { path: { id: p.id } } }));
        // The report page opens on the project it watches: a click on this row then waits for nothing.
        if (!client.getQueryData(['project', p.id])) client.setQueryData(['project', p.id], detail);
        return detail;
      },
      retry: retryServerErrors,
    })),
  });
  const timelines = useQueries({
    queries: projects.map((p) => ({
      queryKey: ['decision-row', p.id, 'timeline', p.updatedAt],
      queryFn: () => unwrap(api.GET('/projects/{id}/timeline', { params: { path: { id: p.id } } })),
      enabled: p.status !== 'information_requested',
      retry: retryServerErrors,
    })),
  });
  const rows: Row[] = projects.map((project, i) => {
    const detail: Detail | undefined = details[i]?.data;
    const events = timelines[i]?.data?.items;
    const round = detail?.information.at(-1);
    const reportError = reports[i]?.error;
    return {
      project,
      report: reports[i]?.data,
      reportPending: reportError instanceof ApiFailure && reportError.status === 409,
      clock: events ? decisionClock(events, detail?.policy.decisionDeadline) : undefined,
      askedAt: round && !round.answeredAt ? round.requestedAt : null,
      questions: round && !round.answeredAt ? round.questions.length : 0,
    };
  });
  return { lists, rows, truncated: lists.some((l) => l.data?.more) };
}

function isOverdue(row: Row, now: number): boolean {
  if (row.project.status === 'information_requested' || !row.clock) return false;
  return row.clock.escalated || (!!row.clock.dueAt && new Date(row.clock.dueAt).getTime() < now);
}

/** The manager's inbox: what waits for a decision, oldest due first, each with its report's verdict. */
export default function Decisions() {
  const { t } = useTranslation('manager');
  const { lists, rows, truncated } = useDecisionQueue();
  const failed = lists.find((l) => l.error);
  const pending = lists.some((l) => l.isPending);
  const now = Date.now();

  const bySection = (key: SectionKey): Row[] => {
    const chosen = rows.filter((r) => (key === 'overdue' ? isOverdue(r, now) : r.project.status === key && !isOverdue(r, now)));
    const at = (r: Row) => new Date(r.clock?.dueAt ?? r.askedAt ?? r.project.updatedAt).getTime();
    return chosen.sort((a, b) => at(a) - at(b));
  };

  return (
    <div className="manager-page">
      <h1>{t('decisions.title')}</h1>
      <p className="muted">{t('decisions.intro')}</p>
      <Loading query={{ isPending: pending, error: failed?.error ?? null, refetch: () => lists.forEach((l) => void l.refetch()) }}>
        {() => (
          <div data-testid="decision-list">
            {truncated && <Alert type="info" showIcon title={t('decisions.truncated', { limit: PAGE * MAX_PAGES })} />}
            {SECTIONS.map((key) => (
              <DecisionSection key={key} section={key} rows={bySection(key)} />
            ))}
          </div>
        )}
      </Loading>
    </div>
  );
}

function DecisionSection({ section, rows }: { section: SectionKey; rows: Row[] }) {
  const { t } = useTranslation('manager');
  const headingId = `decisions-${section}`;
  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      width: '19%',
      title: t('decisions.col.project'),
      render: (_, r) => (
        <>
          <Link to={`/projects/${r.project.id}/report`}>{r.project.name}</Link>
          {r.project.statusDetail && <div className="manager-detail">{r.project.statusDetail}</div>}
        </>
      ),
    },
    { key: 'company', width: '16%', title: t('decisions.col.company'), render: (_, r) => r.project.company },
    {
      key: 'amount',
      width: '12%',
      className: 'nowrap',
      title: t('decisions.col.amount'),
      align: 'right',
      render: (_, r) => <Money value={r.project.totalInvestment} />,
    },
    { key: 'status', width: '13%', title: t('decisions.col.status'), render: (_, r) => <StatusBadge status={r.project.status} /> },
    {
      key: 'score',
      width: '8%',
      title: t('decisions.col.score'),
      align: 'right',
      render: (_, r) => (r.report ? formatScore(r.report.overallScore) : <span className="muted">{r.reportPending ? t('decisions.noReport') : '…'}</span>),
    },
    {
      key: 'recommendation',
      width: '11%',
      title: t('decisions.col.recommendation'),
      render: (_, r) => (r.report ? <RecommendationTag recommendation={r.report.recommendation} /> : null),
    },
    { key: 'age', width: '8%', title: t('decisions.col.age'), render: (_, r) => <Age since={r.clock?.since ?? r.askedAt ?? r.project.updatedAt} /> },
    { key: 'state', width: '13%', title: t(`decisions.stateCol.${section}`), render: (_, r) => <RowState row={r} /> },
  ];
  return (
    <section className="manager-section" aria-labelledby={headingId} data-section={section}>
      <h2 id={headingId}>
        {t(`decisions.section.${section}`)} <span className="muted">({rows.length})</span>
      </h2>
      <p className="muted">{t(`decisions.sectionHint.${section}`)}</p>
      {rows.length === 0 ? (
        <p className="manager-empty">{t('decisions.empty')}</p>
      ) : (
        <Table<Row>
          rowKey={(r) => r.project.id}
          columns={columns}
          dataSource={rows}
          pagination={false}
          size="small"
          tableLayout="fixed"
          onRow={(r) => ({ 'data-testid': 'decision-row', 'data-project-id': r.project.id }) as HTMLAttributes<HTMLElement>}
          scroll={{ x: 1040 }}
        />
      )}
    </section>
  );
}

function Age({ since }: { since: string }) {
  const { t } = useTranslation('manager');
  const days = daysSince(since);
  return <span title={formatDate(since)}>{days === 0 ? t('decisions.ageToday') : t('decisions.age', { count: days })}</span>;
}

/** What the row's section is about: the decision's due date, who approved first, or what was asked. */
function RowState({ row }: { row: Row }) {
  const { t } = useTranslation('manager');
  const { project, clock } = row;
  if (project.status === 'information_requested') {
    return row.askedAt ? <span>{t('decisions.asked', { date: formatDate(row.askedAt), count: row.questions })}</span> : null;
  }
  const first = project.status === 'awaiting_second_approval' && clock?.lastDecision?.outcome === 'go' ? clock.lastDecision : null;
  return (
    <div className="manager-state">
      {clock?.escalated && (
        <ToneTag tone="bad" data-escalated="true">
          {t('decisions.escalated')}
        </ToneTag>
      )}
      {clock?.dueAt ? <Due at={clock.dueAt} /> : clock ? <span className="muted">{t('decisions.noDue')}</span> : null}
      {first && (
        <span data-testid="first-approval">
          {first.actor
            ? t('decisions.firstApprovedBy', { name: first.actor, date: formatDate(first.at) })
            : t('decisions.firstApproved', { date: formatDate(first.at) })}
        </span>
      )}
    </div>
  );
}
