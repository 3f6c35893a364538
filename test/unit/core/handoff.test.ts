import { describe, expect, it } from 'vitest';
import { describeCombination } from '../../../src/core/grouping.js';
import { renderHandoff } from '../../../src/core/handoff.js';
import { campaignAnalysis } from '../../support/render-fixtures.js';
import { markdownShape } from '../../support/markdown-shape.js';

const TICKS = 'echo ``x`` | wc';

/** A failing campaign whose names, params, causes and fix locations carry Markdown punctuation. */
function awkwardAnalysis() {
  const analysis = campaignAnalysis(
    7,
    [
      { chaosType: 'network_partition', params: { target: 'pd|tikv' }, wins: 0, trials: 3 },
      { chaosType: 'tikv_`weird`_chaos', params: { cmd: TICKS }, wins: 0, trials: 2 },
      { chaosType: 'node_kill', params: {}, wins: 3, trials: 3 },
    ],
    'tikv_all*chaos`cloud',
  );
  for (const finding of analysis.findings) {
    finding.likely_cause = 'first line\n\nsecond | line';
    finding.fix_locations = ['src/a|b.rs', 'src/`ticks`.rs'];
  }
  return analysis;
}

describe('renderHandoff with awkward values', () => {
  const analysis = awkwardAnalysis();
  const markdown = renderHandoff(analysis, {
    issueNumber: 12,
    testSuites: [{ name: 'tikv', command: 'cargo test ```odd``` | tee', triggers: ['src/**'] }],
  });
  const shape = markdownShape(markdown);

  it('shows every combination, the campaign name and each file in its own code span, literally', () => {
    const combos = analysis.failing.map((f) =>
      describeCombination({ chaosType: f.chaos_type, params: f.params }),
    );
    expect(combos).toHaveLength(2);
    expect(shape.codes).toEqual(
      expect.arrayContaining([...combos, 'tikv_all*chaos`cloud', 'src/a|b.rs', 'src/`ticks`.rs']),
    );
    expect(shape.codes).toContain('Fixes #12');
  });

  it('keeps each section one block: a multi-line cause neither ends the paragraph nor a list item', () => {
    const paragraphs = shape.html.match(/<p>[\s\S]*?<\/p>/g) ?? [];
    const problem = paragraphs.find((p) => p.includes('Problem.'))!;
    expect(problem).toContain('second | line');
    // Evidence (one item per finding, plus the pointer to `eval show`), files, constraints.
    expect(shape.lists).toHaveLength(3);
    expect(shape.lists[0]).toHaveLength(analysis.findings.length + 1);
    for (const item of shape.lists[0]!.slice(0, -1))
      expect(item).toContain('first line second | line');
    expect(shape.lists[1]).toEqual(['src/a|b.rs', 'src/`ticks`.rs']);
    expect(shape.lists[2]![0]).toContain('node_kill');
  });

  it('puts the test commands in a code block whose fence outlasts any backticks inside', () => {
    const block = /<pre><code class="language-sh">([\s\S]*?)<\/code><\/pre>/.exec(shape.html);
    expect(block?.[1]).toContain('cargo test ```odd``` | tee');
    expect(block?.[1]).toContain('uv run eval wait');
  });
});

describe('renderHandoff of a retry (the iteration compare appends)', () => {
  it("runs the retry's own retry file, named like analyze and retry name it, not <name>-retry-3-retry-4", () => {
    const retry = campaignAnalysis(
      4,
      [{ chaosType: 'latency', params: { min_ms: 50, max_ms: 150 }, wins: 1, trials: 3 }],
      'tikv-all-chaos-cloud-retry-3',
    );
    const markdown = renderHandoff(retry, { testSuites: [] });
    expect(markdown).toContain(
      'cd eval\nuv run eval run campaign campaigns/debug/tikv-all-chaos-cloud-retry-4.yaml \\\n  --cloud=gcp --parallel 3',
    );
    expect(markdown).not.toContain('retry-3-retry-4');
  });
});
