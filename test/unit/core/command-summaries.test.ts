import { describe, expect, it } from 'vitest';
import {
  alert,
  builtImagesSummary,
  commandFailure,
  imagePlanSummary,
  reconcileSummary,
  retrySummary,
  withheldNote,
} from '../../../src/core/command-summaries.js';
import { IMAGE_PLATFORM } from '../../../src/core/image-plan.js';
import { markdownShape } from '../../support/markdown-shape.js';
import { AWKWARD_RETRY } from '../../support/render-fixtures.js';

/** Values that break hand-written Markdown: pipes, backtick runs, line breaks, emphasis, tags. */
const PIPE = 'pd|tikv';
const TICKS = 'echo ``x`` | wc';
const BROKEN = 'line one\nline `two` | *three* <b>';
const flat = (s: string) => s.replace(/\n/g, ' ');

describe('command summaries with awkward values', () => {
  it('build: one row per image with the header cell count; references shown literally', () => {
    const md = builtImagesSummary([
      { name: 'op|erator', reference: `ghcr.io/o/${TICKS}`, digest: 'sha256:`00`' },
      { name: 'tikv', reference: 'ghcr.io/o/tikv:abc', digest: 'sha256:11', skipped: true },
    ]);
    const [table] = markdownShape(md).tables;
    expect(table).toMatchObject({ headers: 4, rows: [4, 4] });
    expect(table!.cells[0]!.slice(0, 3)).toEqual([
      'op|erator',
      `ghcr.io/o/${TICKS}`,
      'sha256:`00`',
    ]);
    expect(table!.cells[1]![3]).toBe('existed, not rebuilt');
  });

  it('reconcile: a detail with pipes, backticks and line breaks stays in its cell, as typed', () => {
    const md = reconcileSummary([
      { retryCampaignId: 7, action: 'error', detail: BROKEN },
      { retryCampaignId: 8, action: 'reported', detail: 'ok' },
    ]);
    const [table] = markdownShape(md).tables;
    expect(table).toMatchObject({ headers: 3, rows: [3, 3] });
    expect(table!.cells[0]).toEqual(['7', 'error', flat(BROKEN)]);
    expect(reconcileSummary([])).toBe('No open retry: nothing to do.');
  });

  it('plan: images and test commands are two lists, each with its own lead', () => {
    const md = imagePlanSummary(
      {
        images: [
          {
            name: 'operator',
            dockerfile: 'Dockerfile',
            context: '.',
            platform: IMAGE_PLATFORM,
            tag: 'ghcr.io/o/operator:abc1234',
            reasons: [`operator/${PIPE}.go changed`, 'a\nb'],
          },
        ],
        testCommands: [TICKS, 'go test ./...'],
        summary: '1 image to rebuild at abc1234: *operator*.',
      },
      12,
    );
    const shape = markdownShape(md);
    expect(shape.lists).toHaveLength(2);
    expect(shape.lists[0]).toHaveLength(1);
    expect(shape.lists[0]![0]).toContain(`operator/${PIPE}.go changed, a b`);
    expect(shape.codes).toContain(`operator/${PIPE}.go changed`);
    expect(shape.lists[1]).toEqual([TICKS, 'go test ./...']);
    expect(shape.html).toContain('*operator*');
  });

  it('retry: the series name and withheld combinations cannot break the list', () => {
    const md = retrySummary(AWKWARD_RETRY);
    const shape = markdownShape(md);
    expect(shape.headings).toEqual(['Retry campaign 21']);
    expect(shape.lists).toHaveLength(1);
    expect(shape.lists[0]).toHaveLength(5);
    expect(shape.lists[0]![0]).toContain("(series 'tikv_*all*|chaos')");
    expect(shape.codes).toEqual(
      expect.arrayContaining(['tikv-`retry`', '(harness default)', 'tikv_`weird`_chaos (cmd=a|b)']),
    );
    expect(shape.lists[0]![4]).toContain(flat(BROKEN));
  });

  it('withheld note and alerts: one quoted block, text shown literally', () => {
    const note = withheldNote([
      { chaos_type: 'a|b', params: { x: TICKS }, reason: BROKEN },
      { chaos_type: 'c', params: {}, reason: 'unknown chaos type' },
    ]);
    const shape = markdownShape(note);
    expect(shape.html.match(/<blockquote>/g)).toHaveLength(1);
    expect(shape.lists).toEqual([[`a|b (x=${TICKS}): ${flat(BROKEN)}.`, 'c: unknown chaos type.']]);
    expect(withheldNote([])).toBe('');

    const failure = markdownShape(commandFailure('wait', `bad input\n\n| x | y |\n|---|---|`));
    expect(failure.tables).toHaveLength(0);
    expect(failure.html.match(/<blockquote>/g)).toHaveLength(1);
    expect(markdownShape(alert('NOTE', 'status `reported` <x>')).codes).toEqual([]);
  });
});
