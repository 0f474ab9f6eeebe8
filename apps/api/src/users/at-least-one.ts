import { DomainError } from '@dueflow/domain';

/** A PATCH that changes nothing is refused (400 naming each field it could have had), not answered as a success. */
export function requireSomeField(body: object, fields: readonly string[]): void {
  const given = fields.filter((field) => (body as Record<string, unknown>)[field] !== undefined);
  if (given.length > 0) return;
  const problem = `one of ${fields.join(', ')} is required`;
  throw new DomainError('VALIDATION_FAILED', `nothing to change: give ${fields.join(', ')} or more`, fields.map((field) => ({ field, problem })));
}
