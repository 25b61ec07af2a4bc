// @ts-check
/**
 * ESLint (flat config): the JavaScript and typescript-eslint recommended rules everywhere, and the Office add-in rules
 * of eslint-plugin-office-addins on the code that talks to Office.js (load before read, sync after load, no
 * context.sync() inside a loop, null objects tested with isNullObject). `npm run lint`; run by .ci/run.
 * The plugin's own `recommended` preset is not used: it brings Prettier's formatting as errors, which this project does
 * not use; its rules are enabled one by one below.
 */
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const officeAddins = require('eslint-plugin-office-addins');
const reactHooks = require('eslint-plugin-react-hooks');

module.exports = tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test/e2e/.build/**', 'test-results/**', 'coverage/**', '**/*.min.js', 'assets/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.jest, Office: 'readonly', Excel: 'readonly', CustomFunctions: 'readonly', OfficeExtension: 'readonly' },
    },
  },
  {
    rules: {
      // the project's convention: a parameter or variable kept for its place (a callback's signature, a fake's method,
      // a skipped array slot) starts with "_"
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // the tests load the project's CommonJS scripts (scripts/*.js, the validator, the help page renderer) with require
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // React's two rules of hooks (the plugin's newer React Compiler rules are not enabled)
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // plain Node scripts and the browser suites' drivers are CommonJS
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // the Office.js code: the adapter, the pane's host, the ribbon commands, the Excel functions, the e2e harness
    files: ['src/excel/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts', 'src/functions/**/*.ts', 'test/e2e/harness/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
);
