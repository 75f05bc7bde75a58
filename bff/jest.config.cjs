/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: false },
          target: 'es2022',
        },
      },
    ],
  },
  // file-type is published as ES modules only, with export conditions Jest's resolver does not
  // use: point Jest at its Node entry and let SWC compile it and its ES-module dependencies.
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  transformIgnorePatterns: [
    '/node_modules/(?!(file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)',
  ],
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/e2e/'],
}
