import { describe, expect, it } from 'vitest';
import { bulletList, codeBlock, joinBlocks } from '../../../../src/core/markdown/index.js';

describe('codeBlock', () => {
  it('fences with more backticks than any run inside, at least three', () => {
    expect(codeBlock('x\n')).toBe('```\nx\n```');
    expect(codeBlock('a ```` b', 'yaml')).toBe('`````yaml\na ```` b\n`````');
  });
});

describe('bulletList and joinBlocks', () => {
  it('gives every list a lead, so two lists never merge into one', () => {
    const body = joinBlocks(
      bulletList('### Images tested', ['`a`']),
      '',
      undefined,
      bulletList('### Links', ['Next: x\ny']),
    );
    expect(body).toBe('### Images tested\n\n- `a`\n\n### Links\n\n- Next: x y');
  });

  it('writes the lead alone when there are no items', () => {
    expect(bulletList('Lead.', [])).toBe('Lead.');
  });
});
