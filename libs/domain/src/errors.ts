import { FieldProblem } from './types';

/**
 * Every refusal the domain can give, by code. The HTTP layer maps codes to statuses in one place;
 * workflows carry the code as the ApplicationFailure type so it survives the trip through Temporal.
 */
export const DOMAIN_ERROR_CODES = [
  'VALIDATION_FAILED', // 400: input is malformed or incomplete
  'UNAUTHENTICATED', // 401
  'FORBIDDEN', // 403
  'NOT_FOUND', // 404: unknown, or not visible to the caller
  'INVALID_STATE', // 409: the action does not fit the current state
  'CONFLICT', // 409: a uniqueness rule (e.g. duplicate email)
  'RULE_VIOLATION', // 422: well-formed but refused by a business rule
  'RATE_LIMITED', // 429
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && (DOMAIN_ERROR_CODES as readonly string[]).includes(value);
}
