import { z } from 'zod';
import type { ErrorBody as ErrorBodyType } from '../../common/error-body';
import { component, sameShape } from './registry';

export const FieldProblem = component(
  'FieldProblem',
  z.object({
    field: z.string().describe('dotted path of the bad input, e.g. totalInvestment.amount'),
    problem: z.string().describe('"is required", "is not a known field", or what the value must be'),
  }),
);

/** The one error shape every 4xx/5xx answer has (common/error-body.ts, filled by the exception filter). */
export const ErrorBody = component(
  'ErrorBody',
  z.object({
    statusCode: z.int().min(400).max(599),
    error: z.string().describe('short name of the status, e.g. Bad Request'),
    message: z.string(),
    details: z.array(FieldProblem).optional().describe('every bad field, when the input was at fault'),
    requestId: z.string().optional().describe('the X-Request-Id of the call (always set by the API)'),
  }),
);
sameShape<z.output<typeof ErrorBody>, ErrorBodyType>(true);
