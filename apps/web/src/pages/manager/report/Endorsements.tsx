import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/bits';
import { personLabel, type Person, type Report } from './data';

/** The VC reviewers' co-investment endorsements (资本背书): who would co-invest, and how much. */
export default function Endorsements({ report, people }: { report: Report; people: Map<string, Person> }) {
  const { t } = useTranslation('manager');
  const { endorsements } = report;
  return (
    <section className="manager-section" aria-labelledby="report-endorsements" data-testid="endorsements">
      <h2 id="report-endorsements">{t('report.endorsements.title')}</h2>
      <p>
        {t('report.endorsements.summary', { willing: endorsements.willing, count: endorsements.vcReviews })}{' '}
        {endorsements.willing > 0 && (
          <>
            {t('report.endorsements.total')} <Money value={endorsements.totalAmount} />
          </>
        )}
      </p>
      {endorsements.firms.length > 0 && (
        <table className="manager-table">
          <caption className="sr-only">{t('report.endorsements.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.endorsements.firm')}</th>
              <th scope="col" className="num">{t('report.endorsements.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {endorsements.firms.map((firm) => (
              <tr key={firm.reviewerId}>
                <th scope="row">{personLabel(people, firm.reviewerId, true) ?? t('report.endorsements.vcReviewer')}</th>
                <td className="num">{firm.amount ? <Money value={firm.amount} /> : <span className="muted">{t('report.endorsements.noAmount')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
