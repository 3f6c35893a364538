/** analyze's validated inputs, shared by its definition (analyze.ts) and its run (analyze-run.ts). */
import type { CampaignSelector } from '../core/inputs.js';
import type { GitHubClient, GitHubClientOptions } from '../github/client.js';
import type { RepoContext } from '../github/repo-context.js';
import type { InvestigationOptions } from '../loop/investigate.js';
import type { FailOn } from '../core/gates.js';
import type { ReportFormat } from './common-inputs.js';

export const OUTPUT_MODES = ['issue', 'pr', 'none'] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

/** Every output the command sets; action.yml documents exactly these. */
export const ANALYZE_OUTPUTS = [
  'campaign-id',
  'win-rate',
  'meets-target',
  'failing-chaos-types',
  'issue-number',
  'pr-number',
  'retry-campaign-path',
] as const;
export type AnalyzeOutput = (typeof ANALYZE_OUTPUTS)[number];

export interface GitHubTarget {
  token: string;
  context: RepoContext;
}

export interface AnalyzeInput {
  selector: CampaignSelector;
  campaignName: string | undefined;
  /** Undefined: the config's targets.default, else 90 %. */
  target: number | undefined;
  databaseUrl: string;
  configPath: string | undefined;
  json: boolean;
  /** How the analysis is printed: text for people, md (the issue body), json. */
  format: ReportFormat;
  writeRetry: string | undefined;
  operatorImage: string | undefined;
  output: OutputMode;
  /** Set unless output is 'none'. */
  github: GitHubTarget | undefined;
  /** Undefined: the config's retry.dir. */
  retryDir: string | undefined;
  labels: string[];
  dryRun: boolean;
  investigation: InvestigationOptions;
  /** Triggers the team's agent workflow from the diagnosis issue. */
  agent: { mention: string | undefined; label: string | undefined };
  failOn: FailOn;
}

export interface AnalyzeDependencies {
  /** Default: the real client, loaded only when the diagnosis goes to GitHub. */
  createGitHubClient?(options: GitHubClientOptions): GitHubClient;
  now(): Date;
}
