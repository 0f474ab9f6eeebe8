/**
 * How api and worker reach Temporal: the local dev server, a self-hosted cluster behind TLS/mTLS,
 * or Temporal Cloud (mTLS or an API key). One mapping from environment to connection options,
 * shared by `Connection.connect` (api) and `NativeConnection.connect` (worker), so the two can
 * never disagree about how to connect.
 *
 * The variable names are Temporal's own environment-configuration names (the CLI and the SDKs
 * read the same ones), so an operator's existing Temporal Cloud settings work unchanged.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Compose and process managers pass an unset `${VAR:-}` as ''; that means "not set" here. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Fields to spread into an app's config schema (`z.object({ ...temporalConnectionEnv, ... })`). */
export const temporalConnectionEnv = {
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Unset: TLS is on when any TLS setting or an API key is given. `false` forces plaintext. */
  TEMPORAL_TLS: optional(z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')),
  TEMPORAL_TLS_CLIENT_CERT_PATH: optional(z.string()),
  TEMPORAL_TLS_CLIENT_CERT_DATA: optional(z.string()),
  TEMPORAL_TLS_CLIENT_KEY_PATH: optional(z.string()),
  TEMPORAL_TLS_CLIENT_KEY_DATA: optional(z.string()),
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: optional(z.string()),
  TEMPORAL_TLS_SERVER_CA_CERT_DATA: optional(z.string()),
  TEMPORAL_TLS_SERVER_NAME: optional(z.string()),
  TEMPORAL_API_KEY: optional(z.string()),
};

export type TemporalConnectionEnv = z.output<z.ZodObject<typeof temporalConnectionEnv>>;

/** Structurally the SDKs' TLSConfig (client and worker accept the same shape). */
export interface TemporalTlsOptions {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

/** Accepted as is by both `Connection.connect` and `NativeConnection.connect`. */
export interface TemporalConnectionOptions {
  address: string;
  /** Absent: plaintext. `{}`: TLS against the system's trusted roots (Temporal Cloud). */
  tls?: TemporalTlsOptions;
  apiKey?: string;
}

/** A Temporal setting that cannot work; `variable` is the environment variable to fix. */
export class TemporalConnectionConfigError extends Error {
  constructor(
    readonly variable: keyof TemporalConnectionEnv,
    readonly reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'TemporalConnectionConfigError';
  }
}

type PemSetting = 'TEMPORAL_TLS_CLIENT_CERT' | 'TEMPORAL_TLS_CLIENT_KEY' | 'TEMPORAL_TLS_SERVER_CA_CERT';

/**
 * One PEM from `<NAME>_PATH` (a file) or `<NAME>_DATA` (inline; a literal `\n` counts as a line
 * break, since env files and many secret stores hold one line only).
 */
function readPem(env: TemporalConnectionEnv, name: PemSetting, readFile: (path: string) => Buffer): Buffer | undefined {
  const pathVar = `${name}_PATH` as const;
  const dataVar = `${name}_DATA` as const;
  const path = env[pathVar];
  const data = env[dataVar];
  if (path !== undefined && data !== undefined) throw new TemporalConnectionConfigError(dataVar, `set either ${pathVar} or ${dataVar}, not both`);
  if (path === undefined && data === undefined) return undefined;
  let pem: Buffer;
  if (path !== undefined) {
    try {
      pem = readFile(path);
    } catch (error) {
      throw new TemporalConnectionConfigError(pathVar, `cannot read ${path} (${error instanceof Error ? error.message : String(error)})`);
    }
  } else {
    pem = Buffer.from((data as string).replace(/\\n/g, '\n'), 'utf8');
  }
  if (!pem.toString('utf8').includes('-----BEGIN ')) throw new TemporalConnectionConfigError(path !== undefined ? pathVar : dataVar, 'is not PEM (no "-----BEGIN" line)');
  return pem;
}

/**
 * The connection options the environment asks for. Throws {@link TemporalConnectionConfigError}
 * naming the variable when settings contradict each other or a certificate cannot be read.
 */
export function temporalConnectionOptions(
  env: TemporalConnectionEnv,
  readFile: (path: string) => Buffer = (path) => readFileSync(path),
): TemporalConnectionOptions {
  const crt = readPem(env, 'TEMPORAL_TLS_CLIENT_CERT', readFile);
  const key = readPem(env, 'TEMPORAL_TLS_CLIENT_KEY', readFile);
  const ca = readPem(env, 'TEMPORAL_TLS_SERVER_CA_CERT', readFile);
  // mTLS needs both halves; half a pair is always a mistake, so say which half is missing.
  if (crt && !key) throw new TemporalConnectionConfigError('TEMPORAL_TLS_CLIENT_KEY_PATH', 'a client certificate needs its key (TEMPORAL_TLS_CLIENT_KEY_PATH or _DATA)');
  if (key && !crt) throw new TemporalConnectionConfigError('TEMPORAL_TLS_CLIENT_CERT_PATH', 'a client key needs its certificate (TEMPORAL_TLS_CLIENT_CERT_PATH or _DATA)');
  const serverName = env.TEMPORAL_TLS_SERVER_NAME;
  const hasTlsSettings = Boolean(crt || ca || serverName);
  if (env.TEMPORAL_TLS === false && hasTlsSettings) {
    throw new TemporalConnectionConfigError('TEMPORAL_TLS', 'is false, but TLS certificates or a server name are set');
  }
  // Like Temporal's own clients: an API key implies TLS unless TLS is explicitly turned off.
  const tlsOn = env.TEMPORAL_TLS ?? (hasTlsSettings || env.TEMPORAL_API_KEY !== undefined);
  const options: TemporalConnectionOptions = { address: env.TEMPORAL_ADDRESS };
  if (tlsOn) {
    options.tls = {
      ...(serverName ? { serverNameOverride: serverName } : {}),
      ...(ca ? { serverRootCACertificate: ca } : {}),
      ...(crt && key ? { clientCertPair: { crt, key } } : {}),
    };
  }
  if (env.TEMPORAL_API_KEY !== undefined) options.apiKey = env.TEMPORAL_API_KEY;
  return options;
}

/**
 * For an app config's `.transform`: the options, or `undefined` after recording an issue on the
 * offending variable (the app then reports it with every other bad field).
 */
export function temporalConnectionFromConfig(env: TemporalConnectionEnv, ctx: z.RefinementCtx): TemporalConnectionOptions | undefined {
  try {
    return temporalConnectionOptions(env);
  } catch (error) {
    if (!(error instanceof TemporalConnectionConfigError)) throw error;
    ctx.addIssue({ code: 'custom', path: [error.variable], message: error.reason });
    return undefined;
  }
}

/** Where to point a log line: never the API key or the certificates themselves. */
export function describeTemporalConnection(options: TemporalConnectionOptions): string {
  const auth = [options.tls?.clientCertPair ? 'mTLS' : options.tls ? 'TLS' : 'plaintext', ...(options.apiKey ? ['API key'] : [])];
  return `${options.address} (${auth.join(', ')})`;
}
