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
  it('keep issue references and parentheses, and escape what would start a block', () => {
    expect(plainText('see #12 (retry {1})')).toBe('see #12 (retry {1})');
    expect(plainText('# not a heading')).toBe('\\# not a heading');
    expect(plainText('- not\na list')).toBe('\\- not a list');
    expect(plainText('12. not a list')).toBe('12\\. not a list');
  });

  it('escape Markdown punctuation and HTML', () => {
    expect(plainText('tikv_all *chaos* <b> | [x](y) &amp;')).toBe(
      'tikv\\_all \\*chaos\\* \\<b\\> \\| \\[x\\](y) \\&amp;',
    );
    expect(htmlText('a <b> & c\nd')).toBe('a &lt;b&gt; &amp; c d');
  });
});
