// One lint config for the shipped JS (extension/, www/) and the tests.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['**/pkg/**', 'dist/**', 'target/**', 'tests/fixtures/build/**', 'node_modules/**'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js', 'www/**/*.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions, ...globals.serviceworker },
    },
    rules: {
      // Page-derived text must never reach an HTML sink.
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Use textContent / DOM nodes.' },
        { property: 'outerHTML', message: 'Use textContent / DOM nodes.' },
        { property: 'insertAdjacentHTML', message: 'Use DOM nodes.' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['tools/**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['tests/**/*.{js,mjs,jsx}'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.node, ...globals.browser, ...globals.webextensions },
    },
  },
];
