/** What analyze does once its inputs are valid; loaded only then (see analyze.ts). */
import { defaultTarget } from '../core/targets.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, posix, resolve } from 'node:path';
import type { CampaignAnalysis } from '../core/analysis.js';
import { retryCampaignName } from '../core/campaign/retry.js';
import { splitRetryable } from '../core/chaos-types.js';
import { alert, withheldNote } from '../core/command-summaries.js';
import { codeSpan, plainText } from '../core/markdown/index.js';
import type { ProjectConfig } from '../core/config.js';
import type { HandoffOptions } from '../core/handoff.js';
import { diagnosisMarker } from '../core/diagnosis-state.js';
import { InputError } from '../core/inputs.js';
import { pct, renderDiagnosisMarkdown } from '../core/render-diagnosis.js';
import { loadProjectConfig } from '../config/project-config.js';
import { openEvalDatabase } from '../db/pool.js';
import type { GitHubClient } from '../github/client.js';
import {
  resolveBotIdentity,
  syncDiagnosisIssue,
  type DiagnosisIssueOutcome,
} from '../github/diagnosis-issue.js';
import { clarifyGitHubFailure } from '../github/errors.js';
import { describeTrigger, repositorySlug } from '../github/repo-context.js';
import {
  PullRequestsNotPermittedError,
  retryBranchName,
  upsertRetryPullRequest,
  type RetryPullRequestOutcome,
} from '../github/retry-pr.js';
import {
  analyzeFromDatabase,
  hasRetryable,
  newDiagnosisIssueBody,
  retryYamlFor,
} from '../loop/analyze-campaign.js';
import { investigate } from '../loop/investigate.js';
import { analysisGate, GateFailure } from '../core/gates.js';
import { analysisJsonChunks } from '../core/analysis-json.js';
import type { CommandIO } from './command.js';
import { parseRepoDirectory } from './common-inputs.js';
import type { AnalyzeDependencies, AnalyzeInput, AnalyzeOutput } from './analyze-inputs.js';

/** The step summary takes 1 MiB; characters may take up to 2 bytes here (emoji, dashes). */
const SUMMARY_MAX_CHARS = 500_000;

type Publication =
  | { kind: 'issue'; outcome: DiagnosisIssueOutcome }
  | { kind: 'pr'; outcome: RetryPullRequestOutcome | undefined; body: string | undefined };

// ── run ────────────────────────────────────────────────────────────────────────────────────────

export async function runAnalyze(
  input: AnalyzeInput,
  io: CommandIO,
  deps: AnalyzeDependencies,
): Promise<void> {
  const config = await loadProjectConfig(input.configPath, io.cwd);
  const retryDir = input.retryDir ?? parseRepoDirectory('retry.dir (config)', config.retry.dir);
  const analysis = await io.logger.group(`Analyzing ${describeSelector(input)}`, () =>
    loadAnalysis(input, config, io),
  );
  if (input.format === 'json') for (const chunk of analysisJsonChunks(analysis)) io.print(chunk);
  if (input.format === 'text') io.print(await renderText(analysis, io));
  if (input.writeRetry) await writeLocalRetry(analysis, config, input, io);
  setAnalysisOutputs(analysis, io);
  for (const w of splitRetryable(analysis.failing).withheld) {
    io.logger.warning(`Withheld from the retry campaign: ${w.chaos_type} — ${w.reason}.`);
  }
  const retryYaml =
    analysis.failing.length > 0 ? retryYamlFor(analysis, config, input.operatorImage) : undefined;
  let publication: Publication | undefined;
  let failure: unknown;
  const handoff = handoffFor(analysis, config, retryDir, input);
  try {
    publication = await publish(input, analysis, retryYaml, retryDir, io, deps, handoff);
  } catch (error) {
    failure = clarifyFailure(error, input);
  }
  if (input.format === 'md')
    io.print(issueBodyOf(publication, analysis, retryYaml, input, handoff));
  await io.logger.group('Writing the job summary', () =>
    io.appendSummary(() => renderSummary(analysis, input, publication, failure)),
  );
  warnIfTargetMissed(analysis, io);
  if (failure !== undefined) throw failure;
  const gate = analysisGate(input.failOn, analysis);
  if (gate.kind === 'fail') throw new GateFailure(gate.message);
}

/** Loaded on demand: the terminal renderer (and its table library) stays out of the action's path. */
async function renderText(analysis: CampaignAnalysis, io: CommandIO): Promise<string> {
  const { renderAnalysisText } = await import('../core/terminal/analysis-report.js');
  const { PLAIN_STYLE } = await import('../core/terminal/style.js');
  return renderAnalysisText(analysis, io.style ?? PLAIN_STYLE);
}

