import 'reflect-metadata';
import { DefaultLogger, LogLevel, NativeConnection, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { OutboxStore, createDataSource } from '@dueflow/persistence';
import { loadWorkerConfig } from './config';
import { createDueflowWorker } from './worker';
import { OutboxDispatcher, createNotificationSender } from './notifications';

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
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const outboxLogger = logger.child({ component: 'outbox' });
  const dispatcher = new OutboxDispatcher({
    store: new OutboxStore(dataSource),
    sender: createNotificationSender({ webhookUrl: config.NOTIFY_WEBHOOK_URL, logger: outboxLogger }),
    logger: outboxLogger,
    pollIntervalMs: config.NOTIFY_POLL_INTERVAL_MS,
    batchSize: config.NOTIFY_BATCH_SIZE,
  });
  try {
    const worker = await createDueflowWorker({
      connection,
      dataSource,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowBundlePath: config.WORKFLOW_BUNDLE_PATH,
    });
    logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'worker started');
    dispatcher.start();
    logger.info({ transport: config.NOTIFY_WEBHOOK_URL ? 'webhook' : 'log' }, 'notification dispatcher started');
    // Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks have finished.
    await worker.run();
    logger.info('worker stopped');
  } finally {
    // After worker.run() (or a failed start): finish the batch in flight while the database is still open.
    await dispatcher.stop();
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dueflow worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
