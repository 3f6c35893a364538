import { appendFile } from 'node:fs/promises';
import { commandHelp, parseCliArgs } from './cli-args.js';
import type { AnyCommand, CommandIO } from './commands/command.js';
import { commandsFor } from './commands/lazy-registry.js';
import { runCommand } from './commands/run-command.js';
import { loadDotEnv } from './config/dotenv.js';
import { styleFor } from './core/terminal/style.js';
import type { LiveDisplay } from './live-display.js';
import { consoleLogger, inertText, SecretMasker } from './logger.js';
import { abortOnSignals, signalExitCode } from './signals.js';

const usage = (
  commands: ReadonlyMap<string, AnyCommand>,
) => `Usage: iterate-campaign <command> [arguments]

Commands:
${[...commands.values()]
  .filter((c) => c.surfaces.includes('cli'))
  .map((c) => `  ${c.name.padEnd(10)} ${c.description}`)
  .join('\n')}

Run 'iterate-campaign <command> --help' for a command's options.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${usage(await commandsFor('cli', undefined))}\n`);
    return name ? 0 : 1;
  }
  const commands = await commandsFor('cli', name);
  const command = commands.get(name);
  if (command && (args.includes('--help') || args.includes('-h'))) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return 0;
  }
  // Output waits for a slow reader (a pipe) instead of queueing in memory: `analyze --json` of a
  // large campaign writes tens of megabytes.
  blockingWrites(process.stdout);
  const masker = new SecretMasker();
  const env = loadDotEnv(process.cwd(), { ...process.env });
  // Only a terminal gets the live display (and loads its text-width tables).
  const live: LiveDisplay | undefined = process.stderr.isTTY
    ? new (await import('./live-display.js')).LiveDisplay(
        process.stderr,
        styleFor(process.stderr, env),
      )
    : undefined;
  const inWorkflow = env.GITHUB_ACTIONS === 'true';
  const logger = consoleLogger(
    masker,
    live ? live.passthrough() : process.stderr,
    Boolean(process.env.ITERATE_CAMPAIGN_DEBUG),
    inWorkflow,
  );
  const print = (text: string) =>
    process.stdout.write(`${inWorkflow ? inertText(masker.mask(text)) : masker.mask(text)}\n`);
  const io: CommandIO = {
    signal: abortOnSignals(),
    surface: 'cli',
    logger,
    masker,
    env,
    cwd: process.cwd(),
    setOutput: (key, value) => logger.debug(`output ${key}=${String(value)}`),
    appendSummary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return;
      const text = typeof markdown === 'function' ? markdown() : markdown;
      await appendFile(env.GITHUB_STEP_SUMMARY, `${masker.mask(text)}\n`);
    },
    print: (text) =>
      live && process.stdout.isTTY ? live.writeAbove(() => print(text)) : print(text),
    style: styleFor(process.stdout, env),
    ...(live ? { liveProgress: () => live.progress() } : {}),
  };
  try {
    const inputs = command
      ? parseCliArgs(command, args)
      : { get: () => undefined, givenNames: () => [] };
    return await runCommand(commands, name, inputs, io);
  } catch (error) {
    logger.error(masker.mask((error as Error).message));
    return signalExitCode() ?? 1;
  }
}

/** libuv writes a pipe synchronously once its handle is blocking (as it does for files). */
function blockingWrites(stream: NodeJS.WriteStream): void {
  const handle = (stream as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle;
  handle?.setBlocking?.(true);
}
