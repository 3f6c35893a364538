import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dotEnvFiles, loadDotEnv, parseDotEnv } from '../../../src/config/dotenv.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dotenv-test-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('parseDotEnv', () => {
  test('KEY=VALUE lines; comments, blanks and lines without = skipped', () => {
    const text = [
      '# comment',
      '',
      '  A = 1 ',
      'not a pair',
      '   # indented comment',
      'B=x=y',
      '=novalue',
    ].join('\n');
    expect(parseDotEnv(text)).toEqual([
      ['A', '1'],
      ['B', 'x=y'],
    ]);
  });

  test('strips every surrounding double quote, then every single quote, like Python strip()', () => {
    expect(
      parseDotEnv(`A="quoted"\nB='single'\nC="'both'"\nD='"kept"'\nE="unbalanced\nF=""""`),
    ).toEqual([
      ['A', 'quoted'],
      ['B', 'single'],
      ['C', 'both'],
      ['D', '"kept"'],
      ['E', 'unbalanced'],
      ['F', ''],
    ]);
  });

  test('keeps inline # and spaces inside values; handles CRLF and CR line ends', () => {
    expect(parseDotEnv('A=x # not a comment\r\nB=two words\rC=3')).toEqual([
      ['A', 'x # not a comment'],
      ['B', 'two words'],
      ['C', '3'],
    ]);
  });

  test('does not strip a BOM (Python strip() does not either)', () => {
    expect(parseDotEnv('\uFEFFA=1')).toEqual([['\uFEFFA', '1']]);
  });
});

describe('loadDotEnv', () => {
  test('walks from the start directory to the root, the nearest file winning', () => {
    const child = join(root, 'a', 'b');
    mkdirSync(child, { recursive: true });
    writeFileSync(join(root, '.env'), 'SHARED=root\nROOT_ONLY=r\n');
    writeFileSync(join(root, 'a', 'b', '.env'), 'SHARED=child\nCHILD_ONLY=c\n');
    const env = loadDotEnv(child, {});
    expect(env.SHARED).toBe('child');
    expect(env.ROOT_ONLY).toBe('r');
    expect(env.CHILD_ONLY).toBe('c');
  });

  test('never overrides a variable already in the environment, even an empty one', () => {
    writeFileSync(join(root, '.env'), 'EVAL_DATABASE_URL=from-file\nEMPTY=from-file\nNEW=added\n');
    const env: NodeJS.ProcessEnv = { EVAL_DATABASE_URL: 'from-env', EMPTY: '' };
    const returned = loadDotEnv(root, env);
    expect(returned).toBe(env);
    expect(env).toEqual({ EVAL_DATABASE_URL: 'from-env', EMPTY: '', NEW: 'added' });
  });

  test('the first occurrence of a key in a file wins', () => {
    writeFileSync(join(root, '.env'), 'A=first\nA=second\n');
    expect(loadDotEnv(root, {}).A).toBe('first');
  });

  test('a directory named .env is ignored; keys like toString are still loaded', () => {
    mkdirSync(join(root, 'x', '.env'), { recursive: true });
    writeFileSync(join(root, '.env'), 'toString=yes\n');
    expect(dotEnvFiles(join(root, 'x'))).toContain(join(root, '.env'));
    expect(dotEnvFiles(join(root, 'x'))).not.toContain(join(root, 'x', '.env'));
    expect(loadDotEnv(join(root, 'x'), {}).toString).toBe('yes');
  });
});
