import type { CampaignRecord, TrialRecord, WorkItemRecord } from '../../src/core/records.js';

export const UP_STATE = {
  store_count: 3,
  stores: [1, 4, 5].map((id) => ({ id, address: `tikv${id}:20160`, state_name: 'Up' })),
  region_count: 24,
};

export const DOWN_STATE = {
  ...UP_STATE,
  stores: UP_STATE.stores.map((s, i) => (i === 1 ? { ...s, state_name: 'Disconnected' } : s)),
};

export function campaign(overrides: Partial<CampaignRecord> = {}): CampaignRecord {
  return {
    id: 100,
    subjectName: 'tikv',
    name: 'tikv-all-chaos-cloud',
    trialCount: 0,
    baseline: false,
    continuous: false,
    notable: false,
    notes: '',
    variantName: 'default',
    gitCommitHash: 'abcdef0123456789',
    createdAt: '2026-02-10 10:00:00.5+00',
    ...overrides,
  };
}

const commands = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    tool_name: 'shell',
    tool_params: JSON.stringify({ command: `pd-ctl store ${i}` }),
    exit_code: 0,
    timestamp: '2026-02-10T12:01:00+00:00',
  }));

/** A successful TiKV trial: ticket 20 s after chaos, resolved after 300 s, 4 commands. */
export function trial(
  id: number,
  overrides: Partial<TrialRecord> & { commandCount?: number } = {},
): TrialRecord {
  const { commandCount = 4, ...rest } = overrides;
  return {
    id,
    campaignId: 100,
    startedAt: '2026-02-10 12:00:00.123456+00',
    chaosInjectedAt: '2026-02-10 12:02:30+00',
    ticketCreatedAt: '2026-02-10 12:02:50+00',
    resolvedAt: '2026-02-10 12:07:30+00',
    endedAt: '2026-02-10 12:08:10.654321+00',
    finalState: UP_STATE,
    chaosMetadata: { chaos_type: 'node_kill', target_container: 'tikv1' },
    commands: commands(commandCount),
    ...rest,
  };
}

export function workItem(id: number, overrides: Partial<WorkItemRecord> = {}): WorkItemRecord {
  return {
    id,
    campaignId: 100,
    subjectType: 'tikv',
    chaosType: 'node_kill',
    chaosParams: {},
    baseline: false,
    status: 'completed',
    workerId: 'c100-1',
    claimedAt: '2026-02-10 12:00:00+00',
    completedAt: '2026-02-10 12:08:11+00',
    trialId: null,
    error: null,
    sequenceNumber: null,
    vmName: 'tikv-eval-0-abc',
    resolutionTimeout: null,
    ...overrides,
  };
}