/** The Markdown of the diagnosis issue: the body written, else the one a new issue gets. */
function issueBodyOf(
  publication: Publication | undefined,
  analysis: CampaignAnalysis,
  retryYaml: string | undefined,
  input: AnalyzeInput,
  handoff: Handoff,
): string {
  if (publication?.kind === 'issue' && publication.outcome.body) return publication.outcome.body;
  return newDiagnosisIssueBody(analysis, retryYaml, input.github?.context.runUrl, handoff);
}

function describeSelector(input: AnalyzeInput): string {
  if (input.selector.kind === 'id') return `campaign ${input.selector.id}`;
  return `the latest finished campaign${input.campaignName ? ` named like '${input.campaignName}'` : ''}`;
}

async function loadAnalysis(
  input: AnalyzeInput,
  config: ProjectConfig,
  io: CommandIO,
): Promise<CampaignAnalysis> {
  const db = await openEvalDatabase(input.databaseUrl, {
    log: (m) => io.logger.warning(m),
    signal: io.signal,
  });
  try {
    const analysis = await analyzeFromDatabase(
      db,
      input.selector,
      input.campaignName,
      defaultTarget(input.target, config.targets.default),
      config,
    );
    await investigate(db, analysis, config, input.investigation, io.logger);
    io.logger.info(
      `Campaign ${analysis.campaign.id} '${analysis.campaign.name}': ${analysis.trials} trials, win rate ${pct(analysis.win_rate)} vs target ${pct(analysis.target_win_rate)}.`,
    );
    return analysis;
  } finally {
    await db.close();
  }
}

async function writeLocalRetry(
  analysis: CampaignAnalysis,
  config: ProjectConfig,
  input: AnalyzeInput,
  io: CommandIO,
): Promise<void> {
  if (analysis.failing.length === 0) {
    io.logger.info(
      analysis.trials === 0
        ? `Nothing to retry: campaign ${analysis.campaign.id} has no trials yet; no retry campaign written.`
        : 'Nothing to retry: every combination meets the target.',
    );
    return;
  }
  if (!hasRetryable(analysis)) {
    io.logger.warning('No retry campaign written: every failing combination was withheld.');
    return;
  }
  const path = resolve(io.cwd, input.writeRetry!);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, retryYamlFor(analysis, config, input.operatorImage));
  } catch (error) {
    throw new InputError(
      `Cannot write write-retry '${input.writeRetry!}': ${describeWriteFailure(error)}`,
    );
  }
  io.logger.info(`Retry campaign written to ${path}`);
  setOutput(io, 'retry-campaign-path', input.writeRetry!);
}

function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'it is a directory; give a file name such as retry.yaml';
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return 'a file stands where a directory of the path should be';
  }
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

function setOutput(io: CommandIO, name: AnalyzeOutput, value: string | number | boolean): void {
  io.setOutput(name, value);
}

function setAnalysisOutputs(analysis: CampaignAnalysis, io: CommandIO): void {
  setOutput(io, 'campaign-id', analysis.campaign.id);
  setOutput(io, 'win-rate', analysis.win_rate.toFixed(4));
  setOutput(io, 'meets-target', analysis.meets_target);
  setOutput(io, 'failing-chaos-types', JSON.stringify(analysis.failing));
}

function warnIfTargetMissed(analysis: CampaignAnalysis, io: CommandIO): void {
  if (analysis.meets_target || analysis.trials === 0) return;
  io.logger.warning(
    `Campaign ${analysis.campaign.id} missed the target: win rate ${(analysis.win_rate * 100).toFixed(1)}% < ${(analysis.target_win_rate * 100).toFixed(1)}%`,
  );
}

type Handoff = Omit<HandoffOptions, 'issueNumber'>;

/** What the diagnosis issue's "For a coding agent" section needs besides the analysis. */
function handoffFor(
  analysis: CampaignAnalysis,
  config: ProjectConfig,
  retryDir: string,
  input: AnalyzeInput,
): Handoff {
  return {
    testSuites: config.images.map.tests,
    retryCampaignPath: posix.join(
      retryDir,
      `${retryCampaignName(analysis.campaign.name, analysis.campaign.id)}.yaml`,
    ),
    ...(input.agent.mention ? { mention: input.agent.mention } : {}),
  };
}

// ── publishing to GitHub ───────────────────────────────────────────────────────────────────────

