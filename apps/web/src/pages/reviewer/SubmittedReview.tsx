import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/bits';
import { formatDateTime } from '../../lib/format';
import type { Criterion, Task } from './review-form';

type Review = NonNullable<Task['review']>;

/** A review as it was submitted: read only. */
export function SubmittedReview({ review, criteria }: { review: Review; criteria: Criterion[] }) {
  const { t } = useTranslation('reviewer');
  const labelOf = (key: string) => criteria.find((c) => c.key === key)?.label ?? key;
  const meaningOf = (key: string, score: number) => criteria.find((c) => c.key === key)?.levels?.find((l) => l.score === score)?.meaning;
  // In the rubric's order; a score of a criterion the rubric does not list (none expected) last.
  const order = [...criteria.map((c) => c.key), ...Object.keys(review.scores).filter((k) => !criteria.some((c) => c.key === k))];
  const scored = order.filter((k) => review.scores[k] !== undefined).map((k) => [k, review.scores[k]] as const);
  return (
    <section className="panel" data-testid="submitted-review" aria-labelledby="submitted-title">
      <h2 id="submitted-title">{t('submitted.title')}</h2>
      <p className="muted">{t('submitted.at', { at: formatDateTime(review.submittedAt) })}</p>
      <h3>{t('rubric.title')}</h3>
      <dl className="review-scores">
        {scored.map(([key, score]) => (
          <div key={key} data-criterion={key}>
            <dt>{labelOf(key)}</dt>
            <dd>
              {t('rubric.scoreOf', { score })}
              {meaningOf(key, score) && <span className="muted"> · {meaningOf(key, score)}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <h3 style={{ marginTop: 16 }}>{t('verdict.recommendation')}</h3>
      <p>
        <Tag data-recommendation={review.recommendation}>{t(`words:recommendation.${review.recommendation}`)}</Tag>
      </p>
      <h3>{t('risks.title')}</h3>
      {review.riskPoints.length === 0 ? (
        <p className="muted">{t('submitted.noRisks')}</p>
      ) : (
        <ul className="risk-list">
          {review.riskPoints.map((r, i) => (
            <li key={i}>
              <strong>{r.category}</strong> · {t('submitted.severity', { severity: t(`words:severity.${r.severity}`) })}
              <div className="summary-text">{r.description}</div>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('verdict.comments')}</h3>
      <p className="summary-text">{review.comments || <span className="muted">{t('submitted.noComments')}</span>}</p>
      {review.coInvestment && (
        <>
          <h3>{t('coInvestment.title')}</h3>
          <p>
            {review.coInvestment.willing ? t('submitted.willing') : t('submitted.notWilling')}
            {review.coInvestment.willing && review.coInvestment.amount && (
              <>
                {' · '}
                <Money value={review.coInvestment.amount} />
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}

/** A task that is not open and has no review: declined, expired or cancelled. */
export function ClosedTask({ task }: { task: Task }) {
  const { t } = useTranslation('reviewer');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="task-closed"
      title={t('closed.title', { status: t(`words:taskStatus.${task.status}`) })}
      description={task.closedAt ? t('closed.at', { at: formatDateTime(task.closedAt) }) : undefined}
    />
  );
}
