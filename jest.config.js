// Three levels, as in ../shared/notes/conventions.md: pure unit specs beside the code,
// integration specs on a real PostgreSQL (and Kafka), end-to-end specs through the HTTP API.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
// Pages are TSX rendered by Preact (tsconfig: jsx react-jsx, jsxImportSource preact).
const swcTsx = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', tsx: true, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic', importSource: 'preact' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
const moduleNameMapper = {
  '^@saydo/domain$': '<rootDir>/libs/domain/src',
  '^@saydo/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@saydo/event-store$': '<rootDir>/libs/event-store/src',
  '^@saydo/read-models$': '<rootDir>/libs/read-models/src',
  '^@saydo/platform$': '<rootDir>/libs/platform/src',
  '^@saydo/messaging$': '<rootDir>/libs/messaging/src',
};
const common = { transform: { '^.+\\.ts$': swc, '^.+\\.tsx$': swcTsx }, moduleNameMapper, testEnvironment: 'node' };
module.exports = {
  // A global option (not per project): integration and e2e tests start real servers.
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/apps/**/*.spec.tsx'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // Load and abuse acceptance runs with latency figures: outside npm test (npm run test:load), on a quiet machine.
    { ...common, displayName: 'load', testMatch: ['<rootDir>/test/load/**/*.load-spec.ts'] },
  ],
};
