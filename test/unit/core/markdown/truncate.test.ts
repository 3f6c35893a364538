import { describe, expect, it } from 'vitest';
import { capText, describeCap, truncationNote } from '../../../../src/core/markdown/index.js';

describe('capText', () => {
  it('keeps the last lines and cuts long lines, counting what it left out', () => {
    const traceback = Array.from(
      { length: 61 },
      (_, i) => `line ${i} ${'x'.repeat(i === 60 ? 300 : 10)}`,
    ).join('\n');
    const capped = capText(traceback, { lines: 20, lineChars: 160 });
    const lines = capped.text.split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe(`line 41 ${'x'.repeat(10)}`);
    expect([...lines[19]!]).toHaveLength(160);
    expect(lines[19]!.endsWith('…')).toBe(true);
    expect(capped).toMatchObject({ droppedLines: 41, cutLines: 1 });
    expect(describeCap(capped, { lines: 20, lineChars: 160 })).toBe(
      '41 earlier lines left out, 1 line cut at 160 characters',
    );
  });

  it('leaves short text alone', () => {
    expect(capText('boom\n')).toEqual({ text: 'boom', droppedLines: 0, cutLines: 0 });
    expect(describeCap(capText('boom'))).toBe('');
  });
});

describe('truncationNote', () => {
  it('names what was dropped and where the rest is', () => {
    expect(truncationNote(['the chart', 'the images'], 'Full results: https://x.')).toBe(
      "> [!NOTE]\n> Shortened to fit GitHub's size limit: the chart; the images. Full results: https://x.",
    );
  });
});