async function publish(
  input: AnalyzeInput,
  analysis: CampaignAnalysis,
  retryYaml: string | undefined,
  retryDir: string,
  io: CommandIO,
  deps: AnalyzeDependencies,
  handoff: Handoff,
): Promise<Publication | undefined> {
  if (input.output === 'none' || !input.github) return undefined;
  // Loaded here: Octokit and undici are not needed to analyse and print (CLI, output none).
  const { openGitHubSession } = await import('../github/session.js');
  const createClient =
    deps.createGitHubClient ?? (await import('../github/client.js')).createGitHubClient;
  const { client } = openGitHubSession({
    token: input.github.token,
    env: io.env,
    purpose: `output '${input.output}'`,
    logger: io.logger,
    context: input.github.context,
    createClient,
    now: deps.now,
  });
  if (input.output === 'issue') {
    return io.logger.group('Diagnosis issue', () =>
      publishIssue(client, input, analysis, retryYaml, io, handoff),
    );
  }
  return io.logger.group('Retry pull request', () =>
    publishPullRequest(client, input, analysis, retryYaml, retryDir, io),
  );
}

async function publishIssue(
  client: GitHubClient,
  input: AnalyzeInput,
  analysis: CampaignAnalysis,
  retryYaml: string | undefined,
  io: CommandIO,
  handoff: Handoff,
): Promise<Publication> {
  const { context } = input.github!;
  const { botTargetOf } = await import('../github/session.js');
  const identity = await resolveBotIdentity(client, io.env.ITERATE_CAMPAIGN_BOT_LOGIN);
  io.logger.info(
    `Looking for the diagnosis issue of '${analysis.campaign.name}' by ${identity.login} labelled '${input.labels[0]}' in ${repositorySlug(context)}.`,
  );
  const outcome = await syncDiagnosisIssue(
    {
      ...botTargetOf({ client, context }, identity, io.logger),
      labels: input.agent.label ? [...input.labels, input.agent.label] : input.labels,
    },
    {
      analysis,
      retryYaml,
      runUrl: context.runUrl,
      dryRun: input.dryRun,
      handoff,
      ...(input.agent.label ? { extraLabels: [input.agent.label] } : {}),
    },
  );
  const which = outcome.issue ? ` #${outcome.issue.number}` : '';
  io.logger.info(`Diagnosis issue${which}: ${describeIssueOutcome(outcome, input.dryRun)}`);
  if (input.dryRun && outcome.body)
    io.logger.info(`Issue body that would be written:\n${outcome.body}`);
  if (outcome.issue) setOutput(io, 'issue-number', outcome.issue.number);
  return { kind: 'issue', outcome };
}

const ISSUE_VERBS: Record<DiagnosisIssueOutcome['action'] | 'unchanged', [string, string]> = {
  create: ['created', 'would create it'],
  update: ['updated', 'would update it'],
  close: ['closed with a comment', 'would close it with a comment'],
  reopen: ['reopened with a comment', 'would reopen it with a comment'],
  'skip-older': ['left as is', 'would leave it as is'],
  nothing: ['left as is', 'would leave it as is'],
  unchanged: ['left as is', 'would leave it as is'],
};

/** `created — campaign 7 missed the target`, or `would create it — …` in a dry run. */
function describeIssueOutcome(outcome: DiagnosisIssueOutcome, dryRun: boolean): string {
  const changes = outcome.written || outcome.body !== undefined;
  const verbs = ISSUE_VERBS[changes ? outcome.action : 'unchanged'];
  return `${verbs[dryRun ? 1 : 0]} — ${outcome.reason}.`;
}

async function publishPullRequest(
  client: GitHubClient,
  input: AnalyzeInput,
  analysis: CampaignAnalysis,
  retryYaml: string | undefined,
  retryDir: string,
  io: CommandIO,
): Promise<Publication> {
  if (!retryYaml || !hasRetryable(analysis)) {
    io.logger.info(
      retryYaml
        ? 'Nothing to retry: every failing combination was withheld; no pull request.'
        : 'Nothing to retry: every combination meets the target; no pull request.',
    );
    return { kind: 'pr', outcome: undefined, body: undefined };
  }
  const { context } = input.github!;
  const { id, name } = analysis.campaign;
  const path = posix.join(retryDir, `${retryCampaignName(name, id)}.yaml`);
  const body = pullRequestBody(analysis, path);
  const outcome = await upsertRetryPullRequest(
    { client, owner: context.owner, repo: context.repo, logger: io.logger },
    {
      branch: retryBranchName(name, id),
      path,
      content: retryYaml,
      commitMessage: `Add targeted retry campaign for ${name} campaign ${id}\n\nWritten by iterate-campaign.`,
      title: `Retry failing combinations of ${name} campaign ${id}`.slice(0, 256),
      body,
      labels: input.labels,
      dryRun: input.dryRun,
    },
  );
  io.logger.info(describePullOutcome(outcome));
  if (input.dryRun) io.logger.info(`Pull request body that would be written:\n${body}`);
  if (outcome.action !== 'dry-run') setOutput(io, 'retry-campaign-path', path);
  if (outcome.pull && outcome.action !== 'dry-run') setOutput(io, 'pr-number', outcome.pull.number);
  return { kind: 'pr', outcome, body };
}

