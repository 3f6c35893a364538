import { describe, expect, test } from 'vitest';
import { defineCommand, type CommandIO, type InputSource } from '../../../src/commands/command.js';
import { runCommand } from '../../../src/commands/run-command.js';
import { InputError } from '../../../src/core/inputs.js';
import { memoryLogger, SecretMasker, type MemoryLogger } from '../../../src/logger.js';

const events: string[] = [];
const probe = defineCommand<{ id: number }>({
  name: 'probe',
  description: 'records when it parses and runs',
  surfaces: ['action', 'cli'],
  outputs: {},
  inputs: {
    id: { description: 'an id' },
    token: { description: 'a secret', secret: true },
    unused: { description: 'not given' },
  },
  parse(inputs) {
    const id = Number(inputs.get('id'));
    if (!Number.isInteger(id)) throw new InputError(`Invalid id: '${inputs.get('id')}'`);
    events.push('parse');
    return { id };
  },
  async run(_parsed, io) {
    events.push(`run after: ${(io.logger as MemoryLogger).lines.at(-1) ?? 'nothing'}`);
  },
});

function source(values: Record<string, string>): InputSource {
  return { get: (name) => values[name], givenNames: () => Object.keys(values) };
}

function io(surface: 'action' | 'cli'): CommandIO & { logger: ReturnType<typeof memoryLogger> } {
  const masker = new SecretMasker();
  return {
    surface,
    logger: memoryLogger(masker),
    masker,
    env: {},
    cwd: '/',
    setOutput: () => undefined,
    appendSummary: async () => undefined,
    print: () => undefined,
  };
}

const registry = new Map([['probe', probe]]);

describe('runCommand start line', () => {
  test('in a workflow: once the inputs are valid, before the run, without secrets', async () => {
    events.length = 0;
    const action = io('action');
    await runCommand(registry, 'probe', source({ id: '7', token: 'hunter22' }), action);
    expect(events).toEqual(['parse', 'run after: info: Running probe (id=7)']);
    expect(action.logger.text()).not.toContain('hunter22');
  });

  test('not when an input is invalid, nor in a terminal', async () => {
    const action = io('action');
    await expect(runCommand(registry, 'probe', source({ id: 'x' }), action)).rejects.toThrow(
      "Invalid id: 'x'",
    );
    expect(action.logger.lines).toEqual([]);
    const cli = io('cli');
    await runCommand(registry, 'probe', source({ id: '7' }), cli);
    expect(cli.logger.lines).toEqual([]);
  });
});
