import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode, FieldProblem } from '@dueflow/domain';
import { ErrorBody, errorBody } from './error-body';
import { RETRY_AFTER_SECONDS, unavailableReason } from './unavailable';

const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
};

export function statusForDomainCode(code: DomainErrorCode): number {
  return STATUS_BY_CODE[code];
}

/**
 * The one place errors become HTTP: domain errors by code, Nest's HTTP exceptions by status, a
 * moment's unavailability of Temporal or PostgreSQL as 503 with `Retry-After`, and anything else as
 * a logged, generic 500 that carries the request id.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    body.requestId = String(request.id);
    if (body.statusCode === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof DomainError) {
      return errorBody(statusForDomainCode(exception.code), exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message.join('; '))
            : String((response as { message?: unknown }).message ?? exception.message);
      const details = (response as { details?: FieldProblem[] }).details;
      return errorBody(status, message, details);
    }
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own refusals (malformed JSON, body too large, wrong content type).
      return errorBody(status, (exception as Error).message || 'bad request');
    }
    const unavailable = unavailableReason(exception);
    if (unavailable) {
      this.logger.warn({ err: exception, requestId: request.id, url: request.url }, unavailable);
      return errorBody(503, `${unavailable}; retry in a few seconds`);
    }
    this.logger.error({ err: exception, requestId: request.id, url: request.url }, 'unhandled error');
    return errorBody(500, 'an unexpected error occurred; quote the request id when reporting it');
  }
}
