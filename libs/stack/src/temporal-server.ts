import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { StackLog, stderrLog } from './log';
import { GaveUp, isPortOpen, waitFor } from './ports';
import { cacheRoot, goInstall, isExecutable } from './go-install';
import { superviseChild } from './supervised-child';

/**
 * The Temporal server release dueflow builds: the one the Temporal CLI v1.5.1 embeds, so its
 * module graph is already in the Go module cache once the CLI is built, and its go.mod carries no
 * `replace` directive (so `go install module@version` works).
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';
/** Package → the name dueflow caches its binary under. */
const PACKAGES: Array<{ pkg: string; built: string; cached: keyof TemporalServerBinaries; file: string }> = [
  { pkg: `${MODULE}/cmd/server`, built: 'server', cached: 'server', file: 'temporal-server' },
  { pkg: `${MODULE}/cmd/tools/sql`, built: 'sql', cached: 'sqlTool', file: 'temporal-sql-tool' },
];
/** Embedded schema directories inside the sql tool (`--schema-name`). */
const SCHEMA_NAMES = { main: 'postgresql/v12/temporal', visibility: 'postgresql/v12/visibility' } as const;

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

export function cachedTemporalServerDir(): string {
  return join(cacheRoot(), 'temporal-server', TEMPORAL_SERVER_VERSION);
}

/**
 * `TEMPORAL_SERVER_BIN` (and `TEMPORAL_SQL_TOOL`, defaulting to `temporal-sql-tool` beside the
 * server binary), then the cache; null when either binary is missing.
 */
export function findTemporalServer(): TemporalServerBinaries | null {
  const fromEnv = process.env['TEMPORAL_SERVER_BIN'];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`TEMPORAL_SERVER_BIN=${fromEnv} is not an executable file`);
    const sqlTool = process.env['TEMPORAL_SQL_TOOL'] || join(dirname(fromEnv), 'temporal-sql-tool');
    if (!isExecutable(sqlTool)) throw new Error(`${sqlTool} is not an executable file; set TEMPORAL_SQL_TOOL to Temporal's SQL schema tool`);
    return { server: fromEnv, sqlTool };
  }
  const dir = cachedTemporalServerDir();
  const cached = { server: join(dir, 'temporal-server'), sqlTool: join(dir, 'temporal-sql-tool') };
  return isExecutable(cached.server) && isExecutable(cached.sqlTool) ? cached : null;
}

/**
 * Finds the Temporal server and its SQL schema tool, or builds both once into the cache with
 * `go install` (several minutes the first time, at low CPU priority; progress is printed).
 */
export async function ensureTemporalServer(log: StackLog = stderrLog): Promise<TemporalServerBinaries> {
  const found = findTemporalServer();
  if (found) return found;
  const dir = cachedTemporalServerDir();
  await goInstall(
    {
      label: `the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL schema tool`,
      packages: PACKAGES.map((p) => `${p.pkg}@${TEMPORAL_SERVER_VERSION}`),
      outputs: Object.fromEntries(PACKAGES.map((p) => [p.built, join(dir, p.file)])),
      otherwise: `set TEMPORAL_SERVER_BIN=/path/to/temporal-server (with temporal-sql-tool beside it, or TEMPORAL_SQL_TOOL), or place both in ${dir}.`,
    },
    log,
  );
  return { server: join(dir, 'temporal-server'), sqlTool: join(dir, 'temporal-sql-tool') };
}

/** Where and as whom the Temporal server reaches PostgreSQL. */
export interface TemporalPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface TemporalDatabases {
  /** History, executions, task queues, namespaces. */
  main: string;
  /** Workflow listing and search. */
  visibility: string;
}

export const DEFAULT_TEMPORAL_DATABASES: TemporalDatabases = { main: 'temporal', visibility: 'temporal_visibility' };

