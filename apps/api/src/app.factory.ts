import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { CLIENT_KEY_PATTERN } from './common/client-key';
import { acceptJsonBodies, frameworkErrorReply } from './common/json-body';
import { NestPinoLogger, createApiLogger, logRequests } from './common/logging';
import { answerWrongMethods, recordRoutes } from './common/routes';
import { addSecurityHeaders } from './common/security-headers';
import type { ApiConfig } from './config';
import { serveConsole } from './console/serve-console';
import { setupOpenApi } from './openapi/openapi';

/** The caller's X-Request-Id when it is sane, otherwise a new one. */
function requestIdFor(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && CLIENT_KEY_PATTERN.test(value) ? value : randomUUID();
}

/** Builds the API (not yet listening): used by main.ts and by the end-to-end tests alike. */
export async function createApiApp(config: ApiConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    trustProxy: config.TRUST_PROXY,
    frameworkErrors: frameworkErrorReply,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true });
  recordRoutes(app);
  acceptJsonBodies(app, config.BODY_LIMIT_BYTES);
  setupOpenApi(app);
  const logger = createApiLogger(config.LOG_LEVEL);
  app.useLogger(new NestPinoLogger(logger));
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  logRequests(fastify, logger);
  addSecurityHeaders(fastify);
  serveConsole(fastify, config.CONSOLE_DIR);
  answerWrongMethods(app);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  return app;
}
