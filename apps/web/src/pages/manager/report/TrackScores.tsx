import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BAR_COLOR, LazyEChart as EChart, TOTAL_COLOR, type BarOption } from '../LazyEChart';
import { formatScore } from '../decisionClock';
import { TRACKS, type Report } from './data';

/** The overall score and each track's, as bars (0–5) and, for every reader, as a table of the same figures. */
export default function TrackScores({ report }: { report: Report }) {
  const { t, i18n } = useTranslation('manager');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const { names, values } = useMemo(
    () => ({
      names: [...TRACKS.map((track) => t(`words:track.${track}`)), t('report.overall')],
      values: [...TRACKS.map((track) => report.trackScores[track].score), report.overallScore],
    }),
    [report, t],
  );
  const figures = names.map((name, i) => `${name} ${values[i] === null ? t('report.noScore') : formatScore(values[i])}`).join(t('report.listSeparator'));

  const option = useMemo<BarOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 24, top: 24, bottom: 8 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: names, axisLabel: { color: '#334155', interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 5, interval: 1, axisLabel: { color: '#334155' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 56,
          data: values.map((v, i) => ({ value: v ?? '-', itemStyle: { color: i === values.length - 1 ? TOTAL_COLOR : BAR_COLOR } })),
          label: { show: true, position: 'top', color: '#0f172a', formatter: (p) => (typeof p.value === 'number' ? formatScore(p.value) : '') },
        },
      ],
    }),
    [names, values],
  );

  return (
    <section className="manager-section" aria-labelledby="report-tracks">
      <h2 id="report-tracks">{t('report.tracks.title')}</h2>
      <EChart option={option} testId="track-chart" label={t('report.tracks.chartLabel', { figures })} height={260} />
      <table className="manager-table" data-testid="track-table">
        <caption className="sr-only">{t('report.tracks.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.tracks.track')}</th>
            <th scope="col" className="num">{t('report.tracks.weight')}</th>
            <th scope="col" className="num">{t('report.tracks.reviews')}</th>
            <th scope="col" className="num">{t('report.tracks.score')}</th>
            <th scope="col">{t('report.tracks.status')}</th>
            <th scope="col" className="num">{t('words:recommendation.go')}</th>
            <th scope="col" className="num">{t('words:recommendation.conditional')}</th>
            <th scope="col" className="num">{t('words:recommendation.no_go')}</th>
          </tr>
        </thead>
        <tbody>
          {TRACKS.map((track) => {
            const s = report.trackScores[track];
            return (
              <tr key={track} data-track={track}>
                <th scope="row">{t(`words:track.${track}`)}</th>
                <td className="num">{percent.format(s.weight)}</td>
                <td className="num">{s.reviews}</td>
                <td className="num">{s.score === null ? t('report.noScore') : formatScore(s.score)}</td>
                <td>{t(`report.trackStatus.${s.status}`)}</td>
                <td className="num">{s.recommendations.go}</td>
                <td className="num">{s.recommendations.conditional}</td>
                <td className="num">{s.recommendations.no_go}</td>
              </tr>
            );
          })}
          <tr className="total">
            <th scope="row">{t('report.overall')}</th>
            <td className="num">{percent.format(1)}</td>
            <td className="num">{TRACKS.reduce((n, track) => n + report.trackScores[track].reviews, 0)}</td>
            <td className="num">{report.overallScore === null ? t('report.noScore') : formatScore(report.overallScore)}</td>
            <td />
            <td className="num">{TRACKS.reduce((n, track) => n + report.trackScores[track].recommendations.go, 0)}</td>
            <td className="num">{TRACKS.reduce((n, track) => n + report.trackScores[track].recommendations.conditional, 0)}</td>
            <td className="num">{TRACKS.reduce((n, track) => n + report.trackScores[track].recommendations.no_go, 0)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
