import { Client } from 'pg';

/** Where and how a process opens its LISTEN connection. */
export interface ListenConnectionOptions {
  connectionString: string;
  applicationName: string;
  /** Give up opening the connection after this long (default 5 s). */
  connectTimeoutMs?: number;
}

export interface ListenConnection {
  client: Client;
  /** Resolves once the connection listens on the channel; rejects when opening it fails. */
  ready: Promise<void>;
}

/**
 * A dedicated connection LISTENing on one channel: `onPayload` hears each non-empty payload on
 * it, `onLost` hears the connection fail or end (with the error, if any). Keep-alive is on: a
 * half-open connection would otherwise go unnoticed, and whoever trusts it would go on trusting.
 * What a lost connection means (wake the waiters, forget a cache) and closing it are the caller's.
 */
export function openListenConnection(
  options: ListenConnectionOptions,
  channel: string,
  onPayload: (payload: string) => void,
  onLost: (error?: Error) => void,
): ListenConnection {
  const client = new Client({
    connectionString: options.connectionString,
    application_name: options.applicationName,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    keepAlive: true,
  });
  client.on('notification', (message) => {
    if (message.channel === channel && message.payload) onPayload(message.payload);
  });
  client.on('error', (error) => onLost(error));
  client.on('end', () => onLost());
  const ready = client
    .connect()
    .then(() => client.query(`LISTEN ${channel}`))
    .then(() => undefined);
  return { client, ready };
}
