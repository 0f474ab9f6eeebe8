/**
 * `npm start`: the whole dueflow system on one machine, on embedded defaults.
 * PostgreSQL (DATABASE_URL or embedded) → migrations → demo accounts → Temporal dev server (or
 * TEMPORAL_ADDRESS) → Mailpit (or SMTP_URL; e-mails are only logged when Mailpit cannot be built)
 * → worker → API. Ctrl-C / SIGTERM stops everything in reverse order.
 *
 * The worker and the API are supervised: one that exits on its own (a crash, kill -9, out of
 * memory) is started again after 1 s, 2 s, 4 s … up to 30 s (back to 1 s once it has run for a
 * minute), and the log says so; five crashes within two minutes stop the whole stack with exit
 * code 1, since a process that cannot stay up needs a person. PostgreSQL and the Temporal dev
 * server are not restarted: they hold the data, and one that dies (disk full, killed, a broken data
 * directory) is a fault to look at, not to loop on; the stack stops, saying which and where its
 * log is.
 *
 * At a terminal the apps' JSON log lines are printed short (`12:03:04 api  POST /projects 201 14ms`);
 * LOG_FORMAT=json|pretty overrides that, and JSON stays the default when stdout is not a terminal
 * or NODE_ENV=production.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  RunningMailpit,
  RunningPostgres,
  RunningTemporal,
  ServiceSupervisor,
  chooseLogFormat,
  ensureDatabase,
  ensureTemporalCli,
  formatLogLine,
  isPortOpen,
  splitDatabaseUrl,
  startEmbeddedPostgres,
  startNodeService,
  startMailpit,
  startTemporalDevServer,
  stderrLog as log,
  tryEnsureMailpit,
  waitFor,
} from '@dueflow/stack';
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, createDataSource, runMigrations, seedDemoAccounts } from '@dueflow/persistence';

const ROOT = resolve(__dirname, '..', '..');

const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.string().url().optional(),
    DUEFLOW_DATA_DIR: z.string().default(join(ROOT, '.dueflow')),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    TEMPORAL_ADDRESS: z.string().optional(),
    TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
    TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
    /** An SMTP server of your own for the worker's e-mails; without it Mailpit is started on the ports below. */
    SMTP_URL: z.string().optional(),
    MAILPIT_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
    MAILPIT_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8025),
    DUEFLOW_DEMO_PASSWORD: z.string().min(8).default(DEFAULT_DEMO_PASSWORD),
    LOG_LEVEL: z.string().default('info'),
    /** pretty: short lines for a person; json: the apps' own lines. Default: pretty at a terminal outside production. */
    LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
    NODE_ENV: z.string().optional(),
    NO_COLOR: z.string().optional(),
  })
  .parse(process.env);

const DIST = join(ROOT, 'dist');
const SERVICE_NAMES = ['worker', 'api'];
const logFormat = chooseLogFormat(env.LOG_FORMAT, env.NODE_ENV, process.stdout.isTTY === true);
const supervisor = new ServiceSupervisor({ log, onGiveUp: (reason) => void stop(1, reason) });
let postgres: RunningPostgres | null = null;
let temporal: RunningTemporal | null = null;
let mailpit: RunningMailpit | null = null;
let stopping = false;

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0, 'SIGINT'));
  process.on('SIGTERM', () => void stop(0, 'SIGTERM'));
  // The terminal closed: without this the children would be left running.
  process.on('SIGHUP', () => void stop(0, 'SIGHUP'));

  let databaseUrl: string;
  if (env.DATABASE_URL) {
    const { serverUrl, database } = splitDatabaseUrl(env.DATABASE_URL);
    databaseUrl = await ensureDatabase(serverUrl, database);
    log(`Using PostgreSQL from DATABASE_URL (database ${database})`);
  } else {
    const started = await startEmbeddedPostgres({ dataDir: join(env.DUEFLOW_DATA_DIR, 'postgres'), port: env.EMBEDDED_PG_PORT, log });
    postgres = started;
    void started.exited.then(() => void stop(1, `the embedded PostgreSQL exited on its own; see ${started.logFile}`));
    databaseUrl = await ensureDatabase(started.serverUrl, 'dueflow');
  }

  const applied = await runMigrations(databaseUrl);
  log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  const dataSource = await createDataSource({ url: databaseUrl, poolSize: 1 }).initialize();
  const { created } = await seedDemoAccounts(dataSource, env.DUEFLOW_DEMO_PASSWORD);
  await dataSource.destroy();
  if (created.length) log(`Seeded ${created.length} demo accounts`);

  let temporalAddress = env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    if (await isPortOpen(env.TEMPORAL_PORT)) throw new Error(`port ${env.TEMPORAL_PORT} is taken; set TEMPORAL_PORT, or TEMPORAL_ADDRESS to use that server`);
    const binary = await ensureTemporalCli(log);
    temporal = await startTemporalDevServer({
      binary,
      port: env.TEMPORAL_PORT,
      uiPort: env.TEMPORAL_UI_PORT,
      dbFile: join(env.DUEFLOW_DATA_DIR, 'temporal.sqlite'),
      logFile: join(env.DUEFLOW_DATA_DIR, 'temporal.log'),
      log,
    });
    temporalAddress = temporal.address;
    temporal.process.once('exit', (code, signal) =>
      void stop(1, `the Temporal dev server exited on its own (${signal ? `signal ${signal}` : `code ${code}`}); see ${join(env.DUEFLOW_DATA_DIR, 'temporal.log')}`),
    );
  }

  const smtpUrl = env.SMTP_URL || (await startLocalMail());

  const common = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, LOG_LEVEL: env.LOG_LEVEL };
  await launch('worker', join(DIST, 'apps/worker/src/main.js'), {
    ...common,
    WORKFLOW_BUNDLE_PATH: join(DIST, 'workflow-bundle.js'),
    SMTP_URL: smtpUrl ?? '',
    CONSOLE_URL: process.env['CONSOLE_URL'] || `http://127.0.0.1:${env.PORT}/app/`,
  });
  await launch('api', join(DIST, 'apps/api/src/main.js'), { ...common, PORT: String(env.PORT), DUEFLOW_DATA_DIR: env.DUEFLOW_DATA_DIR });

  const base = `http://127.0.0.1:${env.PORT}`;
  await waitFor('the API to be ready', async () => (await fetch(`${base}/health/ready`)).status === 200, 60_000, 300);
  banner(base);
}

