import { describe, expect, it } from 'vitest';
import { codeSpan, htmlText, plainText } from '../../../../src/core/markdown/index.js';

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside, with no backslash escapes', () => {
    expect(codeSpan('tikv_all_chaos')).toBe('`tikv_all_chaos`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('x ``` y `` z')).toBe('````x ``` y `` z````');
  });

  it('pads text that starts or ends with a backtick or a space, so it shows as is', () => {
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('x`')).toBe('`` x` ``');
    expect(codeSpan(' x ')).toBe('`  x  `');
  });

  it('flattens line breaks and writes nothing for empty text', () => {
    expect(codeSpan('a\nb\r\nc')).toBe('`a b c`');
    expect(codeSpan('')).toBe('');
  });
});

describe('plainText and htmlText', () => {
  it('escape Markdown punctuation and HTML', () => {
    expect(plainText('tikv_all *chaos* <b> | #1')).toBe('tikv\\_all \\*chaos\\* \\<b\\> \\| \\#1');
    expect(htmlText('a <b> & c\nd')).toBe('a &lt;b&gt; &amp; c d');
  });
});
