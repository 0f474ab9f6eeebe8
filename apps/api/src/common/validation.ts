import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '@dueflow/domain';

/** Flattens class-validator's tree into one problem per bad field, with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      problems.push({ field, problem: message });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, field));
  }
  return problems;
}

/** Every bad field listed, unknown fields refused, nothing coerced silently. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new DomainError('VALIDATION_FAILED', 'the request has invalid fields', flattenValidationErrors(errors)),
  });
}
