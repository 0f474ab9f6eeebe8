import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../lib/watch';
import { formatScore } from '../decisionClock';
import { TRACKS, type Criterion, type Track } from './data';

interface CriterionRow {
  track: Track;
  key: string;
  label: string;
  weight: number | null;
  scores: number[];
}

/** Criterion rows of a track: the rubric's order when known, else the keys the reviews scored. */
function rowsOf(project: ProjectDetail, track: Track, rubric: Criterion[] | undefined): CriterionRow[] {
  const reviews = project.tracks[track]?.reviews ?? [];
  const keys = rubric ? rubric.map((c) => c.key) : [...new Set(reviews.flatMap((r) => Object.keys(r.scores)))];
  return keys.map((key) => {
    const criterion = rubric?.find((c) => c.key === key);
    return {
      track,
      key,
      label: criterion?.label ?? project.criteria[key] ?? key,
      weight: criterion?.weight ?? null,
      scores: reviews.map((r) => r.scores[key]).filter((s): s is number => typeof s === 'number'),
    };
  });
}

/**
 * Every criterion of every track with the current round's scores: the mean, and the lowest and
 * highest given, so where the reviewers disagree shows at a glance.
 */
export default function CriteriaTable({ project, rubrics }: { project: ProjectDetail; rubrics: Partial<Record<Track, Criterion[]>> }) {
  const { t, i18n } = useTranslation('manager');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const groups = TRACKS.map((track) => ({ track, rows: rowsOf(project, track, rubrics[track]) })).filter((g) => g.rows.length > 0);
  return (
    <section className="manager-section" aria-labelledby="report-criteria" data-testid="criteria-table">
      <h2 id="report-criteria">{t('report.criteria.title')}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t('report.criteria.none')}</p>
      ) : (
        <table className="manager-table">
          <caption className="sr-only">{t('report.criteria.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.criteria.track')}</th>
              <th scope="col">{t('report.criteria.criterion')}</th>
              <th scope="col" className="num">{t('report.criteria.weight')}</th>
              <th scope="col" className="num">{t('report.criteria.mean')}</th>
              <th scope="col" className="num">{t('report.criteria.range')}</th>
              <th scope="col" className="num">{t('report.criteria.scores')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.flatMap(({ track, rows }) =>
              rows.map((row, i) => {
                const mean = row.scores.length ? row.scores.reduce((a, b) => a + b, 0) / row.scores.length : null;
                const low = row.scores.length ? Math.min(...row.scores) : null;
                const high = row.scores.length ? Math.max(...row.scores) : null;
                return (
                  <tr key={`${track}.${row.key}`} data-criterion={`${track}.${row.key}`} className={i === 0 ? 'group-start' : undefined}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={rows.length}>
                        {t(`words:track.${track}`)}
                      </th>
                    )}
                    <th scope="row">{row.label}</th>
                    <td className="num">{row.weight === null ? '—' : percent.format(row.weight)}</td>
                    <td className="num">{formatScore(mean)}</td>
                    <td className="num">
                      {low === null ? '—' : low === high ? String(low) : t('report.criteria.rangeValue', { low, high })}
                      {low !== null && high !== null && high - low >= 2 && <span className="manager-flag"> {t('report.criteria.disagree')}</span>}
                    </td>
                    <td className="num">{row.scores.join(t('report.listSeparator'))}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