/** Reads host, port, user and password out of `postgres://user:password@host:port`. */
export function temporalPostgresFromUrl(serverUrl: string): TemporalPostgres {
  const url = new URL(serverUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

export interface CreateTemporalSchemaOptions {
  sqlTool: string;
  postgres: TemporalPostgres;
  databases?: TemporalDatabases;
  log?: StackLog;
}

/**
 * Creates both Temporal databases and brings their schema to the newest version the tool embeds
 * (`setup-schema -v 0.0`, then `update-schema`). Safe to run again: an existing database and an
 * up-to-date schema are left as they are.
 */
export async function createTemporalSchema(options: CreateTemporalSchemaOptions): Promise<void> {
  const log = options.log ?? stderrLog;
  const databases = options.databases ?? DEFAULT_TEMPORAL_DATABASES;
  const started = Date.now();
  for (const [kind, database] of Object.entries(databases) as Array<[keyof TemporalDatabases, string]>) {
    const base = [
      '--plugin', 'postgres12',
      '--ep', options.postgres.host,
      '--port', String(options.postgres.port),
      '--user', options.postgres.user,
      '--db', database,
      '--quiet',
    ];
    const env = { SQL_PASSWORD: options.postgres.password };
    const exists = await runTool(options.sqlTool, [...base, 'create-database'], env, true);
    if (!exists.ok && !/already exists/i.test(exists.output)) throw new Error(`temporal-sql-tool create-database ${database} failed:\n${exists.output}`);
    // setup-schema only creates the versioning table; refused (harmlessly) when it exists already.
    const setup = await runTool(options.sqlTool, [...base, 'setup-schema', '-v', '0.0'], env, true);
    if (!setup.ok && !/already exists/i.test(setup.output)) throw new Error(`temporal-sql-tool setup-schema ${database} failed:\n${setup.output}`);
    await runTool(options.sqlTool, [...base, 'update-schema', '--schema-name', SCHEMA_NAMES[kind]], env, false);
  }
  log(`Temporal schema ready in ${Object.values(databases).join(', ')} (${Date.now() - started} ms)`);
}

function runTool(binary: string, args: string[], env: Record<string, string>, tolerate: boolean): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 || tolerate) resolve({ ok: code === 0, output });
      else reject(new Error(`${binary} ${args.filter((a) => a !== env['SQL_PASSWORD']).join(' ')} exited with code ${code}:\n${output}`));
    });
  });
}

