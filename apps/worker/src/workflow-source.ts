import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
