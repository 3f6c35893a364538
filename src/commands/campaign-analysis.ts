import { analyzeCampaign, trialsNeedingCommands, type CampaignAnalysis } from '../core/analysis.js';
import type { Cause } from '../core/causes.js';
import { EVIDENCE_COMMANDS, fillEvidenceCommands } from '../core/evidence.js';
import type { Symptom } from '../core/symptoms.js';
import { createEvalReader } from '../db/eval-reader.js';
import type { Queryable } from '../db/pool.js';

export interface LoadAnalysisOptions {
  target: number;
  causes: Record<Symptom, Cause>;
}

/**
 * Loads one campaign, scores it, then fetches the commands that the evidence shows (the main
 * load only counts commands, in SQL).
 */
export async function loadCampaignAnalysis(
  db: Queryable,
  campaignId: number,
  options: LoadAnalysisOptions,
): Promise<CampaignAnalysis> {
  const reader = createEvalReader(db);
  const data = await reader.loadCampaignData(campaignId);
  const analysis = analyzeCampaign(data, {
    ...options,
    localUtcOffsetMinutes: -new Date().getTimezoneOffset(),
  });
  const ids = trialsNeedingCommands(analysis);
  if (ids.length > 0)
    fillEvidenceCommands(
      analysis.trials_detail,
      await reader.getTrialCommands(ids, EVIDENCE_COMMANDS),
    );
  return analysis;
}
