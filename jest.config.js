/**
 * Three tiers: `unit` (pure code, no services), `integration` (real PostgreSQL and a real Temporal
 * dev server, started once by test/support/global-setup.ts) and `faults` (compiled api and worker
 * processes killed and restarted against servers the suite starts and restarts itself). Temporal
 * suites run serially: `npm test` passes --runInBand.
 */
const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] };
const moduleNameMapper = {
  '^@dueflow/(domain|contract|persistence|stack)$': '<rootDir>/libs/$1/src/index.ts',
  '^@dueflow/(api|worker)$': '<rootDir>/apps/$1/src/index.ts',
};
const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  // Integration suites wait for real timers (policy durations of a few seconds) and real servers.
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      // The browser suites (Playwright driving Chromium) use the same stack.
      testMatch: ['<rootDir>/workflows/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // Kills and restarts real processes and servers it starts itself; `npm run test:faults` runs the full size.
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
    },
  ],
};
