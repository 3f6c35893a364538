/**
 * The terminal's live area: a block of lines (the progress bar) redrawn in place on a TTY, with
 * log lines and printed reports written above it, so neither garbles the other. Only the CLI
 * creates one, and only when stderr is a TTY.
 */
import { Writable } from 'node:stream';
import { renderProgressBlock } from './core/terminal/progress-block.js';
import type { ProgressReporter } from './core/terminal/progress-view.js';
import type { TerminalStyle } from './core/terminal/style.js';
import { displayWidth } from './core/terminal/table.js';

export class LiveDisplay {
  private block: string[] = [];
  /** Screen rows the drawn block takes (long lines wrap). */
  private rows = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly style: TerminalStyle,
  ) {}

  /** A progress reporter drawing into this area; stop() leaves its last state on screen. */
  progress(): ProgressReporter {
    return {
      update: (view) => this.draw(renderProgressBlock(view, this.style, this.maxLines())),
      stop: () => this.release(),
    };
  }

  /** Writes `text` above the live block (a log line, a report), then redraws the block. */
  writeAbove(write: () => void): void {
    const block = this.block;
    this.erase();
    write();
    if (block.length) this.draw(block);
  }

  /** A stream for the logger: every write lands above the live block. */
  passthrough(): Writable {
    return new Writable({
      write: (chunk, _encoding, done) => {
        this.writeAbove(() => this.stream.write(chunk));
        done();
      },
    });
  }

  private draw(lines: string[]): void {
    this.erase();
    this.stream.write(`${lines.join('\n')}\n`);
    this.block = lines;
    const columns = this.stream.columns || this.style.width;
    this.rows = lines.reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / columns)), 0);
  }

  /** Moves the cursor back to the block's first row and clears from there down. */
  private erase(): void {
    if (this.rows > 0) this.stream.write(`\r\x1b[${this.rows}A\x1b[0J`);
    this.rows = 0;
    this.block = [];
  }

  private release(): void {
    this.block = [];
    this.rows = 0;
  }

  private maxLines(): number {
    return Math.max(4, Math.min(24, (this.stream.rows || 24) - 2));
  }
}
