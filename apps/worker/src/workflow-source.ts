import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { BundleOptions } from '@temporalio/worker';

const ROOT = resolve(__dirname, '../../..');

/** Where the workflow code is, relative to this file, in source (tests) and in dist alike. */
export const WORKFLOWS_PATH = ['index.ts', 'index.js'].map((f) => join(ROOT, 'workflows/src', f)).find((f) => existsSync(f)) ?? join(ROOT, 'workflows/src/index.js');

/** Lets the bundler follow the workspace aliases when it bundles from TypeScript source. */
export const bundlerOptions: BundleOptions['webpackConfigHook'] = (config) => {
  config.resolve = config.resolve ?? {};
  config.resolve.alias = {
    ...(config.resolve.alias as Record<string, string> | undefined),
    '@dueflow/domain': join(ROOT, 'libs/domain/src/index'),
    '@dueflow/contract': join(ROOT, 'libs/contract/src/index'),
  };
  return config;
};

const noop = () => undefined;

/**
 * Bundles the workflow code into one file: the production worker loads it (WORKFLOW_BUNDLE_PATH),
 * and the test setup builds it once for every suite. Only bundler errors are reported.
 */
export async function writeWorkflowBundle(outFile: string, onError: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    webpackConfigHook: bundlerOptions,
    logger: { trace: noop, debug: noop, info: noop, warn: noop, error: onError, log: noop },
  });
  writeFileSync(outFile, code);
}
