import { rmSync } from 'node:fs';
import { removeBuild } from './build';
import { loadTopologyStack } from './topology-stack';

/** Stops Temporal before PostgreSQL (it would log connection errors the other way round). Keeps the logs with DUEFLOW_TOPOLOGY_KEEP=1. */
export default async function globalTeardown(): Promise<void> {
  const services = globalThis.__dueflowTopology;
  await services?.temporal?.stop();
  await services?.postgres.stop();
  const info = (() => {
    try {
      return loadTopologyStack();
    } catch {
      return null;
    }
  })();
  if (!info) return;
  removeBuild(info.build);
  if (process.env['DUEFLOW_TOPOLOGY_KEEP']) process.stderr.write(`[topology] kept ${info.workDir}\n`);
  else rmSync(info.workDir, { recursive: true, force: true });
}
