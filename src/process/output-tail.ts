/** What every child process we run shares: long lines clipped, only the last lines kept for errors. */
const MAX_LINE_CHARS = 4000;

/** Keeps the last N lines. */
export class LineTail {
  private readonly lines: string[] = [];
  constructor(private readonly size: number) {}
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.splice(0, this.lines.length - this.size);
  }
  get(): string[] {
    return [...this.lines];
  }
}

export function clipLine(line: string): string {
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… [line cut]` : line;
}
