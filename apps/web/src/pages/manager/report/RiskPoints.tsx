import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/client';
import { SEVERITY_TONE, ToneTag } from '../tags';
import { personLabel, type Person, type Report } from './data';
import { wordKeys } from '@dueflow/words';

/** Most severe first. */
const SEVERITIES: Schemas['Severity'][] = wordKeys('severity').reverse();

/** The report's merged risk points (one per category, at the highest severity any reviewer gave), by severity. */
export default function RiskPoints({ report, people }: { report: Report; people: Map<string, Person> }) {
  const { t } = useTranslation('manager');
  return (
    <section className="manager-section" aria-labelledby="report-risks" data-testid="risk-points">
      <h2 id="report-risks">{t('report.risks.title')}</h2>
      {report.riskPoints.length === 0 && <p className="muted">{t('report.risks.none')}</p>}
      {SEVERITIES.map((severity) => {
        const points = report.riskPoints.filter((p) => p.severity === severity);
        if (points.length === 0) return null;
        return (
          <div key={severity} data-severity={severity} className="manager-risk-group">
            <h3>{t('report.risks.group', { severity: t(`words:severity.${severity}`), count: points.length })}</h3>
            <ul className="manager-list">
              {points.map((point) => (
                <li key={point.category}>
                  <ToneTag tone={SEVERITY_TONE[severity]}>{t(`words:severity.${severity}`)}</ToneTag>
                  <strong>{point.category}</strong>
                  <span className="muted"> {t('report.risks.raisedBy', { count: new Set(point.sources.map((s) => s.track)).size })}</span>
                  <ul className="manager-sources">
                    {point.sources.map((source, i) => (
                      <li key={i}>
                        <span className="muted">
                          {t(`words:track.${source.track}`)}
                          {personLabel(people, source.reviewerId) ? ` · ${personLabel(people, source.reviewerId)}` : ''} ·{' '}
                          {t('report.risks.severity', { severity: t(`words:severity.${source.severity}`) })}
                        </span>
                        <div>{source.description}</div>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
