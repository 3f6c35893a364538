import { describe, expect, test } from 'vitest';
import { splitRetryable } from '../../../src/core/chaos-types.js';
import { ConfigError, parseProjectConfig } from '../../../src/core/config.js';
import {
  InputError,
  MAX_ID,
  parseBoundedInt,
  parseId,
  parseWorkspacePath,
} from '../../../src/core/inputs.js';

describe('parseId: ids fit the database integer columns', () => {
  test.each(['1', '2147483647', ' 42 '])('accepts %s', (value) => {
    expect(parseId('pr-number', value)).toBe(Number(value.trim()));
  });

  test.each(['2147483648', '9999999999', '12345678901', '0', '12abc', '0x1A', '1e3', ''])(
    'refuses %s naming the field and the bound',
    (value) => {
      expect(() => parseId('pr-number', value)).toThrow(InputError);
      expect(() => parseId('pr-number', value)).toThrow(
        `Invalid pr-number: '${value}' — expected a positive whole number up to ${MAX_ID}`,
      );
    },
  );
});

describe('parseBoundedInt', () => {
  test('accepts the bounds and refuses beyond them', () => {
    expect(parseBoundedInt('poll-seconds', '1', 1, 3600)).toBe(1);
    expect(parseBoundedInt('poll-seconds', '3600', 1, 3600)).toBe(3600);
    expect(() => parseBoundedInt('poll-seconds', '2147484', 1, 3600, 'seconds')).toThrow(
      "Invalid poll-seconds: '2147484' — expected a whole number from 1 to 3600 (seconds)",
    );
    expect(() => parseBoundedInt('poll-seconds', '0', 1, 3600)).toThrow(InputError);
    expect(() => parseBoundedInt('poll-seconds', '1.5', 1, 3600)).toThrow(InputError);
  });
});

describe('parseWorkspacePath: one check for every path a command writes or reads in the workspace', () => {
  test.each(['retry.yaml', 'out/retry.yaml', './a/b.yaml', 'a\\b.yaml'])('accepts %s', (path) => {
    expect(parseWorkspacePath('write-retry', path, 'retry.yaml')).not.toContain('\\');
  });

  test.each(['../../../x', '/etc/passwd', 'a/../../x', 'C:\\x', 'a\\..\\..\\x', '', 'a\nb'])(
    'refuses %j',
    (path) => {
      expect(() => parseWorkspacePath('write-retry', path, 'retry.yaml')).toThrow(
        /^Invalid write-retry: .* — expected a path inside the workspace \(relative, without \.\.\), e\.g\. retry\.yaml$/,
      );
    },
  );
});

describe('splitRetryable: unknown chaos types are withheld from the retry, with the reason', () => {
  test('keeps known types in order and names the others', () => {
    const { retryable, withheld } = splitRetryable([
      { chaos_type: 'latency', params: { ms: 1 } },
      { chaos_type: 'quantum_flux', params: {} },
      { chaos_type: 'unknown', params: {} },
      { chaos_type: 'node_kill', params: {} },
    ]);
    expect(retryable.map((c) => c.chaos_type)).toEqual(['latency', 'node_kill']);
    expect(withheld.map((w) => w.chaos_type)).toEqual(['quantum_flux', 'unknown']);
    expect(withheld[0]!.reason).toContain('is not a chaos type the harness');
    expect(withheld[1]!.reason).toContain('record no chaos type');
  });
});

describe('project config limits', () => {
  test('an alias bomb is refused with the file name', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = i === 0 ? 'a' : `l${i - 1}`;
        return `l${i}: &l${i} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
      }),
    ].join('\n');
    expect(() => parseProjectConfig(bomb, 'ci/iterate.yml')).toThrow(ConfigError);
    expect(() => parseProjectConfig(bomb, 'ci/iterate.yml')).toThrow(
      /^ci\/iterate\.yml: invalid YAML: Excessive alias count/,
    );
  });

  test('a config text over 1 MiB is refused with the file name', () => {
    expect(() => parseProjectConfig(`# ${'x'.repeat(1_100_000)}`, 'big.yml')).toThrow(
      'big.yml: over the 1048576-byte limit for the config file',
    );
  });
});
