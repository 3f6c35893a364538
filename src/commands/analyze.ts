import {
  InputError,
  parseBoolean,
  parseCampaignSelector,
  parseChoice,
  shown,
  parseWorkspacePath,
  type CampaignSelector,
} from '../core/inputs.js';
import { parseOperatorImage } from '../images/image-ref.js';
import { readRepoContext } from '../github/repo-context.js';
import { ANALYZE_FAIL_ON_DESCRIPTION, parseFailOn } from '../core/gates.js';
import { INVESTIGATION_INPUTS, parseInvestigationInputs } from './investigation-inputs.js';
import type { CommandIO, InputSource, Surface } from './command.js';
import {
  DATABASE_URL_INPUT,
  CONFIG_INPUT,
  FORMAT_INPUT,
  readDatabaseUrl,
  readReportFormat,
  DEFAULT_LABELS,
  parseLabels,
  parseRepoDirectory,
  optionalTargetRate,
  readLabels,
} from './common-inputs.js';
import { defineCommand } from './command.js';
import {
  OUTPUT_MODES,
  type AnalyzeDependencies,
  type AnalyzeInput,
  type GitHubTarget,
  type OutputMode,
} from './analyze-inputs.js';

const DEFAULT_DEPENDENCIES: AnalyzeDependencies = { now: () => new Date() };

export function createAnalyzeCommand(deps: AnalyzeDependencies = DEFAULT_DEPENDENCIES) {
  return defineCommand<AnalyzeInput>({
    name: 'analyze',
    description:
      'Score a campaign exactly as upstream does, group and classify its failures, and write a diagnosis.',
    surfaces: ['action', 'cli'],
    outputs: {
      'campaign-id': "The analyzed campaign's id ('latest' resolved)",
      'win-rate': 'Win rate as upstream computes it, a fraction with 4 decimals',
      'meets-target': 'true when the win rate is at or above the target',
      'failing-chaos-types':
        'JSON list of failing combinations, e.g. [{"subject":"tikv","chaos_type":"latency","params":{"min_ms":50,"max_ms":150},"resolution_timeout":null}]',
      'issue-number': "Number of the series' diagnosis issue (output issue), when there is one",
      'pr-number': 'The retry pull request opened or updated (output pr)',
      'retry-campaign-path':
        'Path of the targeted retry campaign YAML: in the repository (output pr) or in the workspace (write-retry)',
    },
    inputs: {
      'campaign-id': {
        description: "Campaign id, or 'latest' (newest finished campaign)",
        positional: 0,
        required: true,
      },
      'campaign-name': {
        description: "With 'latest': only campaigns whose name matches this glob",
      },
      'target-win-rate': {
        description:
          'Target win rate: 90, 90% or 0.9 (default: config targets.default, else 90%; per chaos type: config targets)',
        cliAlias: 'target',
      },
      'database-url': DATABASE_URL_INPUT,
      config: CONFIG_INPUT,
      json: { description: 'Print the analysis as JSON (the same as --format json)', flag: true },
      format: FORMAT_INPUT,
      'write-retry': { description: 'Write the targeted retry campaign YAML to this file' },
      'operator-image': { description: 'Operator image for the retry campaign' },
      'github-token': {
        description: 'GitHub token for output issue/pr (CLI default: GITHUB_TOKEN)',
        secret: true,
      },
      output: {
        description:
          'Where the diagnosis goes: issue, pr or none (CLI default none, action default issue)',
      },
      'retry-dir': {
        description:
          'Repository directory of the retry campaign in PR mode (default: config retry.dir)',
      },
      labels: {
        description: `Comma-separated labels of the diagnosis issue (default ${DEFAULT_LABELS})`,
      },
      'dry-run': {
        description: 'Read GitHub and show what would be written, write nothing',
        flag: true,
      },
      ...INVESTIGATION_INPUTS,
      'agent-mention': {
        description:
          'Mention put in the diagnosis issue\'s "For a coding agent" section when it is created, e.g. @claude or @copilot (triggers an agent workflow that listens for it)',
      },
      'agent-label': {
        description:
          'Label added to the diagnosis issue whenever it is written, e.g. agent:fix (triggers an agent workflow on issues: labeled)',
      },
      'fail-on': { description: ANALYZE_FAIL_ON_DESCRIPTION },
    },
    parse: (inputs, io) => parseAnalyzeInput(inputs, io),
    // The database, GitHub and analysis code load only now, after every input is validated.
    run: async (input, io) => (await import('./analyze-run.js')).runAnalyze(input, io, deps),
  });
}

export const analyzeCommand = createAnalyzeCommand();

