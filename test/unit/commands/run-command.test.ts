import { describe, expect, test } from 'vitest';
import { defineCommand } from '../../../src/commands/command.js';
import { runCommand } from '../../../src/commands/run-command.js';
import { InputError } from '../../../src/core/inputs.js';
import type { MemoryLogger } from '../../../src/logger.js';
import { inputSource as source, recordingIO } from '../../support/command-io.js';

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

const registry = new Map([['probe', probe]]);

describe('runCommand start line', () => {
  test('in a workflow: once the inputs are valid, before the run, without secrets', async () => {
    events.length = 0;
    const action = recordingIO({ surface: 'action', cwd: '/' });
    await runCommand(registry, 'probe', source({ id: '7', token: 'hunter22' }), action.io);
    expect(events).toEqual(['parse', 'run after: info: Running probe (id=7)']);
    expect(action.logger.text()).not.toContain('hunter22');
  });

  test('not when an input is invalid, nor in a terminal', async () => {
    const action = recordingIO({ surface: 'action', cwd: '/' });
    await expect(runCommand(registry, 'probe', source({ id: 'x' }), action.io)).rejects.toThrow(
      "Invalid id: 'x'",
    );
    expect(action.logger.lines).toEqual([]);
    const cli = recordingIO({ surface: 'cli', cwd: '/' });
    await runCommand(registry, 'probe', source({ id: '7' }), cli.io);
    expect(cli.logger.lines).toEqual([]);
  });
});
