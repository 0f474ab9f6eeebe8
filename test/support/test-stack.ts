import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What global setup started, handed to the suites (same process: --runInBand) and to teardown. */
export interface TestStackInfo {
  databaseUrl: string;
  serverUrl: string;
  database: string;
  temporalAddress: string;
  workflowBundlePath: string;
  workDir: string;
  /** Mailpit's SMTP and HTTP API, when it could be built here. */
  smtpUrl?: string;
  mailpitUrl?: string;
  /** The console built from this checkout for this run (what the API serves at /app/). */
  consoleDir: string;
}

export function makeWorkDir(): string {
  return mkdtempSync(join(tmpdir(), 'dueflow-test-'));
}

export function saveStackInfo(info: TestStackInfo): void {
  process.env['DUEFLOW_TEST_STACK'] = join(info.workDir, 'stack.json');
  writeFileSync(process.env['DUEFLOW_TEST_STACK'], JSON.stringify(info));
}

export function loadStackInfo(): TestStackInfo {
  const file = process.env['DUEFLOW_TEST_STACK'];
  if (!file || !existsSync(file)) throw new Error('the test stack is not running: run the suites through jest (global setup starts it)');
  return JSON.parse(readFileSync(file, 'utf8')) as TestStackInfo;
}

export function removeWorkDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
