import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH, bundlerOptions } from '@dueflow/worker';

const noop = () => undefined;

/** The production worker loads this file (WORKFLOW_BUNDLE_PATH) instead of bundling at start. */
export async function buildWorkflowBundle(outFile: string): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    webpackConfigHook: bundlerOptions,
    logger: { trace: noop, debug: noop, info: noop, warn: noop, error: (m: string) => process.stderr.write(`${m}\n`), log: noop },
  });
  writeFileSync(outFile, code);
}
