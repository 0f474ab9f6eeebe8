import type { FieldProblem } from '@dueflow/domain';

/** The one error shape of shared/API.md. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldProblem[];
  requestId?: string;
}

const NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(statusCode: number, message: string, details?: FieldProblem[]): ErrorBody {
  const body: ErrorBody = { statusCode, error: NAMES[statusCode] ?? 'Error', message };
  if (details && details.length > 0) body.details = details;
  return body;
}
