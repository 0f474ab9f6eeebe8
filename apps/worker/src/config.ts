import { z } from 'zod';
import { TASK_QUEUE } from '@dueflow/contract';

const schema = z.object({
  DATABASE_URL: z.string().url(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  /** A prebuilt workflow bundle (production); without it the worker bundles workflows at start. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where notifications are POSTed; without it they are only logged. An empty value counts as unset. */
  NOTIFY_WEBHOOK_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  NOTIFY_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
  NOTIFY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
});

export type WorkerConfig = z.infer<typeof schema>;

/** Reads and validates the worker's environment once, at boot. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid worker configuration: ${problems}`);
  }
  return parsed.data;
}
