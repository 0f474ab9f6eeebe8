import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTemporalSchema,
  ensureDatabase,
  ensureTemporalCli,
  ensureTemporalServer,
  freePort,
  startEmbeddedPostgres,
  startTemporalServer,
  temporalPostgresFromUrl,
  RunningPostgres,
  RunningTemporalServer,
  TemporalServerBinaries,
} from '@dueflow/stack';
import { createDataSource, runMigrations, seedDemoAccounts, DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';
import { TopologyBuild, buildForTopology, removeBuild } from './build';
import { saveTopologyStack } from './topology-stack';

declare global {
  var __dueflowTopology: { postgres: RunningPostgres; temporal: RunningTemporalServer | null } | undefined;
}

const log = (message: string) => process.stderr.write(`[topology] ${message}\n`);

/** History shards: the unit of write parallelism in a Temporal cluster; more than one proves routing across them. */
const SHARDS = Number(process.env['DUEFLOW_TOPOLOGY_SHARDS'] ?? 4);

/**
 * The production topology on one machine, without Docker: a dedicated embedded PostgreSQL holding
 * Temporal's two databases and dueflow's, and a Temporal server (frontend, history, matching,
 * worker services) built from its Go module, persisting there. The suites start api and worker
 * processes against it themselves.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  // Built before anything starts: the build saturates the CPU.
  const [binaries, cli] = await Promise.all([ensureTemporalServer(log), ensureTemporalCli(log)]);
  const build = await buildForTopology(log);

  const workDir = mkdtempSync(join(tmpdir(), 'dueflow-topology-'));
  chmodSync(workDir, 0o755); // the embedded PostgreSQL runs as `postgres` when we are root
  const postgresPort = await freePort();
  const postgres = await startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port: postgresPort, log });
  globalThis.__dueflowTopology = { postgres, temporal: null };
  try {
    await startTheRest(postgres, postgresPort, binaries, cli, workDir, build, started);
  } catch (error) {
    // Jest runs no teardown after a failed setup: nothing may outlive it.
    await globalThis.__dueflowTopology.temporal?.stop();
    await postgres.stop();
    removeBuild(build);
    throw error;
  }
}

async function startTheRest(
  postgres: RunningPostgres,
  postgresPort: number,
  binaries: TemporalServerBinaries,
  cli: string,
  workDir: string,
  build: TopologyBuild,
  started: number,
): Promise<void> {
  const target = temporalPostgresFromUrl(postgres.serverUrl);
  await createTemporalSchema({ sqlTool: binaries.sqlTool, postgres: target, log });
  const temporal = await startTemporalServer({
    binaries,
    cli,
    postgres: target,
    shards: SHARDS,
    dataDir: join(workDir, 'temporal'),
    logFile: join(workDir, 'temporal.log'),
    log,
  });
  globalThis.__dueflowTopology!.temporal = temporal;

  const databaseUrl = await ensureDatabase(postgres.serverUrl, 'dueflow');
  await runMigrations(databaseUrl);
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 1 });
  await dataSource.initialize();
  await seedDemoAccounts(dataSource, DEFAULT_DEMO_PASSWORD);
  await dataSource.destroy();

  saveTopologyStack({
    databaseUrl,
    serverUrl: postgres.serverUrl,
    postgresPort,
    temporalAddress: temporal.address,
    temporalShards: SHARDS,
    temporalServerPid: temporal.process.pid ?? -1,
    workDir,
    build,
  });
  log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s (work dir ${workDir})`);
}
