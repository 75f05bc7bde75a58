// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import fs from 'node:fs'

/*
 * The BFF's layers point one way: a feature (bff/src/<feature>/, and the composition root) uses
 * upstream/ and platform/; those two never import a feature, and only upstream/ adapters read the
 * upstream contracts (bff/contracts). Imports are relative, so a feature is matched by how many
 * `../` reach bff/src from the importing file's depth.
 */
const LAYERS = ['platform', 'upstream']
const featureNames = fs
  .readdirSync(new URL('./bff/src/', import.meta.url), { withFileTypes: true })
  .filter((entry) => !LAYERS.includes(entry.name))
  .map((entry) => entry.name.replace(/\.ts$/, ''))
const contractsImport = {
  regex: '^(\\.\\./)+contracts(/|$)',
  message: 'Only upstream adapters read bff/contracts; map to our own types in upstream/<port>/.',
}
const featureImport = (depth) => ({
  regex: `^(\\.\\./){${depth}}(${featureNames.join('|')})(/|\\.ts$|$)`,
  message:
    'platform/ and upstream/ never import a feature: move the type down, or wire it in the composition root.',
})
const bffLayerRules = [
  {
    files: ['bff/src/**/*.ts'],
    ignores: LAYERS.map((layer) => `bff/src/${layer}/**`),
    rules: { 'no-restricted-imports': ['error', { patterns: [contractsImport] }] },
  },
  ...[1, 2, 3, 4, 5].flatMap((depth) => [
    {
      files: [`bff/src/platform/${'*/'.repeat(depth - 1)}*.ts`],
      rules: {
        'no-restricted-imports': ['error', { patterns: [featureImport(depth), contractsImport] }],
      },
    },
    {
      files: [`bff/src/upstream/${'*/'.repeat(depth - 1)}*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: [featureImport(depth)] }] },
    },
  ]),
]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.test-data/**',
      'coverage/**',
      'babel.config.js',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['miniapp/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['scripts/**/*.ts', 'bff/bench/**/*.ts', '**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
  ...bffLayerRules,
  prettier,
)