/**
 * Mailpit catches the worker's e-mails locally (SMTP on MAILPIT_SMTP_PORT, web UI on MAILPIT_UI_PORT).
 * E-mail is a convenience here, not something the stack stands on: when Mailpit cannot be built or
 * its ports are taken, the stack says so and the worker logs e-mails instead.
 */
async function startLocalMail(): Promise<string | undefined> {
  for (const port of [env.MAILPIT_SMTP_PORT, env.MAILPIT_UI_PORT]) {
    if (await isPortOpen(port)) {
      log(`Port ${port} is taken, so Mailpit is not started (set MAILPIT_SMTP_PORT / MAILPIT_UI_PORT, or SMTP_URL); e-mails are logged instead.`);
      return undefined;
    }
  }
  const binary = await tryEnsureMailpit(log);
  if (!binary) return undefined;
  try {
    mailpit = await startMailpit({
      binary,
      smtpPort: env.MAILPIT_SMTP_PORT,
      httpPort: env.MAILPIT_UI_PORT,
      dbFile: join(env.DUEFLOW_DATA_DIR, 'mailpit.db'),
      logFile: join(env.DUEFLOW_DATA_DIR, 'mailpit.log'),
      log,
    });
    return mailpit.smtpUrl;
  } catch (error) {
    log(`Mailpit did not start (${error instanceof Error ? error.message : String(error)}); e-mails are logged instead.`);
    return undefined;
  }
}

/** Starts a dueflow process under the supervisor; at a terminal its JSON lines are printed short. */
async function launch(name: string, script: string, extraEnv: Record<string, string>): Promise<void> {
  const color = process.stdout.isTTY === true && !env.NO_COLOR;
  const nameWidth = Math.max(...SERVICE_NAMES.map((n) => n.length)) + 1;
  const onLine =
    logFormat === 'pretty'
      ? (line: string, stream: 'stdout' | 'stderr') => {
          if (line) (stream === 'stdout' ? process.stdout : process.stderr).write(`${formatLogLine(name, line, { color, nameWidth })}\n`);
        }
      : undefined;
  await supervisor.add(name, () => startNodeService({ name, script, env: extraEnv, onLine }));
}

function banner(base: string): void {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const lines = [
    '',
    'dueflow is running',
    `  API            ${base}   (health: ${base}/health/ready)`,
    temporal?.uiUrl ? `  Temporal UI    ${temporal.uiUrl}` : `  Temporal       ${env.TEMPORAL_ADDRESS}`,
    mailpit ? `  Mailpit (mail) ${mailpit.httpUrl}   (SMTP ${mailpit.smtpUrl})` : env.SMTP_URL ? '  E-mail         SMTP_URL' : '  E-mail         logged by the worker (no Mailpit)',
    postgres ? `  PostgreSQL     embedded, data in ${join(env.DUEFLOW_DATA_DIR, 'postgres')}` : '  PostgreSQL     DATABASE_URL',
    '',
    `  Demo accounts (password: ${env.DUEFLOW_DEMO_PASSWORD === DEFAULT_DEMO_PASSWORD ? DEFAULT_DEMO_PASSWORD : 'from DUEFLOW_DEMO_PASSWORD'})`,
    ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(width)}  ${a.roles.join(',')}${a.reviewer ? ` (${a.reviewer.tracks.join(',')})` : ''}`),
    '',
    `  Try: curl -s ${base}/auth/login -H 'content-type: application/json' -d '{"email":"officer@dueflow.local","password":"..."}'`,
    '  Ctrl-C stops everything.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Stops the API first (no new work), then the worker (finishes in-flight tasks), then the servers. */
async function stop(code: number, reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`Stopping (${reason})...`);
  await supervisor.stopAll(15_000, (name) => log(`  ${name} stopped`));
  if (mailpit) await mailpit.stop().then(() => log('  Mailpit stopped'));
  if (temporal) await temporal.stop().then(() => log('  Temporal dev server stopped'));
  if (postgres) await postgres.stop().then(() => log('  PostgreSQL stopped'));
  process.exit(code);
}

main().catch(async (error: unknown) => {
  log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1, 'start-up failed');
});
