/**
 * The entry points' registry: each command's module is imported only when that command runs, so
 * starting one command does not load (nor, in dist/, compile) the code and dependencies of all the
 * others. registry.ts keeps the full list for help, generated actions and tests; a unit test checks
 * both name the same commands.
 */
import type { AnyCommand } from './command.js';

type Loader = () => Promise<AnyCommand>;

const ACTION_LOADERS: Readonly<Record<string, Loader>> = {
  analyze: async () => (await import('./analyze.js')).analyzeCommand as AnyCommand,
  wait: async () => (await import('./wait.js')).waitCommand as AnyCommand,
  plan: async () => (await import('./plan.js')).planCommand as AnyCommand,
  verify: async () => (await import('./verify.js')).verifyCommand as AnyCommand,
  build: async () => (await import('./build.js')).buildCommand as AnyCommand,
  retry: async () => (await import('./retry.js')).retryCommand as AnyCommand,
  worker: async () => (await import('./worker.js')).workerCommand as AnyCommand,
  compare: async () => (await import('./compare.js')).compareCommand as AnyCommand,
  finalize: async () => (await import('./finalize.js')).finalizeCommand as AnyCommand,
  reconcile: async () => (await import('./reconcile.js')).reconcileCommand as AnyCommand,
};

const CLI_LOADERS: Readonly<Record<string, Loader>> = {
  ...ACTION_LOADERS,
  demo: async () => (await import('./demo.js')).demoCommand as AnyCommand,
};

/**
 * What runCommand needs to run `name` on `surface`: that command alone, or every command when
 * `name` is none of them (the error lists them; help shows them all).
 */
export async function commandsFor(
  surface: 'action' | 'cli',
  name: string | undefined,
): Promise<ReadonlyMap<string, AnyCommand>> {
  const loaders = surface === 'cli' ? CLI_LOADERS : ACTION_LOADERS;
  const load = name !== undefined && Object.hasOwn(loaders, name) ? loaders[name] : undefined;
  const commands = load
    ? [await load()]
    : await Promise.all(Object.values(loaders).map((l) => l()));
  return new Map(commands.map((command) => [command.name, command]));
}
