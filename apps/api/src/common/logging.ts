import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import pino from 'pino';

/** Probes and scrapes hit these routes every few seconds; a log line each would drown the real traffic. */
const UNLOGGED_ROUTES = new Set(['/health', '/health/ready', '/metrics']);

/**
 * The API's JSON logger. Lines go to stdout in 4 KiB batches written in the background rather than
 * one synchronous write per line (a system call per request); a batch is flushed at least every
 * second, and synchronously when the process exits (pino registers that for its own destinations),
 * so a kill -9 loses at most the last second's lines.
 */
export function createApiLogger(level: string): pino.Logger {
  if (level === 'silent') return pino({ name: 'dueflow-api', level });
  return pino({ name: 'dueflow-api', level }, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 }));
}

/**
 * One line per request, when its answer has gone out: the request id (the client's X-Request-Id
 * when it sent a sane one; it also goes into the workflow's memo), method, URL, remote address,
 * status and time. No headers, so no token to redact. A Fastify hook rather than an HTTP logging
 * middleware: Nest runs middleware through an Express-style layer on every request, which with the
 * middleware's own work cost about a tenth of the API's CPU per list request.
 */
export function logRequests(fastify: FastifyInstance, logger: pino.Logger): void {
  fastify.addHook('onResponse', (request: FastifyRequest, reply, done) => {
    // The matched route's pattern, as the metrics hook labels it: no query string to strip.
    if (!UNLOGGED_ROUTES.has(request.routeOptions.url ?? '')) {
      const line = {
        req: { id: request.id, method: request.method, url: request.url, remoteAddress: request.ip },
        requestId: request.id,
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's own logging (startup, `new Logger(context)` in services and filters) on the same pino
 * logger. Nest calls `level(message, ...params, context)`: an object message is merged into the
 * line and the next string is its text, an Error becomes `err`, and `error(text, stack, context)`
 * keeps the stack.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: pino.Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const text = typeof rest[0] === 'string' ? (rest[0] as string) : undefined;
      this.logger[level]({ ...fields, ...(message as Record<string, unknown>) }, text);
    } else {
      if (level === 'error' && typeof rest[0] === 'string') fields['stack'] = rest[0];
      this.logger[level](fields, String(message));
    }
  }
}
