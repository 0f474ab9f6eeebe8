import { z } from 'zod';
import { TASK_QUEUE } from '@dueflow/contract';
import { temporalConnectionEnv, temporalConnectionFromConfig } from '@dueflow/stack';

const DEV_JWT_SECRET = 'dueflow-local-development-secret-not-for-production';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    ...temporalConnectionEnv,
    TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
    /** Empty counts as unset (compose passes an unset `${JWT_SECRET:-}` as ''). */
    JWT_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32).optional()),
    JWT_EXPIRES_IN_SECONDS: z.coerce.number().int().min(60).max(86_400 * 7).default(3600),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** On SIGTERM in-flight requests finish; past this the process gives up and exits 1. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(10 * 60_000).default(25_000),
    /** How long a call waits for the workflow to take an action (an Update); past it the API answers 503. */
    UPDATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(10 * 60_000).default(15_000),
  })
  .transform((env, ctx) => {
    const missingSecret = !env.JWT_SECRET && env.NODE_ENV === 'production';
    if (missingSecret) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production (32+ characters)' });
    const temporalConnection = temporalConnectionFromConfig(env, ctx);
    if (missingSecret || !temporalConnection) return z.NEVER;
    return { ...env, JWT_SECRET: env.JWT_SECRET ?? DEV_JWT_SECRET, temporalConnection };
  });

export type ApiConfig = z.infer<typeof schema>;
export const API_CONFIG = Symbol('API_CONFIG');

/** Reads and validates the API's environment once, at boot. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid API configuration: ${problems}`);
  }
  return parsed.data;
}
