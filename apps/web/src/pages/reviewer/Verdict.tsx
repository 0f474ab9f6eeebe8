import { Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../components/MoneyInput';
import { RECOMMENDATIONS, type ReviewState } from './review-form';

type Problems = (field: string) => string[] | undefined;

function FieldError({ id, problems }: { id: string; problems: string[] | undefined }) {
  return problems ? (
    <span className="field-error" id={id}>
      {problems.join(' ')}
    </span>
  ) : null;
}

/** The VC track's co-investment endorsement: willing or not, and how much when willing. */
function CoInvestment({ value, problemsOf, onChange }: { value: ReviewState['coInvestment']; problemsOf: Problems; onChange: (v: ReviewState['coInvestment']) => void }) {
  const { t } = useTranslation('reviewer');
  const willingProblems = problemsOf('coInvestment.willing') ?? problemsOf('coInvestment');
  const amountProblems = problemsOf('coInvestment.amount.amount') ?? problemsOf('coInvestment.amount');
  return (
    <div className="field-block" id="field-coInvestment">
      <h3 id="coinvestment-title">{t('coInvestment.title')}</h3>
      <p className="muted">{t('coInvestment.intro')}</p>
      <span className="field-label" id="coinvestment-willing-label">
        {t('coInvestment.willing')}
      </span>
      <Radio.Group
        data-testid="coinvestment-willing"
        name="coinvestment-willing"
        aria-labelledby="coinvestment-willing-label"
        aria-describedby={willingProblems ? 'coinvestment-willing-error' : undefined}
        aria-invalid={willingProblems ? true : undefined}
        value={value.willing}
        onChange={(e) => onChange({ ...value, willing: e.target.value as boolean })}
        options={[
          { value: true, label: t('coInvestment.yes') },
          { value: false, label: t('coInvestment.no') },
        ]}
      />
      <FieldError id="coinvestment-willing-error" problems={willingProblems} />
      {value.willing && (
        <div className="field-block" style={{ marginTop: 12 }}>
          <label className="field-label" htmlFor="coinvestment-amount">
            {t('coInvestment.amount')}
          </label>
          {/* 万元 in Chinese, CNY in English, as in every amount field of the console. */}
          <MoneyInput
            id="coinvestment-amount"
            data-testid="coinvestment-amount"
            value={value.amount ?? null}
            aria-invalid={amountProblems ? true : undefined}
            aria-describedby={['coinvestment-amount-hint', amountProblems ? 'coinvestment-amount-error' : ''].filter(Boolean).join(' ')}
            onChange={(v) => onChange({ ...value, amount: v === null ? undefined : v })}
          />
          <span className="muted" id="coinvestment-amount-hint" style={{ display: 'block', marginTop: 4 }}>
            {t('coInvestment.amountHint')}
          </span>
          <FieldError id="coinvestment-amount-error" problems={amountProblems} />
        </div>
      )}
    </div>
  );
}

/** Recommendation, comments and (VC track) the co-investment endorsement. */
export function Verdict({
  state,
  vc,
  problemsOf,
  onChange,
}: {
  state: ReviewState;
  vc: boolean;
  problemsOf: Problems;
  onChange: (patch: Partial<ReviewState>) => void;
}) {
  const { t } = useTranslation('reviewer');
  const recommendation = problemsOf('recommendation');
  const comments = problemsOf('comments');
  return (
    <section className="panel" aria-labelledby="verdict-title">
      <h2 id="verdict-title">{t('verdict.title')}</h2>
      <div className="field-block" id="field-recommendation">
        <span className="field-label" id="recommendation-label">
          {t('verdict.recommendation')}
        </span>
        <Radio.Group
          data-testid="recommendation"
          name="recommendation"
          aria-labelledby="recommendation-label"
          aria-describedby={recommendation ? 'recommendation-error' : undefined}
          aria-invalid={recommendation ? true : undefined}
          value={state.recommendation}
          onChange={(e) => onChange({ recommendation: e.target.value as ReviewState['recommendation'] })}
          options={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`words:recommendation.${r}`) }))}
        />
        <FieldError id="recommendation-error" problems={recommendation} />
      </div>
      <div className="field-block">
        <label className="field-label" htmlFor="review-comments">
          {t('verdict.comments')}
        </label>
        <Input.TextArea
          id="review-comments"
          data-testid="comments"
          value={state.comments}
          maxLength={10000}
          showCount
          autoSize={{ minRows: 4, maxRows: 16 }}
          status={comments ? 'error' : undefined}
          aria-invalid={comments ? true : undefined}
          aria-describedby={comments ? 'comments-error' : undefined}
          onChange={(e) => onChange({ comments: e.target.value })}
        />
        <FieldError id="comments-error" problems={comments} />
      </div>
      {vc && <CoInvestment value={state.coInvestment} problemsOf={problemsOf} onChange={(coInvestment) => onChange({ coInvestment })} />}
    </section>
  );
}