// ── parse: every input validated before any side effect ───────────────────────────────────────

function parseAnalyzeInput(inputs: InputSource, io: CommandIO): AnalyzeInput {
  const rawId = inputs.get('campaign-id');
  if (rawId === undefined) {
    throw new InputError("Missing campaign-id: give a campaign id such as 123, or 'latest'");
  }
  const selector = parseCampaignSelector('campaign-id', rawId);
  const target = optionalTargetRate(inputs);
  const output = parseChoice(
    'output',
    inputs.get('output') ?? defaultOutput(io.surface),
    OUTPUT_MODES,
  );
  const dryRun = parseBoolean('dry-run', inputs.get('dry-run') ?? 'false');
  const json = parseBoolean('json', inputs.get('json') ?? 'false');
  const labels = readLabels(inputs);
  const rawRetryDir = inputs.get('retry-dir');
  const retryDir =
    rawRetryDir === undefined ? undefined : parseRepoDirectory('retry-dir', rawRetryDir);
  const github = output === 'none' ? undefined : parseGitHubTarget(inputs, io, output);
  const databaseUrl = readDatabaseUrl(inputs, io);
  warnAboutUnusedInputs(inputs, io, { selector, output, dryRun });
  return {
    selector,
    campaignName: inputs.get('campaign-name'),
    target,
    databaseUrl,
    configPath: inputs.get('config'),
    json,
    format: readReportFormat(inputs, io),
    writeRetry: optional(inputs, 'write-retry', (field, v) =>
      parseWorkspacePath(field, v, 'retry.yaml'),
    ),
    operatorImage: optional(inputs, 'operator-image', parseOperatorImage),
    output,
    github,
    retryDir,
    labels,
    dryRun,
    investigation: parseInvestigationInputs(inputs, io),
    agent: parseAgentTrigger(inputs),
    failOn: parseFailOn('fail-on', inputs.get('fail-on'), 'analyze'),
  };
}

const MENTION = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?(?:\/[A-Za-z0-9_.-]{1,100})?$/;

function parseAgentTrigger(inputs: InputSource): AnalyzeInput['agent'] {
  const mention = inputs.get('agent-mention')?.trim();
  if (mention !== undefined && !MENTION.test(mention)) {
    throw new InputError(
      `Invalid agent-mention: '${shown(mention)}' — expected one @login or @org/team, e.g. @claude`,
    );
  }
  const rawLabel = inputs.get('agent-label');
  const label = rawLabel === undefined ? undefined : parseLabels('agent-label', rawLabel);
  if (label && label.length !== 1) {
    throw new InputError(
      `Invalid agent-label: '${shown(rawLabel!)}' — expected one label name, e.g. agent:fix`,
    );
  }
  return { mention, label: label?.[0] };
}

function optional<T>(
  inputs: InputSource,
  field: string,
  parse: (field: string, value: string) => T,
): T | undefined {
  const value = inputs.get(field);
  return value === undefined ? undefined : parse(field, value);
}

function defaultOutput(surface: Surface): OutputMode {
  return surface === 'action' ? 'issue' : 'none';
}

function parseGitHubTarget(inputs: InputSource, io: CommandIO, output: OutputMode): GitHubTarget {
  const fromEnv =
    io.surface === 'cli' ? io.env.GITHUB_TOKEN?.trim() || io.env.GH_TOKEN?.trim() : undefined;
  const token = inputs.get('github-token') ?? fromEnv;
  if (!token) {
    const where =
      io.surface === 'action'
        ? 'leave github-token at its default (github.token)'
        : 'pass --github-token or set GITHUB_TOKEN';
    throw new InputError(
      `Missing github-token: output '${output}' writes to GitHub; ${where}, or use output 'none'`,
    );
  }
  io.masker.add(token);
  return { token, context: readRepoContext(io.env, `output '${output}'`) };
}

function warnAboutUnusedInputs(
  inputs: InputSource,
  io: CommandIO,
  parsed: { selector: CampaignSelector; output: OutputMode; dryRun: boolean },
): void {
  const warn = (name: string, why: string) =>
    io.logger.warning(`Input '${name}' is ignored: ${why}.`);
  if (inputs.get('campaign-name') !== undefined && parsed.selector.kind === 'id') {
    warn('campaign-name', "it only filters campaign-id 'latest'");
  }
  if (inputs.get('retry-dir') !== undefined && parsed.output !== 'pr') {
    warn('retry-dir', `it is used by output 'pr', not '${parsed.output}'`);
  }
  if (parsed.dryRun && parsed.output === 'none')
    warn('dry-run', "output 'none' writes nothing to GitHub anyway");
}
