import { attachEvidence, CampaignAnalyzer, type CampaignAnalysis } from '../core/analysis.js';
import type { Cause } from '../core/causes.js';
import { EVIDENCE_COMMANDS } from '../core/evidence.js';
import type { Symptom } from '../core/symptoms.js';
import { createEvalReader } from '../db/eval-reader.js';
import type { EvalDatabase, Queryable } from '../db/pool.js';
import { buildRetryCampaign, retrySettings, retrySourceOf } from '../core/campaign/retry.js';
import type { CampaignSelector } from '../core/inputs.js';
import { splitRetryable, withheldNote } from '../core/chaos-types.js';
import type { ProjectConfig } from '../core/config.js';
import type { HandoffOptions } from '../core/handoff.js';
import {
  nextDiagnosisState,
  renderDiagnosisIssueBody,
  withRevision,
} from '../core/diagnosis-state.js';

export interface LoadAnalysisOptions {
  target: number;
  /** Per-chaos-type targets (config `targets`). */
  targets?: Readonly<Record<string, number>>;
  causes: Record<Symptom, Cause>;
  /** Read the evidence rows of the failing trials (default true; past campaigns only need counts). */
  evidence?: boolean;
}

/**
 * Scores one campaign as its trials stream from the database (memory holds the counts and the
 * failing trials, not the campaign), then reads the full rows of the trials its evidence shows.
 */
export async function loadCampaignAnalysis(
  db: Queryable,
  campaignId: number,
  options: LoadAnalysisOptions,
): Promise<CampaignAnalysis> {
  const localUtcOffsetMinutes = -new Date().getTimezoneOffset();
  return createEvalReader(db).readCampaign(campaignId, async (snapshot) => {
    const { evidence = true, ...scoring } = options;
    const analyzer = new CampaignAnalyzer(snapshot.campaign, snapshot.workItems, {
      ...scoring,
      localUtcOffsetMinutes,
    });
    await snapshot.forEachTrial((trial, workItem) => analyzer.add(trial, workItem));
    const { analysis, evidenceTrialIds } = analyzer.finish();
    if (!evidence) return analysis;
    attachEvidence(analysis, await snapshot.evidence(evidenceTrialIds, EVIDENCE_COMMANDS));
    return analysis;
  });
}

/** The campaign the selector names (an id, or the latest finished one), analysed. */
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
  return loadCampaignAnalysis(db, id, {
    target,
    targets: config.targets.byChaosType,
    causes: config.causes,
  });
}

/**
 * The targeted retry campaign of the failing combinations. Combinations whose chaos type the
 * harness would reject are left out and named in the header; when none is left, the text is only
 * that note (a YAML document with no campaign), so the issue still says why.
 */
export function retryYamlFor(
  analysis: CampaignAnalysis,
  config: ProjectConfig,
  operatorImage: string | undefined,
): string {
  const { retryable, withheld } = splitRetryable(analysis.failing);
  const note = withheldNote(withheld);
  if (retryable.length === 0) {
    return `${[note, 'No targeted retry campaign: no failing combination can be retried.']
      .join('\n')
      .split('\n')
      .map((line) => `# ${line}`)
      .join('\n')}\n`;
  }
  const header = [
    `Targeted retry of campaign ${analysis.campaign.id} (${analysis.campaign.name}): ${retryable.length} failing combination(s) at ${(analysis.win_rate * 100).toFixed(1)}% vs target ${(analysis.target_win_rate * 100).toFixed(1)}%.`,
    'Written by iterate-campaign.',
    ...(note ? [note] : []),
  ];
  return buildRetryCampaign(
    { ...retrySourceOf(analysis), failing: retryable },
    retrySettings(config.retry, operatorImage ?? config.retry.operatorImage),
    header,
  ).yaml;
}

/** Whether any failing combination can go into a retry campaign. */
export function hasRetryable(analysis: CampaignAnalysis): boolean {
  return splitRetryable(analysis.failing).retryable.length > 0;
}

/**
 * The diagnosis issue body the first analysis of a series writes, exactly as analyze creates it:
 * what `analyze --format md` prints when no issue was written.
 */
export function newDiagnosisIssueBody(
  analysis: CampaignAnalysis,
  retryYaml: string | undefined,
  runUrl: string | undefined,
  handoff?: HandoffOptions,
): string {
  const state = {
    ...nextDiagnosisState(undefined, analysis, runUrl),
    series: analysis.campaign.name,
  };
  return renderDiagnosisIssueBody(analysis, withRevision(state, state.revision + 1), {
    ...(retryYaml ? { retryYaml } : {}),
    ...(handoff ? { handoff } : {}),
  });
}
