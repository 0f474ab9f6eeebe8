/**
 * The baseline's worker, run as a child process like dueflow's: default worker options, the bare
 * workflow bundle, no-op activities. Prints one JSON line when polling, then the running count of
 * activity calls whenever it changes (the bench waits on it instead of querying every workflow).
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { BareActivities } from './bare.workflow';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  let calls = 0;
  const activities: BareActivities = {
    noop: async (call) => {
      calls += 1;
      return call;
    },
  };
  const connection = await NativeConnection.connect({ address: env('TEMPORAL_ADDRESS') });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: env('BARE_TASK_QUEUE'),
    workflowBundle: { codePath: env('BARE_WORKFLOW_BUNDLE') },
    activities,
  });
  let reported = -1;
  const progress = setInterval(() => {
    if (calls === reported) return;
    reported = calls;
    process.stdout.write(`${JSON.stringify({ msg: 'bare progress', activities: calls })}\n`);
  }, 250);
  process.stdout.write(`${JSON.stringify({ msg: 'bare worker started' })}\n`);
  try {
    // Resolves after SIGTERM/SIGINT (the Runtime's shutdown signals) once in-flight tasks finish.
    await worker.run();
  } finally {
    clearInterval(progress);
    await connection.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bare worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
