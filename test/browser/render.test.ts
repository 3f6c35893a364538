/**
 * What people read on GitHub, checked by geometry in headless Chromium (see github-page.ts): for
 * every report fixture and Mermaid 10.9 and 11, each chart parses; each combination shows before
 * and after (a bar, or a label saying it did not run); no two axis labels overlap and none is
 * clipped; each table row has its header's cells and a verdict where the verdict belongs; a
 * shortened body says so above its first table; no code block is much wider than GitHub's 846 px
 * content box. Screenshots go to test-results/browser/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_COMMANDS } from '../../src/commands/cli-commands.js';
import { runCommand } from '../../src/commands/run-command.js';
import { memoryLogger, SecretMasker } from '../../src/logger.js';
import { renderFixtures } from '../support/render-fixtures.js';
import {
  chromiumPath,
  CONTENT_WIDTH,
  openBrowser,
  renderPage,
  type MermaidVersion,
  type OpenBrowser,
  type RenderedChart,
  type RenderedPage,
} from './github-page.js';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'browser');
/** Bodies that must say they were shortened. */
const SHORTENED = [
  'diagnosis-awkward-findings-only.md',
  'issue-body-huge.md',
  'pr-comment-30-shortened.md',
];
/** The demo's outputs: written by the demo run in beforeAll (README's first command, in-process). */
const DEMO_DIR = mkdtempSync(join(tmpdir(), 'render-test-demo-'));
// Comparison verdicts, and the invariant coverage verdicts of the diagnosis (issue 13).
const VERDICT =
  /fixed|improved|inconclusive|still failing|regressed|held|✅|❌|baseline|no trials|missing|insensitive|covered/;

const DEMO_FILES = [
  'diagnosis.md',
  'diagnosis-issue.md',
  'pr-comment.md',
  'diagnosis-issue-after-retry.md',
];
/** Values with backticks, pipes and emphasis characters, shown exactly as typed in a code span. */
const LITERAL_SPANS: Record<string, string[]> = {
  'issue-body-awkward-handoff.md': [
    'tikv_`weird`_chaos (cmd=echo ``x`` | wc)',
    'network_partition (target=pd|tikv)',
    'tikv_all_chaos*cloud',
    'Fixes #12',
  ],
  'job-summary-commands.md': [
    'ghcr.io/o/echo ``x`` | wc',
    'sha256:`00`',
    'op|erator',
    'tikv-`retry`',
    'tikv_`weird`_chaos (cmd=a|b)',
    'echo ``x`` | wc',
  ],
};

