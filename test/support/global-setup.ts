import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDatabase,
  ensureTemporalCli,
  freePort,
  splitDatabaseUrl,
  startEmbeddedPostgres,
  startTemporalDevServer,
  startMailpit,
  tryEnsureMailpit,
  RunningMailpit,
  RunningPostgres,
  RunningTemporal,
} from '@dueflow/stack';
import { createDataSource, runMigrations, seedDemoAccounts, DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';
import { writeWorkflowBundle } from '@dueflow/worker';
import { makeWorkDir, saveStackInfo } from './test-stack';

declare global {
  var __dueflowTestServices: { postgres: RunningPostgres | null; temporal: RunningTemporal; mailpit: RunningMailpit | null } | undefined;
}

const log = (message: string) => process.stderr.write(`[test stack] ${message}\n`);

/**
 * Starts what the integration suites need, once: a real PostgreSQL (DATABASE_URL's server, or an
 * embedded one in a temp folder) with a fresh database, a real Temporal dev server in memory, and
 * Mailpit (built once into the cache) for suites that read delivered e-mail; when Mailpit cannot be
 * built here those suites say so and skip their e-mail checks.
 */
export default async function globalSetup(): Promise<void> {
  const workDir = makeWorkDir();
  chmodSync(workDir, 0o755);
  let postgres: RunningPostgres | null = null;
  let serverUrl: string;
  if (process.env['DATABASE_URL']) {
    serverUrl = splitDatabaseUrl(process.env['DATABASE_URL']).serverUrl;
    log(`using the PostgreSQL server of DATABASE_URL`);
  } else {
    postgres = await startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port: await freePort(), log });
    serverUrl = postgres.serverUrl;
  }
  const database = `dueflow_test_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  await runMigrations(databaseUrl);
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 1 });
  await dataSource.initialize();
  await seedDemoAccounts(dataSource, DEFAULT_DEMO_PASSWORD);
  await dataSource.destroy();

  const [binary, port] = await Promise.all([ensureTemporalCli(log), freePort()]);
  const temporal = await startTemporalDevServer({ binary, port, logFile: join(workDir, 'temporal.log'), log });
  const mailpitBinary = await tryEnsureMailpit(log);
  const mailpit = mailpitBinary
    ? await startMailpit({ binary: mailpitBinary, smtpPort: await freePort(), httpPort: await freePort(), logFile: join(workDir, 'mailpit.log'), log })
    : null;
  globalThis.__dueflowTestServices = { postgres, temporal, mailpit };

  // Bundled once for every suite: each worker then starts in milliseconds instead of seconds.
  const workflowBundlePath = join(workDir, 'workflow-bundle.js');
  await writeWorkflowBundle(workflowBundlePath, log);

  // The console as this checkout has it (not a dist/ left from an earlier build): the API serves it at /app/.
  const consoleDir = join(workDir, 'web');
  const started = Date.now();
  execFileSync(process.execPath, [join(__dirname, '../../tools/build-web.mjs'), consoleDir], { stdio: 'inherit' });
  log(`built the console in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  saveStackInfo({ consoleDir, databaseUrl, serverUrl, database, temporalAddress: temporal.address, workflowBundlePath, workDir, smtpUrl: mailpit?.smtpUrl, mailpitUrl: mailpit?.httpUrl });
}
