/*
 * Component tests in jsdom. Taro components run as their H5 build does: `@tarojs/components`
 * is the React wrapper of the web components, `@tarojs/taro` is the H5 API (storage on
 * localStorage).
 */
// Taro's packages and many of their dependencies ship ES modules only; compiling all of
// node_modules with swc is simpler than chasing them, and swc caches the result.
const alreadyCommonJs = ['react', 'react-dom', 'scheduler', 'zod', '@testing-library', 'jsdom']

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/after-env.ts'],
  transform: {
    '^.+\\.(t|j|mj|cj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(${alreadyCommonJs.join('|')})/`],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/taro.ts',
    '\\.(scss|css)$': '<rootDir>/test/style-stub.ts',
    '\\.png$': '<rootDir>/test/file-stub.ts',
  },
}