function pullRequestBody(analysis: CampaignAnalysis, path: string): string {
  const preamble = [
    diagnosisMarker(analysis.campaign.name),
    `This pull request adds the targeted retry campaign ${codeSpan(path)}: the ${analysis.failing.length} failing combination(s) of campaign ${analysis.campaign.id}. Merge it and run that campaign to check the fixes.`,
  ].join('\n');
  return renderDiagnosisMarkdown(analysis, {
    preamble,
    fullReportHint: 'The job summary of the run has the full report.',
  });
}

function describePullOutcome(outcome: RetryPullRequestOutcome): string {
  const pull = outcome.pull ? `#${outcome.pull.number}` : 'a new pull request';
  return {
    create: `Opened pull request ${pull} from ${outcome.branch} with ${outcome.path}.`,
    update: `Updated branch ${outcome.branch} and pull request ${pull}.`,
    'already-on-base': `${outcome.path} is already on the default branch; no pull request.`,
    'dry-run': `Dry run: would commit ${outcome.path} to ${outcome.branch} and ${outcome.pull ? `update pull request ${pull}` : 'open a pull request'}.`,
  }[outcome.action];
}

// ── job summary ────────────────────────────────────────────────────────────────────────────────

function renderSummary(
  analysis: CampaignAnalysis,
  input: AnalyzeInput,
  publication: Publication | undefined,
  failure: unknown,
): string {
  const header = [
    publicationNote(input, publication, failure),
    withheldSummaryNote(analysis),
    triggerNote(input),
  ]
    .filter(Boolean)
    .join('\n\n');
  const preview = input.dryRun ? previewBody(publication) : undefined;
  if (preview) return [header, preview].filter(Boolean).join('\n\n');
  return renderDiagnosisMarkdown(analysis, {
    preamble: header || undefined,
    maxLength: SUMMARY_MAX_CHARS,
  });
}

function publicationNote(
  input: AnalyzeInput,
  publication: Publication | undefined,
  failure: unknown,
): string {
  if (failure !== undefined) {
    return alert('CAUTION', oneLine(failure), 'Writing the diagnosis to GitHub failed: ');
  }
  if (!publication) return '';
  const dry = input.dryRun ? '> [!NOTE]\n> Dry run: nothing was written to GitHub. ' : '';
  if (publication.kind === 'issue') {
    const o = publication.outcome;
    const link = o.issue ? ` ([#${o.issue.number}](${o.issue.url}))` : '';
    return `${dry}**Diagnosis issue${link}:** ${plainText(describeIssueOutcome(o, input.dryRun))}`;
  }
  if (!publication.outcome) return '**Retry pull request:** nothing to retry.';
  const o = publication.outcome;
  const link = o.pull ? ` ([#${o.pull.number}](${o.pull.url}))` : '';
  return `${dry}**Retry pull request${link}:** ${plainText(describePullOutcome(o))}`;
}

function withheldSummaryNote(analysis: CampaignAnalysis): string {
  return withheldNote(splitRetryable(analysis.failing).withheld);
}

function triggerNote(input: AnalyzeInput): string {
  const context = input.github?.context;
  const trigger = context && describeTrigger(context);
  if (!trigger) return '';
  return `<sub>Triggered by ${trigger}${context.runUrl ? ` · [run](${context.runUrl})` : ''}</sub>`;
}

function previewBody(publication: Publication | undefined): string | undefined {
  if (!publication) return undefined;
  const body = publication.kind === 'issue' ? publication.outcome.body : publication.body;
  return body
    ? `<details open><summary>Body that would be written</summary>\n\n${body}\n\n</details>`
    : undefined;
}

/** GitHub failures become one line, with the permission to grant when the token lacks one. */
function clarifyFailure(error: unknown, input: AnalyzeInput): unknown {
  if (error instanceof PullRequestsNotPermittedError) return error;
  return clarifyGitHubFailure(error, {
    secrets: input.github ? [input.github.token] : [],
    permissions:
      input.output === 'pr' ? 'contents: write and pull-requests: write' : 'issues: write',
  });
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ');
}
