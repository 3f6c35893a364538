import { analyzeCampaign, type CampaignAnalysis } from '../../../../src/core/analysis.js';
import { resolveCauses } from '../../../../src/core/causes.js';
import type { TrialRecord, WorkItemRecord } from '../../../../src/core/records.js';
import { campaign, DOWN_STATE, trial, workItem } from '../../../support/records.js';

type TrialOverrides = Parameters<typeof trial>[1];
export interface Row {
  chaos: string;
  params?: Record<string, unknown>;
  baseline?: boolean;
  trial?: TrialOverrides | null;
  error?: string;
}

export const TIMEOUT: TrialOverrides = { resolvedAt: null, finalState: DOWN_STATE };
export const NO_TICKET: TrialOverrides = {
  ticketCreatedAt: null,
  resolvedAt: null,
  finalState: DOWN_STATE,
  commandCount: 0,
};

/** A real analysis of records: item i produced trial 1000 + i (none when `trial` is null). */
export function analysisOf(rows: Row[], id = 100, name = 'tikv-all-chaos-cloud'): CampaignAnalysis {
  const trials: TrialRecord[] = [];
  const workItems: WorkItemRecord[] = [];
  rows.forEach((row, i) => {
    const itemId = id * 100 + i + 1;
    const trialId = row.trial === null ? null : id * 1000 + i + 1;
    workItems.push(
      workItem(itemId, {
        campaignId: id,
        chaosType: row.chaos,
        chaosParams: row.params ?? {},
        baseline: row.baseline ?? false,
        trialId,
        status: row.trial === null ? 'failed' : 'completed',
        error: row.error ?? null,
      }),
    );
    if (trialId !== null) {
      const metadata = row.baseline ? {} : { chaos_type: row.chaos, ...(row.params ?? {}) };
      trials.push(
        trial(trialId, { campaignId: id, chaosMetadata: metadata, ...(row.trial ?? {}) }),
      );
    }
  });
  return analyzeCampaign(
    { campaign: campaign({ id, name }), trials, workItems },
    { target: 0.9, causes: resolveCauses(), localUtcOffsetMinutes: 0 },
  );
}

/** Wide Unicode where people put it: CJK and emoji in params, a long params object. */
export const WIDE_ROWS: Row[] = [
  { chaos: 'node_kill' },
  { chaos: 'node_kill' },
  { chaos: 'latency', params: { region: '東京リージョン', label: '🔥 hot' } },
  { chaos: 'latency', params: { region: '東京リージョン', label: '🔥 hot' }, trial: TIMEOUT },
  { chaos: 'network_partition', trial: NO_TICKET },
  { chaos: 'network_partition', trial: NO_TICKET },
  {
    chaos: 'packet_loss',
    params: { percent: 30, target: 'tikv-0.tikv-peer.tikv.svc.cluster.local', 说明: '丢包测试' },
    trial: TIMEOUT,
  },
  {
    chaos: 'pd_leader_kill',
    trial: null,
    error: 'ssh: connect to host tikv-eval-0 port 22: timed out',
  },
  { chaos: 'none', baseline: true },
];

/** The visible text: ANSI colour codes removed. */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

export const STYLES = {
  tty: { color: true, symbols: true, width: 120 },
  'tty 80 columns': { color: true, symbols: true, width: 80 },
  piped: { color: false, symbols: false, width: 80 },
} as const;

/** What a terminal report never shows: HTML, hidden markers, Markdown tables and emphasis. */
export function expectNoMarkup(text: string, expect: (v: unknown) => { toBe(x: unknown): void }) {
  const shown = visible(text);
  expect(shown.includes('<')).toBe(false);
  expect(shown.includes('<!--')).toBe(false);
  expect(/^\s*\|?\s*:?-{3,}:?\s*\|/m.test(shown)).toBe(false);
  expect(/^\s*\|.*\|\s*$/m.test(shown)).toBe(false);
  expect(shown.includes('**')).toBe(false);
  expect(shown.includes('`')).toBe(false);
  expect(/^#{1,6} /m.test(shown)).toBe(false);
}
