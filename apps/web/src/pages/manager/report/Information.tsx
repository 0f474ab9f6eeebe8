import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import type { Report } from './data';

/** The managers' information requests and the officer's answers, round by round (as the report holds them). */
export default function Information({ report }: { report: Report }) {
  const { t } = useTranslation('manager');
  if (report.information.length === 0) return null;
  return (
    <section className="manager-section" aria-labelledby="report-information" data-testid="information">
      <h2 id="report-information">{t('report.information.title')}</h2>
      {report.information.map((round) => (
        <div key={round.round} className="manager-round">
          <h3>{t('report.information.round', { round: round.round, date: formatDate(round.requestedAt) })}</h3>
          {round.reopenTracks.length > 0 && (
            <p className="muted">
              {t('report.information.reopened', { tracks: round.reopenTracks.map((tr) => t(`words:track.${tr}`)).join(t('report.listSeparator')) })}
            </p>
          )}
          <ol className="manager-list">
            {round.questions.map((q, i) => (
              <li key={i}>
                <div>{q}</div>
                {round.answers[i] !== undefined ? (
                  <div className="manager-answer">
                    <span className="muted">{t('report.information.answer')} </span>
                    {round.answers[i]}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          {round.answers.length > round.questions.length && (
            <ul className="manager-list">
              {round.answers.slice(round.questions.length).map((a, i) => (
                <li key={i} className="manager-answer">
                  {a}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">
            {round.answeredAt ? t('report.information.answeredAt', { date: formatDate(round.answeredAt) }) : t('report.information.unanswered')}
          </p>
        </div>
      ))}
    </section>
  );
}
