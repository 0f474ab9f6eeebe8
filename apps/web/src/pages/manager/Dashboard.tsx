import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { Loading, Money } from '../../components/bits';
import { formatDateTime } from '../../lib/format';
import { BAR_COLOR, LazyEChart as EChart, type BarOption } from './LazyEChart';
import './manager.css';
import { wordKeys } from '@dueflow/words';

type Stats = Schemas['PortfolioStats'];
type Status = keyof Stats['funnel'];
type Sector = keyof Stats['bySector'];

/** The process's order, so the funnel reads from intake to outcome. */
const FUNNEL: Status[] = wordKeys('status');
const SECTORS: Sector[] = wordKeys('sector');
/** The investment bands the API counts (docs/api-extensions.md); a band it adds later shows with its own label. */
const KNOWN_BANDS = new Set(['under_50m', '50m_to_200m', '200m_to_1b', '1b_and_above']);
const BILLION_BAND = '1b_and_above';

interface Figure {
  key: string;
  label: string;
  count: number;
}

/** The park's figures (GET /stats): one consistent snapshot, drawn as bars, each with its table. */
export default function Dashboard() {
  const { t } = useTranslation('manager');
  const stats = useQuery({ queryKey: ['stats'], queryFn: () => unwrap(api.GET('/stats')), refetchInterval: 5 * 60_000 });
  return (
    <div className="manager-page" data-testid="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <Loading query={stats}>{() => stats.data && <Figures stats={stats.data} />}</Loading>
    </div>
  );
}

function Figures({ stats }: { stats: Stats }) {
  const { t } = useTranslation('manager');
  const { funnel, sectors, bands } = useMemo(
    () => ({
      funnel: FUNNEL.map((s): Figure => ({ key: s, label: t(`words:status.${s}`), count: stats.funnel[s] })),
      sectors: SECTORS.map((s): Figure => ({ key: s, label: t(`words:sector.${s}`), count: stats.bySector[s] })),
      bands: stats.byInvestmentBand.map(
        (b): Figure => ({ key: b.key, label: KNOWN_BANDS.has(b.key) ? t(`dashboard.band.${b.key}`) : b.label, count: b.count }),
      ),
    }),
    [stats, t],
  );
  const billion = stats.byInvestmentBand.find((b) => b.key === BILLION_BAND);
  const total = FUNNEL.reduce((n, s) => n + stats.funnel[s], 0);
  return (
    <>
      <p className="muted">
        {t('dashboard.asOf', { time: formatDateTime(stats.asOf) })} {t('dashboard.noPeriod')}
      </p>
      <section className="manager-section" aria-labelledby="dash-key">
        <h2 id="dash-key">{t('dashboard.key.title')}</h2>
        <dl className="manager-facts manager-kpis">
          <div data-testid="stat-total">
            <dt>{t('dashboard.key.total')}</dt>
            <dd>{total}</dd>
          </div>
          <div data-testid="stat-signed">
            <dt>{t('dashboard.key.signed')}</dt>
            <dd>
              {t('dashboard.key.signedCount', { count: stats.signed.count })}
              <div className="manager-sub">
                <Money value={stats.signed.agreedInvestment} />
              </div>
            </dd>
          </div>
          <div data-testid="stat-billion">
            <dt>{t('dashboard.key.billion')}</dt>
            <dd>{billion ? t('dashboard.key.projects', { count: billion.count }) : '—'}</dd>
          </div>
          <div data-testid="stat-median">
            <dt>{t('dashboard.key.median')}</dt>
            <dd>
              {stats.medianDaysToFirstDecision === null
                ? t('dashboard.key.noDecisionYet')
                : t('dashboard.key.days', { count: stats.medianDaysToFirstDecision })}
            </dd>
          </div>
          <div data-testid="stat-overdue">
            <dt>{t('dashboard.key.overdue')}</dt>
            <dd>{t('dashboard.key.tasks', { count: stats.overdueTasks })}</dd>
          </div>
        </dl>
        <p className="muted manager-hint">{t('dashboard.key.note')}</p>
      </section>
      <FigureChart id="funnel" testId="chart-funnel" title={t('dashboard.funnel')} figures={funnel} horizontal />
      <FigureChart id="sector" testId="chart-sector" title={t('dashboard.sector')} figures={sectors} horizontal />
      <FigureChart id="band" testId="chart-band" title={t('dashboard.band.title')} figures={bands} />
    </>
  );
}

/** A count per category as bars, named for screen readers by the same figures the table below holds. */
interface FigureChartProps {
  id: string;
  testId: string;
  title: string;
  figures: Figure[];
  horizontal?: boolean;
}

function FigureChart({ id, testId, title, figures, horizontal = false }: FigureChartProps) {
  const { t } = useTranslation('manager');
  const option = useMemo<BarOption>(() => {
    const categories = { type: 'category' as const, data: figures.map((f) => f.label), inverse: horizontal, axisLabel: { color: '#334155', interval: 0 } };
    const values = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#334155' } };
    return {
      animation: false,
      grid: { left: 8, right: 32, top: 16, bottom: 8 },
      tooltip: { trigger: 'axis' },
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? categories : values,
      series: [
        {
          type: 'bar',
          barMaxWidth: 40,
          itemStyle: { color: BAR_COLOR },
          data: figures.map((f) => f.count),
          label: { show: true, position: horizontal ? 'right' : 'top', color: '#0f172a' },
        },
      ],
    };
  }, [figures, horizontal]);
  const figuresText = figures.map((f) => `${f.label} ${f.count}`).join(t('report.listSeparator'));
  return (
    <section className="manager-section" aria-labelledby={`dash-${id}`}>
      <h2 id={`dash-${id}`}>{title}</h2>
      <div className="manager-chart-block">
        <EChart
          option={option}
          testId={testId}
          label={t('dashboard.chartLabel', { title, figures: figuresText })}
          height={horizontal ? 40 + figures.length * 32 : 280}
        />
        <table className="manager-table" data-testid={`${testId}-table`}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.category')}</th>
              <th scope="col" className="num">{t('dashboard.count')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.key} data-key={f.key}>
                <th scope="row">{f.label}</th>
                <td className="num">{f.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
