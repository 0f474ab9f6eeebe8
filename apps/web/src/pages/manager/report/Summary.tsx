import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { formatScore } from '../decisionClock';
import { RecommendationTag } from '../tags';
import type { Report } from './data';
import { guessLang } from './Forecast';

/** The verdict first: the overall score and the recommendation, with the date of the report. */
export function Verdict({ report }: { report: Report }) {
  const { t } = useTranslation('manager');
  return (
    <section className="manager-section manager-verdict" aria-labelledby="report-verdict">
      <h2 id="report-verdict">{t('report.verdict')}</h2>
      <div className="manager-verdict-figures">
        <div>
          <div className="muted">{t('report.overallScore')}</div>
          <div className="manager-big" data-testid="overall-score" data-score={report.overallScore ?? ''}>
            {report.overallScore === null ? t('report.noScore') : t('report.outOf5', { score: formatScore(report.overallScore) })}
          </div>
        </div>
        <div>
          <div className="muted">{t('report.recommendation')}</div>
          <div data-testid="recommendation">
            <RecommendationTag recommendation={report.recommendation} big />
          </div>
        </div>
        <div>
          <div className="muted">{t('report.madeOn')}</div>
          <div>{formatDate(report.createdAt)}</div>
        </div>
      </div>
    </section>
  );
}

/** The recommendation again after the rules, with the rule that decided it. */
export function Recommendation({ report }: { report: Report }) {
  const { t } = useTranslation('manager');
  const rule = report.rules.find((r) => r.fired);
  return (
    <section className="manager-section" aria-labelledby="report-recommendation">
      <h2 id="report-recommendation">{t('report.recommendation')}</h2>
      <p>
        <RecommendationTag recommendation={report.recommendation} />
        {rule && (
          <>
            {t('report.decidedBy', { rule: rule.id })} <span lang={guessLang([rule.description])}>{rule.description}</span>
          </>
        )}
      </p>
    </section>
  );
}
