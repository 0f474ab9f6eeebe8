import 'reflect-metadata';
import { Client } from '@temporalio/client';
import { DefaultLogger, LogLevel, NativeConnection, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { InboxStore, OutboxStore, ProjectStore, createDataSource } from '@dueflow/persistence';
import { describeTemporalConnection } from '@dueflow/stack';
import { loadWorkerConfig } from './config';
import { HealthServer, startHealthServer } from './health-server';
import { createDueflowWorker } from './worker';
import { InboxDispatcher, OutboxDispatcher, createMailer, createNotificationSender } from './notifications';
import { StartReconciler } from './start-reconciler';

/**
 * Temporal's Runtime turns SIGTERM/SIGINT into a graceful worker shutdown: polling stops, in-flight
 * activities and workflow tasks finish, then worker.run() resolves and main() closes the rest; the
 * process ends with code 0 once nothing is left open. This only bounds that: a drain stuck past
 * SHUTDOWN_TIMEOUT_MS exits 1 (the timer is unref'd, so it never keeps a finished process alive).
 */
function boundShutdown(timeoutMs: number, logger: pino.Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs }, 'worker stopping: finishing in-flight tasks');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'worker did not stop in time, exiting');
      process.exit(1);
    }, timeoutMs).unref();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = pino({ name: 'dueflow-worker', level: config.LOG_LEVEL });
  // The SDK's own logs (worker state, retries) go through the same JSON logger.
  const sdkLevel: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'ERROR', silent: 'ERROR' };
  Runtime.install({
    logger: new DefaultLogger(sdkLevel[config.LOG_LEVEL] ?? 'INFO', (entry) => {
      const level = entry.level === 'TRACE' ? 'trace' : entry.level === 'DEBUG' ? 'debug' : entry.level === 'WARN' ? 'warn' : entry.level === 'ERROR' ? 'error' : 'info';
      logger[level]({ ...entry.meta, sdk: true }, entry.message);
    }),
  });
  const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'dueflow-worker' });
  await dataSource.initialize();
  boundShutdown(config.SHUTDOWN_TIMEOUT_MS, logger);
  const connection = await NativeConnection.connect(config.temporalConnection);
  const outboxLogger = logger.child({ component: 'outbox' });
  const dispatcher = new OutboxDispatcher({
    store: new OutboxStore(dataSource),
    sender: createNotificationSender({ webhookUrl: config.NOTIFY_WEBHOOK_URL, logger: outboxLogger }),
    logger: outboxLogger,
    pollIntervalMs: config.NOTIFY_POLL_INTERVAL_MS,
    batchSize: config.NOTIFY_BATCH_SIZE,
  });
  const inboxLogger = logger.child({ component: 'inbox' });
  const inbox = new InboxDispatcher({
    store: new InboxStore(dataSource),
    mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger: inboxLogger }),
    logger: inboxLogger,
    consoleUrl: config.CONSOLE_URL,
    from: config.MAIL_FROM,
    pollIntervalMs: config.NOTIFY_POLL_INTERVAL_MS,
    batchSize: config.NOTIFY_BATCH_SIZE,
  });
  const reconciler = new StartReconciler({
    store: new ProjectStore(dataSource),
    client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    logger: logger.child({ component: 'reconciler' }),
    intervalMs: config.RECONCILE_INTERVAL_MS,
    graceMs: config.RECONCILE_GRACE_MS,
    lookbackMs: config.RECONCILE_LOOKBACK_MS,
  });
  let health: HealthServer | undefined;
  try {
    const worker = await createDueflowWorker({
      connection,
      dataSource,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowBundlePath: config.WORKFLOW_BUNDLE_PATH,
    });
    if (config.WORKER_HEALTH_PORT !== undefined) {
      health = await startHealthServer({
        host: config.WORKER_HEALTH_HOST,
        port: config.WORKER_HEALTH_PORT,
        state: () => worker.getState(),
        isHealthy: () => worker.getState() === 'RUNNING',
      });
      logger.info({ port: health.port }, 'health endpoint listening');
    }
    logger.info(
      { taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE, temporal: describeTemporalConnection(config.temporalConnection) },
      'worker started',
    );
    dispatcher.start();
    logger.info({ transport: config.NOTIFY_WEBHOOK_URL ? 'webhook' : 'log' }, 'notification dispatcher started');
    inbox.start();
    logger.info({ mail: config.SMTP_URL ? 'smtp' : 'log', consoleUrl: config.CONSOLE_URL }, 'inbox and e-mail dispatcher started');
    reconciler.start();
    // Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks have finished.
    await worker.run();
    logger.info('worker stopped');
  } finally {
    // After worker.run() (or a failed start): finish the batch in flight while the database is still open.
    await health?.close();
    await dispatcher.stop();
    await inbox.stop();
    await reconciler.stop();
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dueflow worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
