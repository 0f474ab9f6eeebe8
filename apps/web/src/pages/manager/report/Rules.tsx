import { useTranslation } from 'react-i18next';
import { ToneTag } from '../tags';
import type { Report } from './data';
import { guessLang } from './Forecast';

/** The recommendation rules in order, which fired, and the first that fired (the one that decided). */
export default function Rules({ report }: { report: Report }) {
  const { t } = useTranslation('manager');
  const deciding = report.rules.find((r) => r.fired)?.id;
  return (
    <section className="manager-section" aria-labelledby="report-rules" data-testid="rules">
      <h2 id="report-rules">{t('report.rules.title')}</h2>
      <table className="manager-table">
        <caption className="sr-only">{t('report.rules.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.rules.id')}</th>
            <th scope="col">{t('report.rules.description')}</th>
            <th scope="col">{t('report.rules.fired')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rules.map((rule) => (
            <tr key={rule.id} data-rule={rule.id} data-fired={rule.fired} className={rule.fired ? 'fired' : undefined}>
              <th scope="row">{rule.id}</th>
              <td lang={guessLang([rule.description])}>{rule.description}</td>
              <td>
                {rule.fired ? <ToneTag tone="info">{t('report.rules.yes')}</ToneTag> : <span className="muted">{t('report.rules.no')}</span>}
                {rule.id === deciding && <ToneTag tone="good">{t('report.rules.deciding')}</ToneTag>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
