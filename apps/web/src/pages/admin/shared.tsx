import { Alert, type FormInstance } from 'antd';
import { WORDS } from '@dueflow/words';
import { useTranslation } from 'react-i18next';
import { ApiFailure, fieldProblems, type Schemas } from '../../api/client';
import { failureText } from '../../components/bits';

/** The process's lists in the order of the one table of words. */
export const ROLES = Object.keys(WORDS.en.role) as Schemas['Role'][];
export const TRACKS = Object.keys(WORDS.en.track) as Schemas['Track'][];
export const SECTORS = Object.keys(WORDS.en.sector) as Schemas['Sector'][];

/** Field path → the API's problems with it. */
export type Problems = Map<string, string[]>;

/**
 * Puts each problem of a 400's `details` next to the form field it names, or the nearest enclosing
 * field the form has (`sectors.2` → `sectors`). Returns the problems that name no field of the form
 * (e.g. `trackWeights` as a whole), for the page to show by their group.
 */
export function showProblems(form: FormInstance, error: unknown): Problems {
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const onFields: Problems = new Map();
  const leftover: Problems = new Map();
  for (const [field, problems] of fieldProblems(error)) {
    const parts = field.split('.');
    let target: string | undefined;
    for (let n = parts.length; n > 0 && !target; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (registered.has(candidate)) target = candidate;
    }
    const into = target ? onFields : leftover;
    const key = target ?? field;
    into.set(key, [...(into.get(key) ?? []), ...problems]);
  }
  form.setFields([...onFields].map(([name, errors]) => ({ name: name.split('.'), errors })));
  return leftover;
}

/** Brings the first problem shown inside `root` (a field's, a group's or an alert) into view, once it is rendered. */
export function revealProblem(root: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const first = root?.querySelector('.ant-form-item-has-error, .admin-field-error, .ant-alert');
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}

/** The field paths a form's `onValuesChange` reports (`{reviewer: {tracks: [...]}}` → `reviewer.tracks`). */
export function changedPaths(changed: unknown, prefix: string[] = []): string[][] {
  if (typeof changed !== 'object' || changed === null || Array.isArray(changed)) return [prefix];
  return Object.entries(changed).flatMap(([k, v]) => changedPaths(v, [...prefix, k]));
}

/**
 * Clears the API's problems on the fields just changed (and those with no field of their own under
 * them), so a fixed field no longer shows the old message; returns what is left of `leftover`.
 */
export function clearChanged(form: FormInstance, changed: unknown, leftover: Problems): Problems {
  const paths = changedPaths(changed);
  form.setFields(paths.filter((p) => form.getFieldError(p).length > 0).map((name) => ({ name, errors: [] })));
  const touched = (field: string) => paths.some((p) => field === p.join('.') || field.startsWith(`${p.join('.')}.`) || p.join('.').startsWith(`${field}.`));
  return new Map([...leftover].filter(([field]) => !touched(field)));
}

/** The problems at `prefix` or under it, in one line. */
export function problemsUnder(problems: Problems, prefix: string): string | undefined {
  const found = [...problems].filter(([field]) => field === prefix || field.startsWith(`${prefix}.`)).flatMap(([, p]) => p);
  return found.length > 0 ? found.join('; ') : undefined;
}

/** Problems no field or group of the form shows, each with the field the API named. */
export function OtherProblems({ problems, shown }: { problems: Problems; shown: string[] }) {
  const rest = [...problems].filter(([field]) => !shown.some((p) => field === p || field.startsWith(`${p}.`)));
  if (rest.length === 0) return null;
  return (
    <Alert
      type="error"
      role="alert"
      style={{ marginBottom: 16 }}
      title={
        <ul className="admin-problems">
          {rest.map(([field, list]) => (
            <li key={field}>
              <code>{field}</code> {list.join('; ')}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The API's refusal (403, 409, 503, ...) in a sentence, in the common words. */
export function useFailureText(): (error: unknown) => string {
  const { t } = useTranslation('common');
  return (error) => failureText(error, (key, options) => t(key, options));
}

/** A refusal in an Alert; a 400 with details is left to the fields (showProblems, OtherProblems). */
export function FailureAlert({ error }: { error: unknown }) {
  const text = useFailureText();
  if (!error || (error instanceof ApiFailure && error.status === 400 && (error.body?.details?.length ?? 0) > 0)) return null;
  return <Alert type="error" role="alert" style={{ marginBottom: 16 }} title={text(error)} />;
}
