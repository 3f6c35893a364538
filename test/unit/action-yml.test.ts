import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ANALYZE_OUTPUTS } from '../../src/commands/analyze.js';
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
      'target-win-rate': { default: '90' },
      'github-token': { default: '${{ github.token }}' },
      output: { default: 'issue' },
      labels: { default: 'campaign-diagnosis' },
      'dry-run': { default: 'false' },
    });
  });

  it('lists every command as a valid value of command', () => {
    for (const command of actionCommands)
      expect(action.inputs.command!.description).toContain(command.name);
  });

  it('keeps secrets without defaults and marks nothing required (inputs are validated by the command)', () => {
    expect(action.inputs['database-url']!.default).toBeUndefined();
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.required, name).toBe(false);
      expect(input.description?.trim(), name).toBeTruthy();
    }
  });

  it('documents exactly the outputs the analyze command sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...ANALYZE_OUTPUTS].sort());
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description?.trim(), name).toBeTruthy();
    }
  });

  it('runs the committed bundle on Node 24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
