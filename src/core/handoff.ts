/**
 * "For a coding agent": the last section of the diagnosis issue, written so that an agent (or a
 * person) can act on it without rewriting it: the problem, the evidence, the files to change, what
 * must not regress, how to verify locally, and how to hand the fix back to the loop (`Fixes #N`).
 * Pure.
 */
import picomatch from 'picomatch';
import type { CampaignAnalysis } from './analysis.js';
import { describeCombination } from './grouping.js';
import type { TestSuiteSpec } from './image-plan.js';
import { retryCampaignName } from './campaign/retry.js';
import { bulletList, codeBlock, codeSpan, joinBlocks, plainText } from './markdown/index.js';

export interface HandoffOptions {
  /** The diagnosis issue's number, once known. */
  issueNumber?: number;
  /** Test suites of the image map (config images.tests); those covering the files are listed. */
  testSuites: readonly TestSuiteSpec[];
  /** Where the targeted retry campaign lives in the harness, for the local run. */
  retryCampaignPath?: string;
  /** A mention that triggers the team's agent workflow, e.g. @claude or @copilot. */
  mention?: string;
}

const HANDOFF_HEADING = '## For a coding agent';
const MAX_EVIDENCE = 8;
const MAX_TRIALS_PER_LINE = 5;

export function renderHandoff(analysis: CampaignAnalysis, options: HandoffOptions): string {
  if (analysis.failing.length === 0 || analysis.trials === 0) return '';
  const files = filesToChange(analysis);
  return joinBlocks(
    options.mention
      ? `${HANDOFF_HEADING}\n\n${options.mention} please take this on.`
      : HANDOFF_HEADING,
    `**Problem.** ${problem(analysis)}`,
    bulletList('**Evidence.**', evidence(analysis)),
    bulletList('**Files to change.**', files.map(codeSpan)),
    bulletList('**Constraints.**', constraints(analysis)),
    `**Verify locally.**\n\n${verification(analysis, files, options)}`,
    `**Hand it back.** Open a PR whose description says ${codeSpan(`Fixes #${options.issueNumber ?? 'N'}`)}${options.issueNumber ? '' : ' (N: this issue)'}: merging it rebuilds the changed images, runs the targeted retry of the failing combinations and reports the result on the PR and here.`,
  );
}

function problem(a: CampaignAnalysis): string {
  const failing = a.failing.map((f) => codeSpan(describe(f)));
  const shown =
    failing.slice(0, 6).join(', ') + (failing.length > 6 ? ` and ${failing.length - 6} more` : '');
  const lead = a.findings[0];
  // Causes are Markdown written by the project; a line break in one must not end the paragraph.
  const cause = lead
    ? ` The largest finding is ${codeSpan(lead.symptom)} on ${codeSpan(describe(lead))}: ${lead.likely_cause.replace(/\s*\n\s*/g, ' ')}`
    : '';
  const coverage = (a.invariant_coverage ?? []).filter((c) => c.verdict !== 'covered');
  const invariants = coverage.length
    ? ` ${coverage.length} failing combination(s) have no invariant able to fire (${coverage.map((c) => `${codeSpan(describe(c))} ${c.verdict}`).join(', ')}).`
    : '';
  const campaign = `${codeSpan(a.campaign.name)}, subject ${plainText(a.campaign.subject)}, commit ${codeSpan(a.campaign.git_commit.slice(0, 12) || 'unknown')}`;
  return `Campaign ${a.campaign.id} (${campaign}) scored ${pct(a.win_rate)} against a ${pct(a.target_win_rate)} target; ${a.failing.length} combination(s) miss it: ${shown}.${cause}${invariants}`;
}

