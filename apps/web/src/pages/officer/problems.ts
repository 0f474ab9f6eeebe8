import type { FormInstance } from 'antd';
import { fieldProblems } from '../../api/client';

type NamePath = (string | number)[];

/**
 * Puts each problem of a 400 next to its field (the API's own words), by the API's field path
 * (`totalInvestment.amount`, `contact.email`, `answers.0`); `place` maps a path to the form's
 * field, or null when the form has no such field. Returns what found no field, to show above the
 * form instead.
 */
export function showProblems(form: FormInstance, error: unknown, place: (path: string) => NamePath | null): { field: string; problem: string }[] {
  const leftover: { field: string; problem: string }[] = [];
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  for (const [field, problems] of fieldProblems(error)) {
    const name = place(field);
    if (!name) {
      leftover.push(...problems.map((problem) => ({ field, problem })));
      continue;
    }
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(...problems);
    byName.set(key, entry);
  }
  form.setFields([...byName.values()]);
  return leftover;
}

/** A key for `Idempotency-Key`: a UUID where the browser makes one, else 32 random hex digits. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
