// Three projects: `unit` (src/**/*.spec.ts, no cluster), `e2e` (test/**/*.e2e-spec.ts, against the
// local control plane that test/setup/global-setup.ts starts or reuses) and `run`, checks over the whole e2e run made after it.
/** @type {import('jest').Config['transform']} */
const transform = {
  '^.+\\.(t|j|mj|cj)s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
      },
      module: { type: 'commonjs' },
    },
  ],
};
// @kubernetes/client-node, NestJS 12 and several of their dependencies ship ES modules, which jest's
// CommonJS loader cannot require; swc turns every file into CommonJS (cached after the first run).
const transformIgnorePatterns = [];

/** @type {import('jest').Config} */
module.exports = {
  // e2e tests wait on real controllers (metrics-server needs two 15 s scrapes); unit tests are fast anyway.
  testTimeout: 150_000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      // After the e2e run, over all of it: the chart's RBAC against what the run asked of the API
      // server, and the run's log against the secrets it used.
      displayName: 'run',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.run-spec.ts'],
      transform,
      transformIgnorePatterns,
      testEnvironment: 'node',
    },
  ],
};
