import { describe, expect, test } from 'vitest';
import { CLI_COMMANDS } from '../../../src/commands/cli-commands.js';
import { commandsFor } from '../../../src/commands/lazy-registry.js';
import { ACTION_COMMANDS } from '../../../src/commands/registry.js';

describe('commandsFor (the entry points load one command module)', () => {
  test.each([...ACTION_COMMANDS.keys()])(
    'action %s: that command alone, the registry’s',
    async (name) => {
      const commands = await commandsFor('action', name);
      expect([...commands.keys()]).toEqual([name]);
      expect(commands.get(name)).toBe(ACTION_COMMANDS.get(name));
    },
  );

  test('an unknown name gives every command of the surface, as the registries list them', async () => {
    const action = await commandsFor('action', 'nope');
    expect(new Set(action.keys())).toEqual(new Set(ACTION_COMMANDS.keys()));
    const cli = await commandsFor('cli', undefined);
    expect(new Set(cli.keys())).toEqual(new Set(CLI_COMMANDS.keys()));
    expect(cli.get('demo')).toBe(CLI_COMMANDS.get('demo'));
  });

  test('the demo is a CLI command only', async () => {
    expect((await commandsFor('action', 'demo')).has('demo')).toBe(false);
  });
});
