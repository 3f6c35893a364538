import { describe, expect, test } from 'vitest';
import { consoleLogger, inertText } from '../../src/logger.js';
import { commandLines } from '../support/workflow-commands.js';

describe('inertText', () => {
  test('text with no line starting with :: is left as it is', () => {
    expect(inertText('Campaign 7: a::b and x ::c')).toBe('Campaign 7: a::b and x ::c');
  });

  test('a line that would be a workflow command is shown between stop-commands and its token', () => {
    const text = 'Campaign 7 x\n  ::set-output name=pwned::1\n::stop-commands::pwned';
    const inert = inertText(text);
    const [first, ...rest] = inert.split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(first!)![1];
    expect(rest.join('\n')).toBe(`${text}\n::${token}::`);
    expect(commandLines(inert)).toEqual([first]);
    expect(inertText(text)).not.toBe(inert); // a fresh token each time: text cannot guess it
  });

  test('the console logger applies it only when told it runs inside a workflow', () => {
    const written: string[] = [];
    const stream = { write: (chunk: string) => written.push(chunk) } as never;
    consoleLogger(undefined, stream, false, true).info('x\n::error::pwned');
    consoleLogger(undefined, stream, false, false).info('x\n::error::pwned');
    expect(commandLines(written[0]!)).toHaveLength(1);
    expect(commandLines(written[0]!)[0]).toMatch(/^::stop-commands::/);
    expect(commandLines(written[1]!)).toEqual(['::error::pwned']);
  });
});
