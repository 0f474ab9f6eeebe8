/**
 * `npm run test:topology`: the production topology without Docker. A Temporal server built from its
 * Go module, on PostgreSQL with several history shards; two workers and two API instances as child
 * processes; one of each killed mid-run. Started once by test/topology/global-setup.ts.
 * Opt-in scale run: DUEFLOW_TOPOLOGY_SCALE=10000.
 */
const base = require('./jest.config.js');

const integration = base.projects.find((p) => p.displayName === 'integration');

module.exports = {
  rootDir: __dirname,
  transform: integration.transform,
  moduleNameMapper: integration.moduleNameMapper,
  moduleFileExtensions: integration.moduleFileExtensions,
  testEnvironment: 'node',
  displayName: 'topology',
  testMatch: ['<rootDir>/test/topology/**/*.topology-spec.ts'],
  globalSetup: '<rootDir>/test/topology/global-setup.ts',
  globalTeardown: '<rootDir>/test/topology/global-teardown.ts',
  // Hundreds of projects through real processes; the scale run sets its own, longer, timeout.
  testTimeout: 15 * 60_000,
};
