import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ACTION_INPUT_DEFAULTS,
  COMMAND_ACTION_ENTRY,
  commandActionFiles,
} from '../../../src/commands/command-actions.js';
import { ACTION_COMMANDS } from '../../../src/commands/registry.js';
import { inputSource, recordingIO } from '../../support/command-io.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const COMMANDS = [...ACTION_COMMANDS.values()].filter((c) => c.surfaces.includes('action'));

interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

function committed(path: string): string | undefined {
  const full = join(ROOT, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

describe('per-command actions', () => {
  it('are committed exactly as `npm run generate-actions` writes them', () => {
    const stale = commandActionFiles(COMMANDS)
      .filter((file) => committed(file.path) !== file.text)
      .map((file) => file.path);
    expect(stale, 'run npm run generate-actions and commit the result').toEqual([]);
  });

  it('exist for the ten action commands and for nothing else', () => {
    const dirs = readdirSync(ROOT, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, entry.name, 'action.yml')))
      .map((entry) => entry.name)
      .sort();
    expect(dirs).toEqual(
      [
        'analyze',
        'build',
        'compare',
        'finalize',
        'plan',
        'reconcile',
        'retry',
        'verify',
        'wait',
        'worker',
      ].sort(),
    );
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(dirs);
  });

  describe.each(COMMANDS.map((c) => [c.name, c] as const))('%s/action.yml', (name, command) => {
    const action = parse(committed(`${name}/action.yml`) ?? '{}') as ActionYml;

    it("lists exactly the command's inputs, the required ones marked, defaults as the root's", () => {
      expect(Object.keys(action.inputs)).toEqual(Object.keys(command.inputs));
      for (const [input, spec] of Object.entries(command.inputs)) {
        expect(action.inputs[input], input).toEqual({
          description: spec.description,
          required: spec.required === true,
          ...(ACTION_INPUT_DEFAULTS[input] !== undefined
            ? { default: ACTION_INPUT_DEFAULTS[input] }
            : {}),
        });
        // A required input with a default would never be missing: the runner would fill it in.
        if (spec.required) expect(ACTION_INPUT_DEFAULTS[input], input).toBeUndefined();
      }
    });

    it("lists exactly the command's outputs", () => {
      expect(action.outputs ?? {}).toEqual(
        Object.fromEntries(
          Object.entries(command.outputs).map(([output, description]) => [output, { description }]),
        ),
      );
    });

    it('runs on node24 from an entry that pins the command and loads the one bundle', () => {
      expect(action.runs).toEqual({ using: 'node24', main: COMMAND_ACTION_ENTRY });
      const entry = committed(`${name}/${COMMAND_ACTION_ENTRY}`) ?? '';
      expect(entry).toContain(`process.env.INPUT_COMMAND = ${JSON.stringify(name)};`);
      expect(entry).toContain('await import("../dist/index.js");');
    });
  });

  it('mark as required what the command cannot run without', () => {
    const required = Object.fromEntries(
      COMMANDS.map((c) => [
        c.name,
        Object.entries(c.inputs)
          .filter(([, spec]) => spec.required)
          .map(([input]) => input)
          .sort(),
      ]),
    );
    expect(required).toEqual({
      analyze: ['campaign-id', 'database-url'],
      wait: ['database-url', 'retry-campaign-id'],
      plan: [],
      build: ['images'],
      retry: ['database-url'],
      worker: ['database-url', 'retry-campaign-id'],
      compare: ['database-url', 'retry-campaign-id'],
      finalize: ['database-url', 'retry-campaign-id'],
      reconcile: ['database-url'],
      verify: ['test-commands'],
    });
  });

  it.each(COMMANDS.filter((c) => Object.values(c.inputs).some((spec) => spec.required)))(
    '$name fails before any side effect, naming a required input, when none is given',
    (command) => {
      const { io } = recordingIO({ surface: 'action', cwd: ROOT });
      const nothing = inputSource({});
      const required = Object.entries(command.inputs)
        .filter(([, spec]) => spec.required)
        .map(([input]) => input);
      let error: unknown;
      try {
        command.parse(nothing, io);
      } catch (thrown) {
        error = thrown;
      }
      // database-url's own error (DatabaseError) names the input as --database-url.
      expect(error).toBeInstanceOf(Error);
      expect(required.some((input) => (error as Error).message.includes(input))).toBe(true);
    },
  );
});
