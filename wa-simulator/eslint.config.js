// The simulated WhatsApp Web client (browser ES modules) and its unit tests (Vitest, Node).
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['src/main/resources/static/wa/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The page's own UI is a classic script (it reads the client through window.__waClient).
    files: ['src/main/resources/static/wa/ui.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['src/test/js/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
];
