import { Button, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, riskRow, type RiskRow } from './review-form';

const MAX_RISK_POINTS = 50;

function FieldError({ id, problems }: { id: string; problems: string[] | undefined }) {
  return problems ? (
    <span className="field-error" id={id}>
      {problems.join(' ')}
    </span>
  ) : null;
}

/** One risk point: a category in the reviewer's words, a severity, what the risk is. */
function RiskPointRow({
  index,
  row,
  problemsOf,
  onChange,
  onRemove,
}: {
  index: number;
  row: RiskRow;
  problemsOf: (field: string) => string[] | undefined;
  onChange: (row: RiskRow) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('reviewer');
  const id = `risk-${row.key}`;
  const category = problemsOf('category');
  const severity = problemsOf('severity');
  const description = problemsOf('description');
  return (
    <li className="risk-row">
      <div className="risk-row-head">
        <h3 id={`${id}-title`}>{t('risks.item', { n: index + 1 })}</h3>
        <Button size="small" onClick={onRemove} aria-describedby={`${id}-title`} data-testid={`remove-risk-${index}`}>
          {t('risks.remove')}
        </Button>
      </div>
      <div className="risk-grid">
        <div className="field-block">
          <label className="field-label" htmlFor={`${id}-category`}>
            {t('risks.category')}
          </label>
          <Input
            id={`${id}-category`}
            data-testid={`risk-category-${index}`}
            value={row.category}
            maxLength={100}
            placeholder={t('risks.categoryHint')}
            status={category ? 'error' : undefined}
            aria-invalid={category ? true : undefined}
            aria-describedby={category ? `${id}-category-error` : undefined}
            onChange={(e) => onChange({ ...row, category: e.target.value })}
          />
          <FieldError id={`${id}-category-error`} problems={category} />
        </div>
        <div className="field-block">
          <span className="field-label" id={`${id}-severity-label`}>
            {t('risks.severity')}
          </span>
          <Radio.Group
            optionType="button"
            data-testid={`risk-severity-${index}`}
            name={`risk-severity-${row.key}`}
            aria-labelledby={`${id}-severity-label`}
            aria-describedby={severity ? `${id}-severity-error` : undefined}
            aria-invalid={severity ? true : undefined}
            value={row.severity}
            onChange={(e) => onChange({ ...row, severity: e.target.value as RiskRow['severity'] })}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`words:severity.${s}`) }))}
          />
          <FieldError id={`${id}-severity-error`} problems={severity} />
        </div>
      </div>
      <div className="field-block">
        <label className="field-label" htmlFor={`${id}-description`}>
          {t('risks.description')}
        </label>
        <Input.TextArea
          id={`${id}-description`}
          data-testid={`risk-description-${index}`}
          value={row.description}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 8 }}
          status={description ? 'error' : undefined}
          aria-invalid={description ? true : undefined}
          aria-describedby={description ? `${id}-description-error` : undefined}
          onChange={(e) => onChange({ ...row, description: e.target.value })}
        />
        <FieldError id={`${id}-description-error`} problems={description} />
      </div>
    </li>
  );
}

/** The risk points the reviewer sees: add as many as needed (up to the API's 50), remove any. */
export function RiskPoints({
  rows,
  problemsOf,
  onChange,
}: {
  rows: RiskRow[];
  problemsOf: (index: number, field: string) => string[] | undefined;
  onChange: (rows: RiskRow[]) => void;
}) {
  const { t } = useTranslation('reviewer');
  const add = () => {
    onChange([...rows, riskRow()]);
    // Focus the new row's first field once it is on the page.
    setTimeout(() => document.querySelector<HTMLInputElement>(`[data-testid="risk-category-${rows.length}"]`)?.focus(), 0);
  };
  return (
    <section className="panel" data-testid="risk-points" aria-labelledby="risks-title">
      <h2 id="risks-title">{t('risks.title')}</h2>
      <p className="muted">{t('risks.intro')}</p>
      {rows.length > 0 && (
        <ol className="risk-rows" style={{ listStyle: 'none', padding: 0 }}>
          {rows.map((row, i) => (
            <RiskPointRow
              key={row.key}
              index={i}
              row={row}
              problemsOf={(field) => problemsOf(i, field)}
              onChange={(next) => onChange(rows.map((r) => (r.key === row.key ? next : r)))}
              onRemove={() => {
                onChange(rows.filter((r) => r.key !== row.key));
                // The removed row had the focus: leave it somewhere useful.
                setTimeout(() => document.querySelector<HTMLButtonElement>('[data-testid="add-risk"]')?.focus(), 0);
              }}
            />
          ))}
        </ol>
      )}
      <Button data-testid="add-risk" onClick={add} disabled={rows.length >= MAX_RISK_POINTS}>
        {t('risks.add')}
      </Button>
    </section>
  );
}
