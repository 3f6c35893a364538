import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // Edges own one system each: only src/db may import pg, only src/github Octokit, only src/images execa.
    files: ['src/**/*.ts'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['pg'], patterns: ['pg-*'] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/github/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@octokit/*'] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'pg', '@octokit/*', 'execa', '@actions/*', '../db/*', '../github/*', '../images/*'] },
      ],
    },
  },
);
