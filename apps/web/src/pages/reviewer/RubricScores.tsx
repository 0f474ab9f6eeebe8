import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { SCORES, type Criterion } from './review-form';

/**
 * One criterion: its label and question, then the five scores each with what it means. A native radio
 * group: Tab enters it, the arrow keys choose; its accessible name is the criterion's label.
 */
function CriterionScore({
  criterion,
  value,
  problems,
  onChange,
}: {
  criterion: Criterion;
  value: number | undefined;
  problems: string[] | undefined;
  onChange: (score: number) => void;
}) {
  const { t } = useTranslation('reviewer');
  const id = `criterion-${criterion.key}`;
  const meaning = (score: number) => criterion.levels?.find((l) => l.score === score)?.meaning;
  return (
    <div className="criterion" id={id}>
      <h3 id={`${id}-label`}>{criterion.label}</h3>
      {criterion.description && (
        <p className="criterion-desc" id={`${id}-desc`}>
          {criterion.description}
        </p>
      )}
      <Radio.Group
        className="score-group"
        data-testid={`score-${criterion.key}`}
        // Its own name: the browser's radio group (arrow keys, one checked) follows the name.
        name={`score-${criterion.key}`}
        aria-labelledby={`${id}-label`}
        aria-describedby={[criterion.description ? `${id}-desc` : '', problems ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={problems ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value as number)}
      >
        {SCORES.map((score) => (
          <Radio key={score} value={score} data-score={score}>
            <span className="score-value">{t('rubric.score', { score })}</span>
            {meaning(score) && <span className="score-meaning">{meaning(score)}</span>}
          </Radio>
        ))}
      </Radio.Group>
      {problems && (
        <span className="field-error" id={`${id}-error`}>
          {problems.join(' ')}
        </span>
      )}
    </div>
  );
}

/** The rubric of the task's track: every criterion scored 1 to 5. */
export function RubricScores({
  criteria,
  scores,
  problems,
  onChange,
}: {
  criteria: Criterion[];
  scores: Record<string, number>;
  problems: Map<string, string[]>;
  onChange: (key: string, score: number) => void;
}) {
  const { t } = useTranslation('reviewer');
  const done = criteria.filter((c) => scores[c.key] !== undefined).length;
  return (
    <section className="panel" data-testid="rubric" aria-labelledby="rubric-title">
      <h2 id="rubric-title">{t('rubric.title')}</h2>
      <p className="muted">{t('rubric.progress', { done, total: criteria.length })}</p>
      {criteria.map((c) => (
        <CriterionScore key={c.key} criterion={c} value={scores[c.key]} problems={problems.get(`scores.${c.key}`)} onChange={(score) => onChange(c.key, score)} />
      ))}
    </section>
  );
}
