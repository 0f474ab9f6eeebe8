import { z } from 'zod';
import { TASK_QUEUE } from '@dueflow/contract';
import { temporalConnectionEnv, temporalConnectionFromConfig } from '@dueflow/stack';
import { DEFAULT_CONSOLE_URL, DEFAULT_MAIL_FROM } from './notifications/mail-sender';

/** Compose passes an unset `${VAR:-}` as ''; that means "not set". */
const unsetWhenEmpty = (v: unknown) => (v === '' ? undefined : v);

const schema = z
  .object({
    DATABASE_URL: z.string().url(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    ...temporalConnectionEnv,
    TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
    /** A prebuilt workflow bundle (production); without it the worker bundles workflows at start. */
    WORKFLOW_BUNDLE_PATH: z.preprocess(unsetWhenEmpty, z.string().optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where notifications are POSTed; without it they are only logged. */
    NOTIFY_WEBHOOK_URL: z.preprocess(unsetWhenEmpty, z.string().url().optional()),
    NOTIFY_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
    NOTIFY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
    /** Where each person's notifications are e-mailed (smtp:// or smtps://, e.g. Mailpit's); without it e-mails are only logged. */
    SMTP_URL: z.preprocess(unsetWhenEmpty, z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional()),
    /** The From of those e-mails; its domain also names their Message-IDs. */
    MAIL_FROM: z.preprocess(unsetWhenEmpty, z.string().min(3).default(DEFAULT_MAIL_FROM)),
    /** The web console's base URL, for links in e-mails (`tasks/<id>`, `projects/<id>` under it). */
    CONSOLE_URL: z.preprocess(unsetWhenEmpty, z.string().url().default(DEFAULT_CONSOLE_URL)),
    /** How often to look for submissions whose process never started (0: never). */
    RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
    /** A submission without a step is left to its own start this long. */
    RECONCILE_GRACE_MS: z.coerce.number().int().min(0).default(60_000),
    /**
     * Submissions older than this are not looked at. Keep it shorter than the Temporal namespace's
     * retention: past it Temporal forgets an ended process, and a start would no longer be refused.
     */
    RECONCILE_LOOKBACK_MS: z.coerce.number().int().min(1).default(86_400_000),
    /** Serve GET /health here (200 while the worker polls, 503 otherwise); unset: no health server. */
    WORKER_HEALTH_PORT: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).max(65535).optional()),
    WORKER_HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
    /** On SIGTERM in-flight tasks finish; past this the process gives up and exits 1. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(10 * 60_000).default(25_000),
  })
  .transform((env, ctx) => {
    const temporalConnection = temporalConnectionFromConfig(env, ctx);
    return temporalConnection ? { ...env, temporalConnection } : z.NEVER;
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
