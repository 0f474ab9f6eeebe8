import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  TemporalConnectionConfigError,
  describeTemporalConnection,
  temporalConnectionEnv,
  temporalConnectionFromConfig,
  temporalConnectionOptions,
} from './temporal-connection';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIBclient\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIEkey\n-----END PRIVATE KEY-----\n';
const CA = '-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----\n';

/** An app-like schema: the shared fields plus the shared transform, as api and worker use them. */
const appSchema = z.object({ ...temporalConnectionEnv }).transform((env, ctx) => {
  const temporalConnection = temporalConnectionFromConfig(env, ctx);
  return temporalConnection ? { ...env, temporalConnection } : z.NEVER;
});

function options(env: Record<string, string>) {
  return temporalConnectionOptions(z.object(temporalConnectionEnv).parse(env));
}

function rejection(env: Record<string, string>): { variable: string; reason: string } {
  try {
    options(env);
  } catch (error) {
    if (error instanceof TemporalConnectionConfigError) return { variable: error.variable, reason: error.reason };
    throw error;
  }
  throw new Error('expected the settings to be rejected');
}

describe('temporal connection from the environment', () => {
  let dir: string;
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dueflow-tls-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to the local dev server, plaintext, namespace default', () => {
    const env = z.object(temporalConnectionEnv).parse({});
    expect(env.TEMPORAL_NAMESPACE).toBe('default');
    expect(temporalConnectionOptions(env)).toEqual({ address: '127.0.0.1:7233' });
  });

  it('treats empty values (compose `${VAR:-}`) as unset', () => {
    expect(options({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS: '', TEMPORAL_API_KEY: '', TEMPORAL_TLS_CLIENT_CERT_PATH: '' })).toEqual({
      address: 'temporal:7233',
    });
  });

  it('reads an mTLS pair and the server CA from files, with the server name override', () => {
    const result = options({
      TEMPORAL_ADDRESS: 'prod.a1b2c.tmprl.cloud:7233',
      TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem', CERT),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key', KEY),
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca.pem', CA),
      TEMPORAL_TLS_SERVER_NAME: 'frontend.internal',
    });
    expect(result.address).toBe('prod.a1b2c.tmprl.cloud:7233');
    expect(result.apiKey).toBeUndefined();
    expect(result.tls?.serverNameOverride).toBe('frontend.internal');
    expect(result.tls?.clientCertPair?.crt.toString()).toBe(CERT);
    expect(result.tls?.clientCertPair?.key.toString()).toBe(KEY);
    expect(result.tls?.serverRootCACertificate?.toString()).toBe(CA);
    expect(describeTemporalConnection(result)).toBe('prod.a1b2c.tmprl.cloud:7233 (mTLS)');
  });

  it('takes inline PEM, with literal \\n as line breaks (one-line env files)', () => {
    const result = options({
      TEMPORAL_TLS_CLIENT_CERT_DATA: CERT.replace(/\n/g, '\\n'),
      TEMPORAL_TLS_CLIENT_KEY_DATA: KEY,
    });
    expect(result.tls?.clientCertPair?.crt.toString()).toBe(CERT);
    expect(result.tls?.clientCertPair?.key.toString()).toBe(KEY);
  });

  it('an API key turns TLS on against the system roots (Temporal Cloud), never logged', () => {
    const result = options({ TEMPORAL_ADDRESS: 'us-east-1.aws.api.temporal.io:7233', TEMPORAL_API_KEY: 'secret-key' });
    expect(result).toEqual({ address: 'us-east-1.aws.api.temporal.io:7233', tls: {}, apiKey: 'secret-key' });
    expect(describeTemporalConnection(result)).toBe('us-east-1.aws.api.temporal.io:7233 (TLS, API key)');
  });

  it('TEMPORAL_TLS=false keeps an API key on plaintext (a local proxy); TEMPORAL_TLS=true alone means TLS', () => {
    expect(options({ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' })).toEqual({ address: '127.0.0.1:7233', apiKey: 'k' });
    expect(options({ TEMPORAL_TLS: 'true' })).toEqual({ address: '127.0.0.1:7233', tls: {} });
    expect(options({ TEMPORAL_TLS: '1' }).tls).toEqual({});
  });

  it.each([
    ['a certificate without its key', { TEMPORAL_TLS_CLIENT_CERT_DATA: CERT }, 'TEMPORAL_TLS_CLIENT_KEY_PATH', /needs its key/],
    ['a key without its certificate', { TEMPORAL_TLS_CLIENT_KEY_DATA: KEY }, 'TEMPORAL_TLS_CLIENT_CERT_PATH', /needs its certificate/],
    [
      'a certificate both as a path and inline',
      { TEMPORAL_TLS_CLIENT_CERT_DATA: CERT, TEMPORAL_TLS_CLIENT_CERT_PATH: '/x.pem', TEMPORAL_TLS_CLIENT_KEY_DATA: KEY },
      'TEMPORAL_TLS_CLIENT_CERT_DATA',
      /not both/,
    ],
    ['TLS off with a server CA', { TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_CA_CERT_DATA: CA }, 'TEMPORAL_TLS', /is false/],
    ['TLS off with a server name', { TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_NAME: 'x' }, 'TEMPORAL_TLS', /is false/],
    ['inline data that is not PEM', { TEMPORAL_TLS_SERVER_CA_CERT_DATA: 'MIIB-base64-without-armor' }, 'TEMPORAL_TLS_SERVER_CA_CERT_DATA', /not PEM/],
  ])('rejects %s', (_label, env, variable, reason) => {
    const got = rejection(env as Record<string, string>);
    expect(got.variable).toBe(variable);
    expect(got.reason).toMatch(reason);
  });

  it('names the _PATH variable when its file cannot be read or is not PEM', () => {
    const missing = rejection({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(dir, 'nope.pem') });
    expect(missing.variable).toBe('TEMPORAL_TLS_SERVER_CA_CERT_PATH');
    expect(missing.reason).toMatch(/cannot read .*nope\.pem/);
    const garbage = rejection({ TEMPORAL_TLS_CLIENT_CERT_PATH: file('c.der', 'binary'), TEMPORAL_TLS_CLIENT_KEY_DATA: KEY });
    expect(garbage.variable).toBe('TEMPORAL_TLS_CLIENT_CERT_PATH');
  });

  it('in an app schema, becomes a validation issue on the variable, beside the app’s own issues', () => {
    const parsed = appSchema.safeParse({ TEMPORAL_TLS: 'maybe' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['TEMPORAL_TLS']);
    const bad = appSchema.safeParse({ TEMPORAL_TLS_CLIENT_KEY_DATA: KEY });
    expect(bad.error?.issues).toEqual([expect.objectContaining({ path: ['TEMPORAL_TLS_CLIENT_CERT_PATH'], message: expect.stringMatching(/needs its certificate/) })]);
    const good = appSchema.parse({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_NAMESPACE: 'dueflow' });
    expect(good.temporalConnection).toEqual({ address: 'temporal:7233' });
    expect(good.TEMPORAL_NAMESPACE).toBe('dueflow');
  });
});
