/** Browser smoke tests of the H5 build. Needs a running server: BASE_URL (default BFF address). */
module.exports = {
  rootDir: __dirname,
  testEnvironment: '<rootDir>/environment.cjs',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' } } }] },
  setupFilesAfterEnv: ['<rootDir>/setup.ts'],
  testTimeout: 90_000,
  testSequencer: '<rootDir>/sequencer.cjs',
}
