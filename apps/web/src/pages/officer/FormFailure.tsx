import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { failureText } from '../../components/bits';

/**
 * A refused form: the API's sentence, or, when its problems sit next to their fields, "fix the
 * fields below" with the problems that belong to no field listed by name.
 */
export function FormFailure({ error, detailed, leftover }: { error: unknown; detailed: boolean; leftover: ReadonlyArray<{ field: string; problem: string }> }) {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      role="alert"
      title={detailed ? t('submit.fix') : failureText(error, tc)}
      description={
        leftover.length > 0 && (
          <ul className="officer-problems">
            {leftover.map((p) => (
              <li key={`${p.field}:${p.problem}`}>
                <code>{p.field}</code> {p.problem}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