/** The ports one server process listens on (gRPC and membership per service, plus the frontend's HTTP API). */
export interface TemporalServerPorts {
  frontend: number;
  frontendMembership: number;
  frontendHttp: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

/**
 * Free ports for one server. Below 32768: the server records its membership port in a PostgreSQL
 * `smallint` column (cluster_membership.rpc_port), and the kernel hands out ephemeral ports above that.
 */
export async function freeTemporalServerPorts(frontend?: number): Promise<TemporalServerPorts> {
  const ports = new Set<number>(frontend ? [frontend] : []);
  for (let tries = 0; ports.size < 9; tries++) {
    if (tries > 500) throw new Error('found no 9 free ports between 20000 and 32767 for the Temporal server');
    const candidate = 20_000 + Math.floor(Math.random() * 12_768);
    if (!ports.has(candidate) && (await canListen(candidate))) ports.add(candidate);
  }
  const [f, frontendMembership, frontendHttp, history, historyMembership, matching, matchingMembership, worker, workerMembership] = [...ports] as [
    number, number, number, number, number, number, number, number, number,
  ];
  return { frontend: f, frontendMembership, frontendHttp, history, historyMembership, matching, matchingMembership, worker, workerMembership };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export interface TemporalServerConfigOptions {
  postgres: TemporalPostgres;
  databases?: TemporalDatabases;
  /** Fixed for the life of the cluster: history shards are the unit of write parallelism. */
  shards: number;
  ports: TemporalServerPorts;
  dynamicConfigFile: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Connections per service per store; four services run in one process. */
  maxConns?: number;
}

/** YAML's double-quoted scalars are JSON strings. */
const q = (value: string | number) => JSON.stringify(String(value));

/**
 * The server's static config, in the shape of the server's own `development-postgres12.yaml`:
 * both stores on PostgreSQL, every service on 127.0.0.1, no archival, no metrics listener.
 */
export function temporalServerConfig(options: TemporalServerConfigOptions): string {
  const databases = options.databases ?? DEFAULT_TEMPORAL_DATABASES;
  const maxConns = options.maxConns ?? 20;
  const { ports } = options;
  const store = (database: string, conns: number) => [
    `      sql:`,
    `        pluginName: "postgres12"`,
    `        databaseName: ${q(database)}`,
    `        connectAddr: ${q(`${options.postgres.host}:${options.postgres.port}`)}`,
    `        connectProtocol: "tcp"`,
    `        user: ${q(options.postgres.user)}`,
    `        password: ${q(options.postgres.password)}`,
    `        maxConns: ${conns}`,
    `        maxIdleConns: ${conns}`,
    `        maxConnLifetime: "1h"`,
  ];
  const service = (name: string, grpc: number, membership: number, http?: number) => [
    `  ${name}:`,
    `    rpc:`,
    `      grpcPort: ${grpc}`,
    `      membershipPort: ${membership}`,
    `      bindOnIP: "127.0.0.1"`,
    ...(http ? [`      httpPort: ${http}`] : []),
  ];
  return [
    'log:',
    '  stdout: true',
    `  level: ${q(options.logLevel ?? 'warn')}`,
    '',
    'persistence:',
    '  defaultStore: postgres-default',
    '  visibilityStore: postgres-visibility',
    `  numHistoryShards: ${options.shards}`,
    '  datastores:',
    '    postgres-default:',
    ...store(databases.main, maxConns),
    '    postgres-visibility:',
    ...store(databases.visibility, Math.max(2, Math.ceil(maxConns / 4))),
    '',
    'global:',
    '  membership:',
    '    maxJoinDuration: 30s',
    '    broadcastAddress: "127.0.0.1"',
    '',
    'services:',
    ...service('frontend', ports.frontend, ports.frontendMembership, ports.frontendHttp),
    ...service('history', ports.history, ports.historyMembership),
    ...service('matching', ports.matching, ports.matchingMembership),
    ...service('worker', ports.worker, ports.workerMembership),
    '',
    'clusterMetadata:',
    '  enableGlobalNamespace: false',
    '  failoverVersionIncrement: 10',
    '  masterClusterName: "active"',
    '  currentClusterName: "active"',
    '  clusterInformation:',
    '    active:',
    '      enabled: true',
    '      initialFailoverVersion: 1',
    '      rpcName: "frontend"',
    `      rpcAddress: ${q(`127.0.0.1:${ports.frontend}`)}`,
    `      httpAddress: ${q(`127.0.0.1:${ports.frontendHttp}`)}`,
    '',
    'dcRedirectionPolicy:',
    '  policy: "noop"',
    '',
    'archival:',
    '  history:',
    '    state: "disabled"',
    '  visibility:',
    '    state: "disabled"',
    '',
    'namespaceDefaults:',
    '  archival:',
    '    history:',
    '      state: "disabled"',
    '    visibility:',
    '      state: "disabled"',
    '',
    'dynamicConfigClient:',
    `  filepath: ${q(options.dynamicConfigFile)}`,
    '  pollInterval: "10s"',
    '',
  ].join('\n');
}

/** Dynamic config: the dev server's own overrides (bigger history cache, more visibility RPS) and longer IDs. */
export function temporalDynamicConfig(): string {
  return [
    'limit.maxIDLength:',
    '  - value: 255',
    'history.hostLevelCacheMaxSize:',
    '  - value: 8192',
    'frontend.namespaceRPS.visibility:',
    '  - value: 100',
    'system.namespaceCacheRefreshInterval:',
    '  - value: "1s"',
    '',
  ].join('\n');
}

export interface TemporalServerOptions {
  binaries: TemporalServerBinaries;
  /** The Temporal CLI, used to register the namespace. */
  cli: string;
  postgres: TemporalPostgres;
  databases?: TemporalDatabases;
  shards: number;
  /** Free ports are picked when omitted. */
  ports?: TemporalServerPorts;
  /** Holds config/development.yaml and the dynamic config. */
  dataDir: string;
  logFile: string;
  namespace?: string;
  /** Namespace retention of closed workflows. */
  retention?: string;
  logLevel?: TemporalServerConfigOptions['logLevel'];
  log?: StackLog;
}

export interface RunningTemporalServer {
  address: string;
  namespace: string;
  ports: TemporalServerPorts;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `temporal-server start` (frontend, history, matching and worker services in one process)
 * on PostgreSQL whose schema `createTemporalSchema` made, waits for the frontend, and registers the
 * namespace when it is missing.
 */
export async function startTemporalServer(options: TemporalServerOptions): Promise<RunningTemporalServer> {
  const log = options.log ?? stderrLog;
  const namespace = options.namespace ?? 'default';
  const ports = options.ports ?? (await freeTemporalServerPorts());
  const configDir = join(options.dataDir, 'config');
  mkdirSync(configDir, { recursive: true });
  const dynamicConfigFile = join(configDir, 'dynamic.yaml');
  writeFileSync(dynamicConfigFile, temporalDynamicConfig());
  writeFileSync(
    join(configDir, 'development.yaml'),
    temporalServerConfig({ postgres: options.postgres, databases: options.databases, shards: options.shards, ports, dynamicConfigFile, logLevel: options.logLevel }),
    { mode: 0o600 },
  );
  const child = spawn(options.binaries.server, ['--root', options.dataDir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const supervised = superviseChild(child, options.logFile);
  const exited = supervised.exited;
  const address = `127.0.0.1:${ports.frontend}`;
  const stop = () => supervised.stop('SIGTERM', 20_000);
  const started = Date.now();
  try {
    await waitFor(`the Temporal server's frontend on port ${ports.frontend}`, async () => {
      if (exited()) throw new GaveUp(`the Temporal server exited early (code ${child.exitCode}); see ${options.logFile}`);
      return isPortOpen(ports.frontend);
    }, 120_000, 250);
    await ensureNamespace(options.cli, address, namespace, options.retention ?? '72h', exited, log);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Temporal server ${TEMPORAL_SERVER_VERSION} ready at ${address} (${options.shards} history shards on PostgreSQL ${options.postgres.host}:${options.postgres.port}, ${Date.now() - started} ms)`);
  return { address, namespace, ports, process: child, stop };
}

/** Registers the namespace (once), then waits until the frontend serves it. */
async function ensureNamespace(cli: string, address: string, namespace: string, retention: string, exited: () => boolean, log: StackLog): Promise<void> {
  const common = ['--address', address, '--namespace', namespace];
  const describe = () => runTool(cli, ['operator', 'namespace', 'describe', ...common], {}, true);
  // The frontend accepts connections a moment before its handlers (and membership) are ready.
  let known = false;
  await waitFor(`the Temporal frontend at ${address} to answer`, async () => {
    if (exited()) throw new GaveUp('the Temporal server exited');
    const result = await describe();
    if (result.ok) known = true;
    return result.ok || /not found/i.test(result.output);
  }, 60_000, 500);
  if (!known) {
    log(`Registering the Temporal namespace ${namespace}...`);
    const created = await runTool(cli, ['operator', 'namespace', 'create', ...common, '--retention', retention], {}, true);
    if (!created.ok && !/already (exists|registered)/i.test(created.output)) throw new Error(`temporal operator namespace create failed:\n${created.output}`);
  }
  // The namespace registry refreshes every second (dynamic config); a list goes through it.
  await waitFor(`the Temporal namespace ${namespace} to be served`, async () => {
    if (exited()) throw new GaveUp('the Temporal server exited');
    return (await runTool(cli, ['workflow', 'count', ...common], {}, true)).ok;
  }, 30_000, 500);
}
