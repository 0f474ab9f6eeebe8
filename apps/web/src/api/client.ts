import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/**
 * The one API client of the console, typed by the generated schema (no hand-written request
 * types). Same origin; the browser sends the HttpOnly session cookie itself, and every request
 * carries the CSRF proof the API asks of cookie-signed changes.
 */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { 'X-Requested-With': 'dueflow' },
});

/** The API's error shape (docs/API.md "Errors"). */
export type ApiError = Schemas['ErrorBody'];

/** An answer that is not 2xx, kept whole so a page can show the API's message and its field details. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

/** The data of an openapi-fetch answer, or an ApiFailure (what TanStack Query's queryFn wants). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiFailure(response.status, error as ApiError | undefined);
  return data as T;
}

/** Each bad field's problems, by the field path the API names (`totalInvestment.amount`). */
export function fieldProblems(error: unknown): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  if (!(error instanceof ApiFailure)) return byField;
  for (const d of error.body?.details ?? []) byField.set(d.field, [...(byField.get(d.field) ?? []), d.problem]);
  return byField;
}
