import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '@dueflow/domain';

/** Flattens class-validator's tree into one problem per bad field, with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    if (constraints['whitelistValidation']) {
      problems.push({ field, problem: 'is not a known field' });
      continue;
    }
    if (error.value === undefined && Object.keys(constraints).length > 0) {
      problems.push({ field, problem: 'is required' });
      continue;
    }
    // One problem per rule, worded without class-validator's "<property> " prefix.
    for (const message of Object.values(constraints)) {
      problems.push({ field, problem: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message });
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
    validationError: { target: false, value: true },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new DomainError('VALIDATION_FAILED', 'the request has invalid fields', flattenValidationErrors(errors)),
  });
}
