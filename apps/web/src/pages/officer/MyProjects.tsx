import { Alert, Button, Select, Table, type TableColumnsType } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../api/client';
import { failureText, Loading, Money, StatusBadge } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { hasRole, useMe } from '../../lib/session';
import { NextStep } from './NextStep';
import { STATUSES, type ProjectStatus } from './process';
import { OfficerTheme } from './OfficerTheme';
import './officer.css';

type Summary = Schemas['ProjectSummary'];

const PAGE_SIZE = 20;
const FILTER_ID = 'officer-status-filter';

/**
 * The officer's home: their projects, newest first (managers and admins see every project here),
 * each with what happens next and who holds it; filter by status, page by cursor.
 */
export default function MyProjects() {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const navigate = useNavigate();

  const projects = useInfiniteQuery({
    queryKey: ['projects', { status: status ?? null }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/projects', { params: { query: { limit: PAGE_SIZE, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Statuses move with the process: asked again every minute and when the window regains focus.
    refetchInterval: 60_000,
  });

  const mine = (p: Summary) => p.submittedBy === me?.id;
  const columns: TableColumnsType<Summary> = [
    {
      title: t('list.col.project'),
      key: 'project',
      render: (_, p) => (
        <div className="officer-project-cell">
          <Link to={`/projects/${p.id}`}>{p.name}</Link>
          <span className="muted">{p.company}</span>
        </div>
      ),
    },
    { title: t('list.col.sector'), key: 'sector', render: (_, p) => t(`words:sector.${p.sector}`) },
    { title: t('list.col.amount'), key: 'amount', align: 'right', className: 'officer-nowrap', render: (_, p) => <Money value={p.totalInvestment} /> },
    { title: t('list.col.status'), key: 'status', className: 'officer-nowrap', render: (_, p) => <StatusBadge status={p.status} /> },
    { title: t('list.col.next'), key: 'next', render: (_, p) => <NextStep project={p} mine={mine(p)} /> },
    { title: t('list.col.updated'), key: 'updated', className: 'officer-nowrap', render: (_, p) => <time dateTime={p.updatedAt}>{formatDate(p.updatedAt)}</time> },
  ];

  const items = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const canSubmit = hasRole(me, 'officer');

  return (
    <OfficerTheme>
      <div className="officer-page">
        <div className="officer-page-head">
          <h1>{canSubmit ? t('list.titleMine') : t('list.titleAll')}</h1>
          {canSubmit && (
            <Button type="primary" data-testid="new-project" onClick={() => navigate('/projects/new')}>
              {t('list.new')}
            </Button>
          )}
        </div>
        <div className="officer-filter">
          <label htmlFor={FILTER_ID}>{t('list.filterStatus')}</label>
          <Select<ProjectStatus | ''>
            id={FILTER_ID}
            data-testid="status-filter"
            style={{ minWidth: 220 }}
            value={status ?? ''}
            options={[{ value: '', label: t('list.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`words:status.${s}`) }))]}
            onChange={(v) => setParams(v ? { status: v } : {}, { replace: true })}
          />
        </div>
        <Loading query={projects}>
          {() => (
            <div data-testid="project-list">
              {items.length === 0 ? (
                <p className="officer-empty">{status ? t('list.emptyFiltered') : t('list.empty')}</p>
              ) : (
                <Table<Summary>
                  rowKey="id"
                  columns={columns}
                  dataSource={items}
                  pagination={false}
                  onRow={(p) => ({ 'data-testid': 'project-row', 'data-project-id': p.id }) as HTMLAttributes<HTMLElement>}
                />
              )}
              {projects.isFetchNextPageError && <Alert type="error" role="alert" title={failureText(projects.error, tc)} />}
              {projects.hasNextPage && (
                <div className="officer-more">
                  <Button data-testid="load-more" loading={projects.isFetchingNextPage} onClick={() => void projects.fetchNextPage()}>
                    {t('list.more')}
                  </Button>
                </div>
              )}
            </div>
          )}
        </Loading>
      </div>
    </OfficerTheme>
  );
}
