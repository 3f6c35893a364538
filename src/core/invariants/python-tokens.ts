/**
 * A small Python tokenizer: enough to read invariant definitions (names, numbers, strings,
 * operators, line numbers, the indentation of each logical line) without running Python. Comments
 * are dropped; string literals keep their decoded text for simple escapes.
 */

type TokenKind = 'name' | 'number' | 'string' | 'op';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based line of the token's first character. */
  line: number;
  /** Indentation of the logical line the token belongs to. */
  indent: number;
  /** True for the first token of a logical line. */
  lineStart: boolean;
}

const STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?(?:'''|"""|'|")/;
const NUMBER =
  /^(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS = ['**=', '//=', '->', '**', '//', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*='];

export function tokenizePython(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let depth = 0;
  let atLineStart = true;
  let indent = 0;
  let lineStartPending = true;
  const push = (kind: TokenKind, text: string, startLine: number) => {
    tokens.push({ kind, text, line: startLine, indent, lineStart: lineStartPending });
    lineStartPending = false;
  };
  while (i < source.length) {
    if (atLineStart && depth === 0) {
      let width = 0;
      while (source[i] === ' ' || source[i] === '\t') {
        width += source[i] === '\t' ? 8 - (width % 8) : 1;
        i++;
      }
      if (source[i] !== '\n' && source[i] !== '#' && source[i] !== '\r' && i < source.length) {
        indent = width;
        lineStartPending = true;
      }
      atLineStart = false;
      continue;
    }
    const c = source[i]!;
    if (c === '\n') {
      line++;
      i++;
      if (depth === 0) atLineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '\\' && source[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    const rest = source.slice(i, i + 8);
    const stringStart = STRING_PREFIX.exec(rest);
    if (stringStart && (stringStart[0].endsWith("'") || stringStart[0].endsWith('"'))) {
      const startLine = line;
      const quote =
        stringStart[0].endsWith("'''") || stringStart[0].endsWith('"""')
          ? stringStart[0].slice(-3)
          : stringStart[0].slice(-1);
      const raw = /[rR]/.test(stringStart[0].slice(0, -quote.length));
      i += stringStart[0].length;
      let text = '';
      while (i < source.length && !source.startsWith(quote, i)) {
        const ch = source[i]!;
        if (ch === '\n') {
          if (quote.length === 1) break; // unterminated: stop at the line end
          line++;
        }
        if (ch === '\\' && !raw && i + 1 < source.length) {
          const next = source[i + 1]!;
          if (next === '\n') line++;
          text += { n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"' }[next] ?? `\\${next}`;
          i += 2;
          continue;
        }
        text += ch;
        i++;
      }
      i += quote.length;
      push('string', text, startLine);
      continue;
    }
    const number = NUMBER.exec(rest + source.slice(i + 8, i + 64));
    if (number && /[0-9.]/.test(c) && !(c === '.' && !/[0-9]/.test(source[i + 1] ?? ''))) {
      push('number', number[0], line);
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(source.slice(i, i + 256));
    if (name) {
      push('name', name[0], line);
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? c;
    if ('([{'.includes(op)) depth++;
    if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    push('op', op, line);
    i += op.length;
  }
  return tokens;
}

/** Index of the bracket closing the one at `open`, or the last token when unbalanced. */
export function closingBracket(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'op') continue;
    if ('([{'.includes(t.text)) depth++;
    else if (')]}'.includes(t.text) && --depth === 0) return j;
  }
  return tokens.length - 1;
}

/** Splits the tokens between two brackets at top-level commas. */
export function splitArguments(tokens: readonly Token[], open: number, close: number): Token[][] {
  const args: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let j = open + 1; j < close; j++) {
    const t = tokens[j]!;
    if (t.kind === 'op' && '([{'.includes(t.text)) depth++;
    if (t.kind === 'op' && ')]}'.includes(t.text)) depth--;
    if (depth === 0 && t.kind === 'op' && t.text === ',') {
      args.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length) args.push(current);
  return args;
}
