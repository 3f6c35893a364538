import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyzeCommand } from '../../src/commands/analyze.js';
import { ANALYZE_OUTPUTS } from '../../src/commands/analyze-inputs.js';
import { ACTION_COMMANDS } from '../../src/commands/registry.js';
import { INPUTS_WITH_DEFAULTS } from '../../src/main.js';

interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

interface ActionYml {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
}

const action = parse(
  readFileSync(new URL('../../action.yml', import.meta.url), 'utf8'),
) as ActionYml;
/** Literal names passed to setOutput in src/commands (dynamic ones, like digest-<name>, excluded). */
function outputsSetBySources(): Set<string> {
  const dir = new URL('../../src/commands/', import.meta.url);
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'demo.ts')) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    for (const match of source.matchAll(/setOutput\((?:io, )?'([a-z0-9-]+)'/g))
      names.add(match[1]!);
  }
  return names;
}

const actionCommands = [...ACTION_COMMANDS.values()].filter((c) => c.surfaces.includes('action'));

describe('action.yml', () => {
  it('declares exactly the inputs of the action-surface commands, plus command', () => {
    const declared = new Set(actionCommands.flatMap((c) => Object.keys(c.inputs)));
    expect(Object.keys(action.inputs).sort()).toEqual([...declared, 'command'].sort());
  });

  it('gives defaults to exactly the inputs main.ts never warns about', () => {
    const withDefaults = Object.entries(action.inputs)
      .filter(([, input]) => input.default !== undefined)
      .map(([name]) => name);
    expect(withDefaults.sort()).toEqual([...INPUTS_WITH_DEFAULTS].sort());
  });

  it('uses the documented defaults', () => {
    expect(action.inputs).toMatchObject({
      command: { default: 'analyze' },
      'fail-on': { default: 'never' },
      'github-token': { default: '${{ github.token }}' },
      output: { default: 'issue' },
      labels: { default: 'campaign-diagnosis' },
      'dry-run': { default: 'false' },
    });
    // No default: the config's targets.default applies when the input is not given.
    expect(action.inputs['target-win-rate']).not.toHaveProperty('default');
  });

  it('lists every command as a valid value of command', () => {
    for (const command of actionCommands)
      expect(action.inputs.command!.description).toContain(command.name);
  });

  it('keeps secrets without defaults and marks nothing required (inputs are validated by the command)', () => {
    const secrets = actionCommands.flatMap((c) =>
      Object.entries(c.inputs).filter(([, spec]) => spec.secret),
    );
    for (const [name] of secrets.filter(([name]) => name !== 'github-token')) {
      expect(action.inputs[name]!.default, name).toBeUndefined();
    }
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.required, name).toBe(false);
      expect(input.description?.trim(), name).toBeTruthy();
    }
  });

  it("documents every output the commands declare and set, analyze's included", () => {
    const documented = Object.keys(action.outputs);
    const declared = new Set(actionCommands.flatMap((c) => Object.keys(c.outputs)));
    expect(Object.keys(analyzeCommand.outputs)).toEqual([...ANALYZE_OUTPUTS]);
    expect(documented.sort()).toEqual([...declared].sort());
    expect([...declared].sort()).toEqual([...outputsSetBySources()].sort());
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description?.trim(), name).toBeTruthy();
    }
  });

  it('runs the committed bundle on Node 24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
