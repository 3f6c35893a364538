import { randomBytes } from 'node:crypto';

/**
 * The only logging surface most code sees. The action maps it onto workflow commands, the CLI onto
 * stderr; tests use `memoryLogger`. Every implementation masks registered secrets.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Replaces every registered secret in a message; the longest secrets go first. */
export class SecretMasker {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= 3) this.secrets.add(secret);
  }

  mask(message: string): string {
    let masked = message;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      masked = masked.split(secret).join('***');
    }
    return masked;
  }
}

/**
 * In a workflow the runner takes any output line that starts with `::` (after spaces) as a
 * workflow command, and core.info and plain stdout write text as it is: a campaign name, a path or
 * a worker's output line could set an output, mask text or stop commands. Such text goes between
 * `::stop-commands::` and a token of its own, so the runner shows it and runs nothing.
 */
export function inertText(text: string): string {
  if (!/^\s*::/m.test(text)) return text;
  const token = randomBytes(16).toString('hex');
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}

/** `inert`: the CLI runs inside a workflow step (GITHUB_ACTIONS), see inertText. */
export function consoleLogger(
  masker = new SecretMasker(),
  stream: NodeJS.WritableStream = process.stderr,
  verbose = false,
  inert = false,
): Logger {
  const safe = inert ? inertText : (text: string) => text;
  const write = (prefix: string, message: string) =>
    stream.write(`${safe(`${prefix}${masker.mask(message)}`)}\n`);
  return {
    debug: (message) => {
      if (verbose) write('debug: ', message);
    },
    info: (message) => write('', message),
    warning: (message) => write('warning: ', message),
    error: (message) => write('error: ', message),
    async group(name, fn) {
      write('', `▸ ${name}`);
      return fn();
    },
  };
}

export interface MemoryLogger extends Logger {
  readonly lines: string[];
  text(): string;
}

export function memoryLogger(masker = new SecretMasker()): MemoryLogger {
  const lines: string[] = [];
  const push = (level: string) => (message: string) =>
    lines.push(`${level}: ${masker.mask(message)}`);
  return {
    lines,
    text: () => lines.join('\n'),
    debug: push('debug'),
    info: push('info'),
    warning: push('warning'),
    error: push('error'),
    async group(name, fn) {
      lines.push(`group: ${name}`);
      return fn();
    },
  };
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_name, fn) => fn(),
};
