import type { AnyCommand } from './command.js';
import { demoCommand } from './demo.js';
import { ACTION_COMMANDS, withCommands } from './registry.js';

/** Everything the terminal offers: the action's commands plus the demo, kept out of dist/. */
export const CLI_COMMANDS = withCommands(ACTION_COMMANDS, [demoCommand as AnyCommand]);
