/**
 * One action per command (`analyze/action.yml`, `wait/action.yml`, …), written from the registry by
 * `npm run generate-actions`: each lists only its command's inputs and outputs, marks the required
 * ones, and runs the one committed bundle with its command pinned by a two-line entry beside it.
 */
import type { AnyCommand } from './command.js';
import { DEFAULT_LABELS } from './common-inputs.js';

/**
 * Defaults every action.yml gives (root and per command). The runner then sets these inputs on
 * every run, so they never count as "given but ignored".
 */
export const ACTION_INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  'github-token': '${{ github.token }}',
  output: 'issue',
  labels: DEFAULT_LABELS,
  'dry-run': 'false',
  'fail-on': 'never',
};

export const COMMAND_ACTION_ENTRY = 'main.js';

export interface GeneratedFile {
  /** Relative to the repository root, POSIX separators. */
  path: string;
  text: string;
}

const HEADER = `# Generated from the command registry (src/commands/) by \`npm run generate-actions\`; do not edit.`;

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const quoted = (text: string): string => JSON.stringify(text);

function inputLines(command: AnyCommand): string[] {
  return Object.entries(command.inputs).flatMap(([name, spec]) => {
    const fallback = ACTION_INPUT_DEFAULTS[name];
    return [
      `  ${name}:`,
      `    description: ${quoted(spec.description)}`,
      `    required: ${spec.required === true}`,
      ...(fallback === undefined ? [] : [`    default: ${quoted(fallback)}`]),
    ];
  });
}

function outputLines(command: AnyCommand): string[] {
  return Object.entries(command.outputs).flatMap(([name, description]) => [
    `  ${name}:`,
    `    description: ${quoted(description)}`,
  ]);
}

function commandActionYml(command: AnyCommand): string {
  const outputs = outputLines(command);
  return [
    HEADER,
    `# The root action.yml runs the same bundle with a \`command\` input.`,
    `name: ${quoted(`iterate-campaign ${command.name}`)}`,
    `description: ${quoted(command.description)}`,
    'author: iterate-campaign',
    'inputs:',
    ...inputLines(command),
    ...(outputs.length > 0 ? ['outputs:', ...outputs] : ['outputs: {}']),
    'runs:',
    '  using: node24',
    `  main: ${COMMAND_ACTION_ENTRY}`,
    '',
  ].join('\n');
}

/**
 * The entry the runner starts: pins the command, then loads the bundle the root action runs (its
 * `run()` reads `command` like any input). Runtime inputs cannot override the pin.
 */
function commandActionEntry(command: AnyCommand): string {
  return [
    HEADER.replace(/^#/, '//'),
    `process.env.INPUT_COMMAND = ${quoted(command.name)};`,
    'await import("../dist/index.js");',
    '',
  ].join('\n');
}

export function commandActionFiles(commands: Iterable<AnyCommand>): GeneratedFile[] {
  return [...commands]
    .filter((command) => command.surfaces.includes('action'))
    .flatMap((command) => [
      { path: `${command.name}/action.yml`, text: commandActionYml(command) },
      { path: `${command.name}/${COMMAND_ACTION_ENTRY}`, text: commandActionEntry(command) },
    ]);
}
