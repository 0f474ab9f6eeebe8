import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { AuthModule } from './auth/auth.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { API_CONFIG, ApiConfig } from './config';
import { HealthController } from './health/health.controller';
import { DatabaseModule } from './infrastructure/database.module';
import { TemporalModule } from './infrastructure/temporal.module';
import { MetricsModule } from './metrics/metrics.module';
import { PolicyController } from './policy/policy.controller';
import { ProjectsController } from './projects/projects.controller';
import { ProjectsService } from './projects/projects.service';
import { StatsController } from './stats/stats.controller';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { UsersController } from './users/users.controller';

/** Probes and scrapes hit these every few seconds; a log line each would drown the real traffic. */
const UNLOGGED_PATHS = new Set(['/health', '/health/ready', '/metrics']);

/**
 * The request's path as the client sent it. Fastify's middleware layer rewrites `req.url` relative
 * to where the logging middleware is mounted, and keeps the original in `originalUrl`.
 */
function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  const url = req.originalUrl ?? req.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * What a request's log line says about it. pino-http's defaults add every request and response
 * header (so the token had to be redacted from each line) and the client's port: most of a line's
 * bytes and, with the redaction, about a tenth of the API's CPU per list request. The request id
 * ties a line to the client's X-Request-Id and to the workflow's memo.
 */
const requestSerializers = {
  req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/**
 * Log lines go to stdout in 4 KiB batches written in the background rather than one synchronous
 * write per line (a system call per request). A batch is flushed at least every second, and
 * synchronously when the process exits (pino registers that for its own destinations), so a kill -9
 * loses at most the last second's lines.
 */
const bufferedStdout = () => pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 });

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: [
            {
              name: 'dueflow-api',
              level: config.LOG_LEVEL,
              genReqId: (req: IncomingMessage & { id?: unknown }) => String(req.id),
              customProps: (req: IncomingMessage & { id?: unknown }) => ({ requestId: String(req.id) }),
              serializers: requestSerializers,
              autoLogging: { ignore: (req: IncomingMessage & { originalUrl?: string }) => UNLOGGED_PATHS.has(pathOf(req)) },
            },
            bufferedStdout(),
          ],
        }),
        DatabaseModule,
        TemporalModule,
        AuthModule,
        MetricsModule,
      ],
      controllers: [HealthController, ProjectsController, TasksController, PolicyController, UsersController, StatsController],
      providers: [ProjectsService, TasksService, { provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
