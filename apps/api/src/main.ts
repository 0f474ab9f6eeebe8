import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from './app.factory';
import { loadApiConfig } from './config';

/**
 * Graceful stop on SIGTERM/SIGINT. The shutdown hooks enabled in app.factory.ts close the app:
 * Fastify stops accepting connections and lets in-flight requests finish (a request arriving on an
 * open keep-alive connection meanwhile gets 503, so a load balancer retries it elsewhere); then
 * the database pool and the Temporal connection close.
 *
 * Two things make that end, and end with exit code 0:
 * - Keep-alive sockets. Node's server.close() closes the idle ones once, when called; a socket
 *   whose request was still running goes idle later and would hold the process for Fastify's
 *   keep-alive timeout (72 s). So answers sent while draining say `Connection: close`, and idle
 *   sockets are swept until the process ends.
 * - The exit code. Nest re-raises the signal once the app is closed; this listener absorbs it, so
 *   the process ends the ordinary way, 0, as soon as nothing is left open.
 * A drain stuck past SHUTDOWN_TIMEOUT_MS exits 1 rather than waiting for the orchestrator's SIGKILL.
 * Every timer is unref'd: none keeps a finished process alive.
 */
function drainOnShutdown(app: NestFastifyApplication, timeoutMs: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  let stopping = false;
  fastify.addHook('onSend', async (_request, reply) => {
    if (stopping) void reply.header('connection', 'close');
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`dueflow api: ${signal} received, draining in-flight requests (up to ${timeoutMs} ms)\n`);
    setInterval(() => fastify.server.closeIdleConnections(), 100).unref();
    setTimeout(() => {
      process.stderr.write(`dueflow api: still not stopped after ${timeoutMs} ms, exiting\n`);
      process.exit(1);
    }, timeoutMs).unref();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApiApp(config);
  drainOnShutdown(app, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT, config.HOST);
}

main().catch((error: unknown) => {
  process.stderr.write(`dueflow api failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
