import { Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/bits';
import { formatDate } from '../../../lib/format';
import type { ProjectDetail } from '../../../lib/watch';
import { SEVERITY_TONE, ToneTag } from '../tags';
import { personLabel, reviewsOf, TRACKS, type Criterion, type Person, type Review, type Track } from './data';

/** Each reviewer's own review, folded: scores per criterion, risk points, comments, co-investment. */
export default function Reviews({
  project,
  people,
  rubrics,
}: {
  project: ProjectDetail;
  people: Map<string, Person>;
  rubrics: Partial<Record<Track, Criterion[]>>;
}) {
  const { t } = useTranslation('manager');
  const reviews = TRACKS.flatMap((track) => reviewsOf(project, track));
  return (
    <section className="manager-section" aria-labelledby="report-reviews" data-testid="reviews">
      <h2 id="report-reviews">{t('report.reviews.title', { count: reviews.length })}</h2>
      {reviews.length === 0 ? (
        <p className="muted">{t('report.reviews.none')}</p>
      ) : (
        <Collapse
          items={reviews.map((review) => ({
            key: review.id,
            label: (
              <span data-review={review.id}>
                <strong>{t(`words:track.${review.track}`)}</strong> · {personLabel(people, review.reviewerId, true) ?? t('report.reviews.reviewer')} ·{' '}
                {t(`words:recommendation.${review.recommendation}`)} · {formatDate(review.submittedAt)}
                {(project.tracks[review.track]?.round ?? 0) > 0 ? ` · ${t('report.reviews.round', { round: review.round + 1 })}` : ''}
              </span>
            ),
            children: <ReviewBody review={review} rubric={rubrics[review.track]} labels={project.criteria} />,
          }))}
        />
      )}
    </section>
  );
}

function ReviewBody({ review, rubric, labels }: { review: Review; rubric: Criterion[] | undefined; labels: Record<string, string> }) {
  const { t } = useTranslation('manager');
  const keys = rubric ? rubric.map((c) => c.key).filter((k) => k in review.scores) : Object.keys(review.scores);
  return (
    <div className="manager-review">
      <h3>{t('report.reviews.scores')}</h3>
      <table className="manager-table compact">
        <caption className="sr-only">{t('report.reviews.scores')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.criteria.criterion')}</th>
            <th scope="col" className="num">{t('report.reviews.score')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key}>
              <th scope="row">{rubric?.find((c) => c.key === key)?.label ?? labels[key] ?? key}</th>
              <td className="num">{review.scores[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('report.reviews.risks')}</h3>
      {review.riskPoints.length === 0 ? (
        <p className="muted">{t('report.risks.none')}</p>
      ) : (
        <ul className="manager-list">
          {review.riskPoints.map((point, i) => (
            <li key={i}>
              <ToneTag tone={SEVERITY_TONE[point.severity]}>{t(`words:severity.${point.severity}`)}</ToneTag>
              <strong>{point.category}</strong>: {point.description}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('report.reviews.comments')}</h3>
      <p className="manager-prose">{review.comments || <span className="muted">—</span>}</p>
      {review.coInvestment && (
        <>
          <h3>{t('report.endorsements.title')}</h3>
          <p>
            {review.coInvestment.willing ? t('report.reviews.willing') : t('report.reviews.notWilling')}
            {review.coInvestment.willing && review.coInvestment.amount && (
              <>
                {' '}
                <Money value={review.coInvestment.amount} />
              </>
            )}
          </p>
        </>
      )}
    </div>
  );
}