function evidence(a: CampaignAnalysis): string[] {
  const coverage = new Map((a.invariant_coverage ?? []).map((c) => [describe(c), c]));
  const flaky = new Set((a.flaky ?? []).filter((f) => f.flaky).map((f) => describe(f)));
  const lines = a.findings.slice(0, MAX_EVIDENCE).map((f) => {
    const where = describe(f);
    const ids = f.trial_ids.length ? f.trial_ids : f.work_ids;
    const what = f.trial_ids.length ? 'trials' : 'work items';
    const list =
      ids.slice(0, MAX_TRIALS_PER_LINE).join(', ') +
      (ids.length > MAX_TRIALS_PER_LINE ? ', …' : '');
    const inv = coverage.get(where);
    const invText = inv
      ? ` Invariants: **${inv.verdict}**${inv.invariants.length ? ` (${inv.invariants.map((i) => `${codeSpan(i.name)} at ${codeSpan(`${i.file}:${i.line}`)}`).join(', ')})` : ''}.`
      : '';
    const flakyText = flaky.has(where) ? ' Flaky across past campaigns.' : '';
    return `${codeSpan(f.symptom)} on ${codeSpan(where)} (${f.kind}), ${what} ${list}: ${f.likely_cause}${invText}${flakyText}`;
  });
  if (a.findings.length > MAX_EVIDENCE)
    lines.push(`…and ${a.findings.length - MAX_EVIDENCE} more findings above.`);
  lines.push(
    'Per-trial timings, commands and log lines are in the findings above; `uv run eval show --trial <id> --remote` prints one trial.',
  );
  return lines;
}

/** Fix locations of the findings, plus the invariant files behind missing or insensitive verdicts. */
function filesToChange(a: CampaignAnalysis): string[] {
  const files = new Set<string>();
  for (const c of a.invariant_coverage ?? []) {
    if (c.verdict === 'covered') continue;
    for (const i of c.invariants) files.add(`${i.file}:${i.line} (${i.name})`);
  }
  for (const f of a.findings) for (const location of f.fix_locations) files.add(location);
  return [...files];
}

function constraints(a: CampaignAnalysis): string[] {
  const passing = a.by_chaos_type
    .filter((c) => !c.baseline && c.meets_target)
    .map((c) => codeSpan(describe(c)));
  const flaky = (a.flaky ?? []).filter((f) => f.flaky).map((f) => codeSpan(describe(f)));
  const lines = [
    passing.length
      ? `These combinations pass today and must not regress: ${passing.join(', ')}.`
      : 'No combination passes today; do not trade one failure for another.',
    'Keep the harness contract: scoring (`eval/src/eval/analysis/scoring.py`), the database schema and the campaign YAML format stay as they are.',
    'Fix the cause, not the measurement: do not lower the target, drop a chaos type from the campaign, or loosen the final-state check.',
  ];
  if (flaky.length)
    lines.push(`Flaky across past campaigns (a single pass proves little): ${flaky.join(', ')}.`);
  return lines;
}

function verification(
  a: CampaignAnalysis,
  files: readonly string[],
  options: HandoffOptions,
): string {
  const paths = files.map((f) => f.split(/[\s:]/)[0]!).filter(Boolean);
  const suites = options.testSuites.filter((suite) => {
    const match = picomatch(suite.triggers, { dot: true });
    return paths.some((p) => match(p) || match(`${p.replace(/\/$/, '')}/x`));
  });
  const commands = (suites.length ? suites : options.testSuites).map((s) => s.command);
  const retry =
    options.retryCampaignPath ??
    `eval/campaigns/debug/${retryCampaignName(a.campaign.name, a.campaign.id)}.yaml`;
  return codeBlock(
    [
      ...commands,
      `# then the targeted retry (the YAML above), and compare:`,
      // Two lines: one would be wider than GitHub's content box for a long campaign name.
      'cd eval',
      `uv run eval run campaign ${retry.replace(/^eval\//, '')} \\`,
      '  --cloud=gcp --parallel 3',
      'uv run eval wait <new campaign id> --remote',
    ].join('\n'),
    'sh',
  );
}

function describe(c: { chaos_type: string; params: Record<string, unknown> }): string {
  return describeCombination({ chaosType: c.chaos_type, params: c.params });
}

function pct(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
