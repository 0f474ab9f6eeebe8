import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A worker has no HTTP API, yet orchestrators (Docker HEALTHCHECK, Kubernetes probes) need to ask
 * whether it is alive. `GET /health` answers 200 with the state while `isHealthy()` holds (the
 * worker is polling) and 503 otherwise (starting, draining after SIGTERM, failed).
 */
export async function startHealthServer(options: { host: string; port: number; state: () => string; isHealthy: () => boolean }): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url !== '/health' && req.url !== '/health/ready')) {
      res.writeHead(404).end();
      return;
    }
    const healthy = options.isHealthy();
    res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable', worker: options.state() }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
