import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { analyzeCampaign, type CampaignAnalysis } from '../core/analysis.js';
import { buildRetryCampaign, renderCampaignYaml, retryCampaignName } from '../core/campaign-yaml.js';
import type { ProjectConfig } from '../core/config.js';
import { InputError, parseBoolean, parseCampaignSelector, parseTargetRate, type CampaignSelector } from '../core/inputs.js';
import { renderDiagnosisMarkdown } from '../core/render-diagnosis.js';
import { loadProjectConfig } from '../config/project-config.js';
import { resolveDatabaseUrl, secretsOf } from '../db/connection-url.js';
import { createEvalReader } from '../db/eval-reader.js';
import { openEvalDatabase, type EvalDatabase } from '../db/pool.js';
import type { CommandIO } from './command.js';
import { defineCommand } from './command.js';

export interface AnalyzeInput {
  selector: CampaignSelector;
  campaignName: string | undefined;
  target: number;
  databaseUrl: string;
  configPath: string | undefined;
  json: boolean;
  writeRetry: string | undefined;
  operatorImage: string | undefined;
}

export const analyzeCommand = defineCommand<AnalyzeInput>({
  name: 'analyze',
  description: 'Score a campaign exactly as upstream does, group and classify its failures, and write a diagnosis.',
  surfaces: ['action', 'cli'],
  inputs: {
    'campaign-id': { description: "Campaign id, or 'latest' (newest finished campaign)", positional: 0 },
    'campaign-name': { description: "With 'latest': only campaigns whose name matches this glob" },
    'target-win-rate': { description: 'Target win rate: 90, 90% or 0.9 (default 90%)', cliAlias: 'target' },
    'database-url': { description: 'PostgreSQL URL of the eval database (default: EVAL_DATABASE_URL)', secret: true },
    config: { description: 'Project config file (default .github/iterate-campaign.yml)' },
    json: { description: 'Print the analysis as JSON instead of Markdown', flag: true },
    'write-retry': { description: 'Write the targeted retry campaign YAML to this file' },
    'operator-image': { description: 'Operator image for the retry campaign' },
  },
  parse(inputs, io) {
    const rawId = inputs.get('campaign-id');
    if (rawId === undefined) {
      throw new InputError("Missing campaign-id: give a campaign id such as 123, or 'latest'");
    }
    const databaseUrl = resolveDatabaseUrl(inputs.get('database-url'), io.env);
    for (const secret of secretsOf(databaseUrl)) io.masker.add(secret);
    return {
      selector: parseCampaignSelector('campaign-id', rawId),
      campaignName: inputs.get('campaign-name'),
      target: parseTargetRate('target-win-rate', inputs.get('target-win-rate') ?? '90'),
      databaseUrl,
      configPath: inputs.get('config'),
      json: parseBoolean('json', inputs.get('json') ?? 'false'),
      writeRetry: inputs.get('write-retry'),
      operatorImage: inputs.get('operator-image'),
    };
  },
  async run(input, io) {
    const config = await loadProjectConfig(input.configPath, io.cwd);
    const db = await openEvalDatabase(input.databaseUrl, { log: (m) => io.logger.warning(m) });
    let analysis: CampaignAnalysis;
    try {
      analysis = await analyzeFromDatabase(db, input.selector, input.campaignName, input.target, config);
    } finally {
      await db.close();
    }
    const markdown = renderDiagnosisMarkdown(analysis);
    io.print(input.json ? JSON.stringify(analysis, null, 2) : markdown);
    if (input.writeRetry && analysis.failing.length > 0) {
      const path = await writeRetryCampaign(analysis, config, input.operatorImage, resolve(io.cwd, input.writeRetry));
      io.logger.info(`Retry campaign written to ${path}`);
      io.setOutput('retry-campaign-path', input.writeRetry);
    } else if (input.writeRetry) {
      io.logger.info('Nothing to retry: every combination meets the target.');
    }
    setAnalysisOutputs(analysis, io);
    if (io.surface === 'action') await io.appendSummary(renderDiagnosisMarkdown(analysis, { maxLength: 1_000_000 }));
    if (!analysis.meets_target && analysis.trials > 0) {
      io.logger.warning(
        `Campaign ${analysis.campaign.id} missed the target: win rate ${(analysis.win_rate * 100).toFixed(1)}% < ${(analysis.target_win_rate * 100).toFixed(1)}%`,
      );
    }
  },
});

export async function analyzeFromDatabase(
  db: EvalDatabase,
  selector: CampaignSelector,
  campaignName: string | undefined,
  target: number,
  config: ProjectConfig,
): Promise<CampaignAnalysis> {
  const reader = createEvalReader(db);
  let id: number;
  if (selector.kind === 'id') id = selector.id;
  else {
    const latest = await reader.findLatestFinishedCampaign(campaignName);
    if (!latest) {
      throw new Error(
        `No finished campaign${campaignName ? ` named like '${campaignName}'` : ''} in ${db.target}: every campaign has pending or running work items, or none exist`,
      );
    }
    id = latest.id;
  }
  const data = await reader.loadCampaignData(id);
  return analyzeCampaign(data, {
    target,
    causes: config.causes,
    localUtcOffsetMinutes: -new Date().getTimezoneOffset(),
  });
}

export function retryYamlFor(analysis: CampaignAnalysis, config: ProjectConfig, operatorImage: string | undefined): string {
  const campaign = buildRetryCampaign({
    name: retryCampaignName(analysis.campaign.name, analysis.campaign.id),
    subjects: [analysis.campaign.subject],
    combinations: analysis.failing.map((f) => ({ chaosType: f.chaos_type, params: f.params })),
    operatorImage: operatorImage ?? config.retry.operatorImage,
    trialsPerCombination: config.retry.trialsPerCombination,
    parallel: config.retry.parallel,
    cooldownSeconds: config.retry.cooldownSeconds,
  });
  const header = `Targeted retry of campaign ${analysis.campaign.id} (${analysis.campaign.name}): ${analysis.failing.length} failing combination(s) at ${(analysis.win_rate * 100).toFixed(1)}% vs target ${(analysis.target_win_rate * 100).toFixed(1)}%.\nWritten by iterate-campaign.`;
  return renderCampaignYaml(campaign, header);
}

async function writeRetryCampaign(
  analysis: CampaignAnalysis,
  config: ProjectConfig,
  operatorImage: string | undefined,
  path: string,
): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, retryYamlFor(analysis, config, operatorImage));
  return path;
}

export function setAnalysisOutputs(analysis: CampaignAnalysis, io: CommandIO): void {
  io.setOutput('campaign-id', analysis.campaign.id);
  io.setOutput('win-rate', analysis.win_rate.toFixed(4));
  io.setOutput('meets-target', analysis.meets_target);
  io.setOutput('failing-chaos-types', JSON.stringify(analysis.failing));
}
