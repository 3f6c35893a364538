/**
 * The pass history of a campaign's combinations over the last campaigns of its series (`--history`).
 * Campaigns are loaded and scored one at a time, so memory stays at one campaign.
 */
import type { CampaignAnalysis } from '../core/analysis.js';
import type { Cause } from '../core/causes.js';
import { flakyHistory, type FlakyCombination, type SeriesCampaign } from '../core/flaky.js';
import type { Symptom } from '../core/symptoms.js';
import { listSeriesCampaignIds } from '../db/campaign-series.js';
import type { Queryable } from '../db/pool.js';
import { loadCampaignAnalysis } from './analyze-campaign.js';

export async function loadFlakyHistory(
  db: Queryable,
  analysis: Pick<CampaignAnalysis, 'campaign' | 'by_chaos_type' | 'target_win_rate'>,
  options: { history: number; causes: Record<Symptom, Cause> },
): Promise<FlakyCombination[]> {
  const ids = await listSeriesCampaignIds(
    db,
    analysis.campaign.name,
    analysis.campaign.id,
    options.history,
  );
  const series: SeriesCampaign[] = [];
  for (const id of ids.reverse()) {
    if (id === analysis.campaign.id) {
      series.push({ campaign_id: id, combos: analysis.by_chaos_type });
      continue;
    }
    const past = await loadCampaignAnalysis(db, id, {
      target: analysis.target_win_rate,
      causes: options.causes,
      evidence: false,
    });
    series.push({ campaign_id: id, combos: past.by_chaos_type });
  }
  return flakyHistory(series, analysis.target_win_rate);
}
