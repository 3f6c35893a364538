/** The pure parts of src/github/pull-requests.ts: closing references, tree diffs, the merged PR. */
import { describe, expect, test } from 'vitest';
import {
  diffTrees,
  parseClosingReferences,
  pickMergedPull,
} from '../../../src/github/pull-requests.js';

describe('parseClosingReferences', () => {
  test('every closing keyword, with or without a colon, in order and without duplicates', () => {
    const body = 'Fixes #12. Also closes: #7, resolved #12 and RESOLVES #3; fix #4';
    expect(parseClosingReferences(body, 'o', 'r')).toEqual([12, 7, 3, 4]);
  });

  test('owner/repo#N counts only for this repository (case-insensitive)', () => {
    expect(parseClosingReferences('Fixes Octo/Repo#5, fixes other/repo#6', 'octo', 'repo')).toEqual(
      [5],
    );
  });

  test('mentions without a keyword, inside words, or in code do not count', () => {
    const body = [
      'See #1. Prefix#2 prefixes #3 unfixes #4',
      '`Fixes #5`',
      '```',
      'Fixes #6',
      '```',
      'Fixes #0 and fixes #07',
    ].join('\n');
    expect(parseClosingReferences(body, 'o', 'r')).toEqual([]);
  });
});

describe('diffTrees', () => {
  test('added, modified and removed blobs; unchanged and tree entries are left out', () => {
    const base = [
      { path: 'a', type: 'blob', sha: '1' },
      { path: 'b', type: 'blob', sha: '2' },
      { path: 'd', type: 'tree', sha: '3' },
      { path: 'gone', type: 'blob', sha: '4' },
    ];
    const head = [
      { path: 'a', type: 'blob', sha: '1' },
      { path: 'b', type: 'blob', sha: '9' },
      { path: 'd', type: 'tree', sha: '8' },
      { path: 'new', type: 'blob', sha: '5' },
    ];
    expect(diffTrees(base, head)).toEqual([
      { filename: 'b', status: 'modified' },
      { filename: 'gone', status: 'removed' },
      { filename: 'new', status: 'added' },
    ]);
  });
});

describe('pickMergedPull', () => {
  const pull = (number: number, merged: boolean, sha: string | null) => ({
    number,
    merged_at: merged ? '2026-01-01T00:00:00Z' : null,
    merge_commit_sha: sha,
    head: { sha: 'h' },
    base: { ref: 'main' },
  });

  test('the merged PR whose merge commit is the SHA; an open PR containing it is not it', () => {
    const pulls = [pull(1, false, 'ABC'), pull(2, true, 'def'), pull(3, true, 'abc')];
    expect(pickMergedPull(pulls, 'abc')?.number).toBe(3);
    expect(pickMergedPull(pulls, 'fff')).toBeUndefined();
  });
});
