import type { z } from 'zod';
import type { FieldProblem } from '@dueflow/domain';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** The value at `path` in the input as it was sent (to tell "missing" from "wrong"). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * A request checked against its schema. Refusals name each bad field by its dotted path
 * (`riskPoints.0.description`), ONE problem per field (the first found: a value that is not a string
 * is not also "too long"), an absent required field as "is required" and every unknown field as
 * "is not a known field". Pure: the API's pipes and the workflow's Update validators both use it.
 */
export function checkRequest<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const add = (field: string, problem: string) => {
    if (seen.has(field)) return;
    seen.add(field);
    problems.push({ field, problem });
  };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(dotted([...issue.path, key]), 'is not a known field');
    } else if (issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
      add(dotted(issue.path), 'is required');
    } else {
      add(dotted(issue.path), issue.message);
    }
  }
  return { ok: false, problems };
}
