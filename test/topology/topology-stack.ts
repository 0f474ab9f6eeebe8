import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopologyBuild } from './build';

/** What the topology's global setup started, handed to the suites (same process: --runInBand) and to teardown. */
export interface TopologyStackInfo {
  /** postgres://…/dueflow */
  databaseUrl: string;
  /** The embedded PostgreSQL, without a database. */
  serverUrl: string;
  postgresPort: number;
  temporalAddress: string;
  temporalShards: number;
  temporalServerPid: number;
  workDir: string;
  /** This run's own compiled api/worker (see build.ts). */
  build: TopologyBuild;
}

const ENV = 'DUEFLOW_TOPOLOGY_STACK';

export function saveTopologyStack(info: TopologyStackInfo): void {
  process.env[ENV] = join(info.workDir, 'topology-stack.json');
  writeFileSync(process.env[ENV], JSON.stringify(info, null, 2));
}

export function loadTopologyStack(): TopologyStackInfo {
  const file = process.env[ENV];
  if (!file || !existsSync(file)) throw new Error('the topology stack is not running: run `npx jest -c jest.topology.config.js` (its global setup starts it)');
  return JSON.parse(readFileSync(file, 'utf8')) as TopologyStackInfo;
}