/** Runs `iterate-campaign demo` in-process (embedded PostgreSQL, simulated workers). */
async function runDemo(): Promise<void> {
  const printed: string[] = [];
  const io = {
    surface: 'cli' as const,
    logger: memoryLogger(new SecretMasker()),
    masker: new SecretMasker(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    cwd: process.cwd(),
    setOutput: () => undefined,
    appendSummary: async () => undefined,
    print: (text: string) => void printed.push(text),
  };
  const inputs = { 'output-dir': DEMO_DIR, workers: '3' } as Record<string, string | undefined>;
  const source = {
    get: (name: string) => inputs[name],
    givenNames: () => Object.keys(inputs),
  };
  const code = await runCommand(CLI_COMMANDS, 'demo', source, io);
  if (code !== 0) throw new Error(`demo exited ${code}: ${io.logger.text()}`);
}

const executable = chromiumPath();
const docs: Record<string, string> = renderFixtures();
const versions: MermaidVersion[] = ['10.9', '11'];
/** A body without a chart looks the same under every Mermaid version: it is rendered once. */
const versionsFor = (markdown: string) =>
  markdown.includes('```mermaid') ? versions : versions.slice(-1);
/** What is rendered, known before the demo runs: the demo's PR comment has a chart. */
const plan: { name: string; versions: MermaidVersion[] }[] = [
  ...Object.entries(docs).map(([name, markdown]) => ({ name, versions: versionsFor(markdown) })),
  ...DEMO_FILES.map((name) => ({
    name: `demo-${name}`,
    versions: name === 'pr-comment.md' ? versions : versions.slice(-1),
  })),
];

describe.skipIf(!executable && !process.env.CI)('reports in a real browser', () => {
  let open: OpenBrowser;
  const pages = new Map<string, RenderedPage>();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await runDemo();
    for (const name of DEMO_FILES)
      docs[`demo-${name}`] = readFileSync(join(DEMO_DIR, name), 'utf8');
    open = await openBrowser(executable!);
    for (const { name, versions: drawn } of plan) {
      for (const version of drawn) {
        const markdown = docs[name]!;
        const shot = join(SCREENSHOTS, `${name.replace(/\.md$/, '')}-mermaid-${version}.png`);
        pages.set(`${name}@${version}`, await renderPage(open, markdown, version, shot));
      }
    }
  }, 240_000);

  afterAll(async () => {
    await open?.close();
    rmSync(DEMO_DIR, { recursive: true, force: true });
  });

  it('finds Chromium (CI installs it with .ci/install-system-deps.sh)', () => {
    expect(executable).toBeDefined();
  });

  for (const { name, versions: drawn } of plan) {
    for (const version of drawn) {
      describe(`${name} with Mermaid ${version}`, () => {
        const page = () => pages.get(`${name}@${version}`)!;

        it('draws every chart, with before and after for each combination and readable labels', () => {
          for (const chart of page().charts) {
            expect(chart.error).toBeUndefined();
            checkBeforeAfter(chart);
            checkLabels(chart);
          }
          const charts = (docs[name]!.match(/```mermaid/g) ?? []).length;
          expect(page().charts).toHaveLength(charts);
          if (/pr-comment|job-summary/.test(name) && !/shortened|commands/.test(name)) {
            expect(charts).toBeGreaterThan(0);
          }
        });

        it('keeps every table row as wide as its header, with the verdict in its column', () => {
          expect(page().tables.length).toBeGreaterThan(0);
          for (const table of page().tables) {
            const verdict = table.headers.findIndex((h) => h === 'Verdict' || h === 'Status');
            for (const row of table.rows) {
              expect(row).toHaveLength(table.headers.length);
              if (verdict >= 0) expect(row[verdict]).toMatch(VERDICT);
            }
          }
        });

        it('shows awkward values literally in their code spans', () => {
          for (const value of LITERAL_SPANS[name] ?? []) expect(page().codeSpans).toContain(value);
        });

        it('says what was left out, above the first table, when it was shortened', () => {
          const { notes, firstTableTop } = page();
          if (SHORTENED.includes(name)) {
            expect(notes.length).toBeGreaterThan(0);
            expect(notes[0]!.top).toBeLessThan(firstTableTop ?? Infinity);
            expect(notes[0]!.text).toMatch(/Shortened to fit GitHub's size limit: \S/);
          }
        });

        it('has no code block much wider than the content box', () => {
          expect(page().contentWidth).toBe(CONTENT_WIDTH);
          for (const block of page().codeBlocks) {
            expect(block.scrollWidth, block.text).toBeLessThanOrEqual(CONTENT_WIDTH * 1.15);
          }
        });
      });
    }
  }

  it('saved a screenshot of each page', () => {
    const shots = readdirSync(SCREENSHOTS).filter((f) => f.endsWith('.png'));
    expect(shots.length).toBeGreaterThanOrEqual(pages.size);
  });
});

/** The chart's series: before, after, and a real 0 % on either side. */
const SERIES = { before: 0, after: 1, zero: 2 } as const;

/**
 * Row labels read "N. <combination> · before …" and "N. after …". A row that did not run has no
 * bar; a 0 % row has only a zero-series bar ending on the axis's 0; any other rate has only its
 * side's bar, ending where the axis puts that rate (so a small rate never looks like 0 %).
 */
function checkBeforeAfter(chart: RenderedChart): void {
  const rows = chart.labels.filter((l) => /^\d+\. /.test(l.text));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length % 2).toBe(0);
  expect(rows.filter((l) => / · before /.test(l.text))).toHaveLength(rows.length / 2);
  const tickX = (text: string) => {
    const tick = chart.labels.find((l) => l.text.trim() === text);
    expect(tick, `axis tick ${text}`).toBeDefined();
    return (tick!.left + tick!.right) / 2;
  };
  const [x0, x100] = [tickX('0'), tickX('100')];
  const fills = new Map<number, Set<string>>();
  for (const label of rows) {
    const side = / · before /.test(label.text) ? 'before' : 'after';
    const inRow = chart.bars.filter(
      (b) => b.width > 0 && b.centre > label.top - 2 && b.centre < label.bottom + 2,
    );
    if (/not run/.test(label.text)) {
      expect(inRow, label.text).toEqual([]);
      continue;
    }
    const rate = Number(/(?:before|after) (\d+)% /.exec(label.text)?.[1]);
    expect(inRow, label.text).toHaveLength(1);
    const bar = inRow[0]!;
    expect(bar.series, label.text).toBe(rate === 0 ? SERIES.zero : SERIES[side]);
    expect(Math.abs(bar.right - (x0 + (rate / 100) * (x100 - x0))), label.text).toBeLessThan(2);
    fills.set(bar.series, new Set([...(fills.get(bar.series) ?? []), bar.fill]));
  }
  // One colour per series, and no two series share one.
  const colours = [...fills.values()].map((set) => [...set]);
  for (const set of colours) expect(set).toHaveLength(1);
  expect(new Set(colours.flat()).size).toBe(colours.length);
}

function checkLabels(chart: RenderedChart): void {
  const labels = chart.labels;
  for (const label of labels) {
    expect(label.left, label.text).toBeGreaterThanOrEqual(chart.svg.left - 1);
    expect(label.right, label.text).toBeLessThanOrEqual(chart.svg.right + 1);
    expect(label.top, label.text).toBeGreaterThanOrEqual(chart.svg.top - 1);
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!;
      const b = labels[j]!;
      const overlap =
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
      expect(overlap, `${a.text} overlaps ${b.text}`).toBe(false);
    }
  }
}
