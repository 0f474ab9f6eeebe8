import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { TASK_QUEUE } from '@dueflow/contract';
import { temporalConnectionEnv, temporalConnectionFromConfig } from '@dueflow/stack';
import { readOrCreateJwtSecret } from './auth/jwt-secret';

const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);

/**
 * The built console (`npm run build` writes `dist/web`): next to the compiled API (dist/apps/api/src
 * → dist/web), or the repository's dist/ when the API runs from source (tests).
 */
function defaultConsoleDir(): string {
  const candidates = [resolve(__dirname, '../../../web'), resolve(__dirname, '../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[candidates.length - 1];
}

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
    JWT_SECRET: z.preprocess(unsetIfEmpty, z.string().min(32).optional()),
    /** Without JWT_SECRET (not in production): the secret is made on first start and kept here. */
    JWT_SECRET_FILE: z.preprocess(unsetIfEmpty, z.string().optional()),
    /** Where `npm start` keeps its data; the default home of JWT_SECRET_FILE. */
    DUEFLOW_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
    JWT_EXPIRES_IN_SECONDS: z.coerce.number().int().min(60).max(86_400 * 7).default(3600),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** On SIGTERM in-flight requests finish; past this the process gives up and exits 1. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(10 * 60_000).default(25_000),
    /**
     * Whose address a request comes from (the sign-in limit per address, the request log): unset or
     * `false`, the socket's; behind a reverse proxy or load balancer, its hop count (`1`) or its
     * addresses / CIDRs (`10.0.0.5,10.0.1.0/24`), so X-Forwarded-For is believed from it alone.
     */
    TRUST_PROXY: z
      .preprocess((v) => (v === '' || v === undefined ? 'false' : v), z.string())
      .transform((v, ctx): boolean | number | string[] => {
        if (v === 'false') return false;
        if (v === 'true') return true;
        if (/^\d+$/.test(v)) return Number(v);
        const list = v.split(',').map((a) => a.trim()).filter(Boolean);
        if (list.length === 0 || list.some((a) => !/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(a))) {
          ctx.addIssue({ code: 'custom', message: 'must be false, true, a hop count, or a comma-separated list of addresses/CIDRs' });
          return z.NEVER;
        }
        return list;
      }),
    /** How long a call waits for the workflow to take an action (an Update); past it the API answers 503. */
    /** The built console served at /app/ (`npm run build` writes it to dist/web). */
    CONSOLE_DIR: z.preprocess(unsetIfEmpty, z.string().default(defaultConsoleDir())),
    UPDATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(10 * 60_000).default(15_000),
  })
  .transform((env, ctx) => {
    const missingSecret = !env.JWT_SECRET && env.NODE_ENV === 'production';
    if (missingSecret) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production (32+ characters)' });
    const temporalConnection = temporalConnectionFromConfig(env, ctx);
    if (missingSecret || !temporalConnection) return z.NEVER;
    // No secret in the source any more: a default install makes its own (anyone could mint tokens with a published one).
    const JWT_SECRET_FILE = resolve(env.JWT_SECRET_FILE ?? join(env.DUEFLOW_DATA_DIR ?? '.dueflow', 'jwt-secret'));
    let secret = env.JWT_SECRET;
    if (!secret) {
      try {
        secret = readOrCreateJwtSecret(JWT_SECRET_FILE);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['JWT_SECRET_FILE'], message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }
    return { ...env, JWT_SECRET: secret, JWT_SECRET_FILE: env.JWT_SECRET ? null : JWT_SECRET_FILE, temporalConnection };
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
