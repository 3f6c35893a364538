import picocolors from 'picocolors';

/** How a terminal report may look: decided once by the CLI from the stream and the environment. */
export interface TerminalStyle {
  /** ANSI colours: a TTY with NO_COLOR unset. */
  color: boolean;
  /** ✓ ✗ ⚠ and block characters: a TTY; piped output stays plain words. */
  symbols: boolean;
  /** Columns to fit in (80 when unknown). */
  width: number;
}

export const PLAIN_STYLE: TerminalStyle = { color: false, symbols: false, width: 80 };

/** The decision the CLI makes for a stream: colour only on a TTY and only when NO_COLOR is unset. */
export function styleFor(
  stream: { isTTY?: boolean; columns?: number },
  env: Readonly<Record<string, string | undefined>>,
): TerminalStyle {
  const tty = stream.isTTY === true;
  return {
    color: tty && !env.NO_COLOR && env.TERM !== 'dumb',
    symbols: tty,
    width: Math.max(40, stream.columns || 80),
  };
}

export type Tone = 'good' | 'bad' | 'warn' | 'info' | 'muted';

export interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  tone(tone: Tone, text: string): string;
  /** A status mark: `✓` on a TTY, `ok` when piped (and the same for the other tones). */
  mark(tone: Tone): string;
  /** A title line with a rule under it. */
  heading(text: string): string;
}

const SYMBOLS: Record<Tone, [string, string]> = {
  good: ['✓', 'ok'],
  bad: ['✗', 'FAIL'],
  warn: ['⚠', 'WARN'],
  info: ['▸', '-'],
  muted: ['·', '-'],
};

export function painter(style: TerminalStyle): Painter {
  const c = picocolors.createColors(style.color);
  const colorOf: Record<Tone, (text: string) => string> = {
    good: c.green,
    bad: c.red,
    warn: c.yellow,
    info: c.cyan,
    muted: c.dim,
  };
  const tone = (t: Tone, text: string) => colorOf[t](text);
  return {
    bold: c.bold,
    dim: c.dim,
    tone,
    mark: (t) => tone(t, SYMBOLS[t][style.symbols ? 0 : 1]),
    heading: (text) => c.bold(text),
  };
}
