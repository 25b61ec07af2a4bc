/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // The pane tests render Fluent UI in jsdom: slow on a busy 2-core machine, so allow more than the default 5 s.
  testTimeout: 20000,
  roots: ['<rootDir>/test'],
  // TextEncoder/TextDecoder for the jsdom suites (src/io reads the fixtures with them)
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
};
