/** Upstream's `expand_campaign_matrix` (eval/src/eval/runner/campaign.py @ c766b4b). */
import { BASELINE_CHAOS_TYPE, type ChaosType, type Subject } from '../chaos-types.js';
import type { CampaignConfig } from './schema.js';

export interface CampaignTrialSpec {
  subject: Subject;
  chaosType: ChaosType | typeof BASELINE_CHAOS_TYPE;
  chaosParams: Record<string, unknown>;
  trialIndex: number;
  baseline: boolean;
  variant: string;
  resolutionTimeout: number | null;
  sequenceNumber: number | null;
}

/**
 * Upstream `expand_campaign_matrix`: subject × chaos entry (file order) × trial index, then one
 * baseline per subject when include_baseline; sequence numbers only for continuous campaigns.
 */
export function expandCampaignMatrix(config: CampaignConfig): CampaignTrialSpec[] {
  const specs: Omit<CampaignTrialSpec, 'sequenceNumber'>[] = [];
  for (const subject of config.subjects) {
    for (const chaos of config.chaos_types) {
      for (let trialIndex = 0; trialIndex < config.trials_per_combination; trialIndex += 1) {
        specs.push({
          subject,
          chaosType: chaos.type,
          chaosParams: { ...chaos.params },
          trialIndex,
          baseline: false,
          variant: config.variant,
          resolutionTimeout: chaos.resolution_timeout,
        });
      }
    }
  }
  if (config.include_baseline) {
    for (const subject of config.subjects) {
      specs.push({
        subject,
        chaosType: BASELINE_CHAOS_TYPE,
        chaosParams: {},
        trialIndex: 0,
        baseline: true,
        variant: config.variant,
        resolutionTimeout: null,
      });
    }
  }
  return specs.map((spec, index) => ({
    ...spec,
    sequenceNumber: config.continuous ? index : null,
  }));
}

/** Work items a config expands to. */
export function matrixSize(config: CampaignConfig): number {
  const perSubject =
    config.chaos_types.length * config.trials_per_combination + (config.include_baseline ? 1 : 0);
  return config.subjects.length * perSubject;
}
