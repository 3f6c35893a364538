import { describe, expect, test } from 'vitest';
import { analyzeCampaign } from '../../../src/core/analysis.js';
import { DEFAULT_CAUSES, resolveCauses } from '../../../src/core/causes.js';
import type { CampaignData, TrialRecord, WorkItemRecord } from '../../../src/core/records.js';
import { campaign, DOWN_STATE, trial, workItem } from '../../support/records.js';

const options = { target: 0.9, causes: resolveCauses(), localUtcOffsetMinutes: 0 };

/** Builds trials and their work items together: item i produced trial 1000 + i. */
type TrialOverrides = Parameters<typeof trial>[1];

function build(
  rows: {
    chaos: string;
    params?: Record<string, unknown>;
    baseline?: boolean;
    trial?: TrialOverrides | null;
    error?: string;
  }[],
): CampaignData {
  const trials: TrialRecord[] = [];
  const workItems: WorkItemRecord[] = [];
  rows.forEach((row, i) => {
    const id = i + 1;
    const trialId = row.trial === null ? null : 1000 + id;
    workItems.push(
      workItem(id, {
        chaosType: row.chaos,
        chaosParams: row.params ?? {},
        baseline: row.baseline ?? false,
        trialId,
        status: row.trial === null ? 'failed' : 'completed',
        error: row.error ?? null,
      }),
    );
    if (trialId !== null) {
      const metadata = row.baseline
        ? {}
        : { chaos_type: row.chaos, target_container: 'tikv1', ...(row.params ?? {}) };
      trials.push(trial(trialId, { chaosMetadata: metadata, ...(row.trial ?? {}) }));
    }
  });
  return { campaign: campaign(), trials, workItems };
}

const timeout = { resolvedAt: null, finalState: DOWN_STATE };
const noTicket: TrialOverrides = {
  ticketCreatedAt: null,
  resolvedAt: null,
  finalState: DOWN_STATE,
  commandCount: 0,
};

describe('analyzeCampaign', () => {
  const data = build([
    { chaos: 'node_kill' },
    { chaos: 'node_kill' },
    { chaos: 'latency', params: { min_ms: 50, max_ms: 150 } },
    { chaos: 'latency', params: { min_ms: 50, max_ms: 150 }, trial: timeout },
    { chaos: 'latency', params: { min_ms: 200, max_ms: 500 }, trial: timeout },
    { chaos: 'network_partition', trial: noTicket },
    { chaos: 'network_partition', trial: noTicket },
    { chaos: 'pd_leader_kill', trial: timeout },
    {
      chaos: 'asymmetric_partition',
      trial: null,
      error: 'ssh: connect to host: Connection timed out',
    },
    { chaos: 'none', baseline: true, trial: { ticketCreatedAt: null, commandCount: 0 } },
  ]);
  const a = analyzeCampaign(data, options);

  test('scores like upstream: win rate = successes / trial rows, baseline included, broken items excluded', () => {
    expect(a.trials).toBe(9);
    expect(a.successes).toBe(4);
    expect(a.timeouts).toBe(5);
    expect(a.win_rate).toBeCloseTo(4 / 9, 15);
    expect(a.agent_win_rate).toBeCloseTo(3 / 8, 15);
    expect(a.meets_target).toBe(false);
    expect(a.broken_work_items).toEqual([
      expect.objectContaining({
        work_id: 9,
        chaos_type: 'asymmetric_partition',
        error: 'ssh: connect to host: Connection timed out',
      }),
    ]);
  });

  test('groups by chaos type and params: two latency combinations stay apart', () => {
    const latency = a.by_chaos_type.filter((c) => c.chaos_type === 'latency');
    expect(latency.map((c) => [c.params, c.successes, c.trials])).toEqual([
      [{ min_ms: 50, max_ms: 150 }, 1, 2],
      [{ min_ms: 200, max_ms: 500 }, 0, 1],
    ]);
    expect(a.by_chaos_type.find((c) => c.chaos_type === 'none')).toMatchObject({
      baseline: true,
      trials: 1,
      successes: 1,
    });
  });

  test('lists failing combinations for the retry, including one whose only item broke', () => {
    const tikv = (chaos_type: string, params: Record<string, unknown> = {}) => ({
      subject: 'tikv',
      chaos_type,
      params,
      resolution_timeout: null,
    });
    expect(a.failing).toEqual([
      tikv('latency', { min_ms: 50, max_ms: 150 }),
      tikv('latency', { min_ms: 200, max_ms: 500 }),
      tikv('network_partition'),
      tikv('pd_leader_kill'),
      tikv('asymmetric_partition'),
    ]);
  });

  test('campaign-level patterns come first, then broken items, then per-symptom findings', () => {
    const symptoms = a.findings.map((f) => `${f.symptom}:${f.chaos_type}`);
    expect(symptoms.slice(0, 3)).toEqual([
      'all-failed-no-ticket:network_partition',
      'pd-chaos-failing:pd_leader_kill',
      'broken-work-item:asymmetric_partition',
    ]);
    expect(symptoms).not.toContain('no-ticket:network_partition');
    const timeouts = a.findings.filter((f) => f.symptom === 'timeout');
    expect(timeouts.map((f) => [f.chaos_type, f.trial_ids, f.kind])).toEqual(
      expect.arrayContaining([
        ['latency', [1004], 'agent'],
        ['latency', [1005], 'agent'],
        ['pd_leader_kill', [1008], 'agent'],
      ]),
    );
    const noTicketFinding = a.findings[0]!;
    expect(noTicketFinding.fix_locations).toEqual(
      DEFAULT_CAUSES['all-failed-no-ticket'].fixLocations,
    );
  });

  test('trial details are the failing trials only, with symptoms, kind and evidence', () => {
    const failed = a.trials_detail.find((t) => t.trial_id === 1006)!;
    expect(failed).toMatchObject({
      outcome: 'timeout',
      symptoms: ['no-ticket'],
      kind: 'pipeline',
      commands: 0,
    });
    expect(failed.evidence).toMatchObject({
      reproduce: 'uv run eval show --trial 1006 --remote',
      stores_not_up: ['store 4 (tikv4:20160): Disconnected'],
      ticket_created_at: null,
    });
    expect(a.trials_detail.find((t) => t.trial_id === 1001)).toBeUndefined();
    expect(a.trials_detail.every((t) => t.outcome !== 'success')).toBe(true);
    expect(a.trials_detail).toHaveLength(a.failures + a.timeouts);
  });

  test('averages follow upstream: every trial with a value, via an exact mean', () => {
    expect(a.avg_time_to_detect_sec).toBe(20);
    expect(a.avg_time_to_resolve_sec).toBe(300);
  });

  test('the Wilson interval and the trials still needed are reported', () => {
    expect(a.win_rate_ci[0]).toBeLessThan(a.win_rate);
    expect(a.win_rate_ci[1]).toBeGreaterThan(a.win_rate);
    expect(a.ci_lower_bound_meets_target).toBe(false);
    expect(a.all_success_trials_needed).toBeGreaterThan(0);
  });

  test('trials in any order give the same analysis (a cursor returns rows in storage order)', () => {
    const orphans = [
      trial(2002, { chaosMetadata: { chaos_type: 'disk_pressure', fill_percent: 90 } }),
      trial(2001, { chaosMetadata: { chaos_type: 'cpu_starvation', cores: 2 }, ...timeout }),
    ];
    const inOrder = analyzeCampaign(
      { ...data, trials: [...data.trials, ...orphans].sort((x, y) => x.id - y.id) },
      options,
    );
    const shuffled = [...data.trials, ...orphans].reverse();
    shuffled.push(shuffled.shift()!);
    expect(analyzeCampaign({ ...data, trials: shuffled }, options)).toEqual(inOrder);
    expect(inOrder.by_chaos_type.slice(-3).map((c) => c.chaos_type)).toEqual([
      'none',
      'cpu_starvation',
      'disk_pressure',
    ]);
  });

  test('a trial without a work item falls back to chaos_metadata for type and params', () => {
    const orphan = analyzeCampaign(
      {
        campaign: campaign(),
        workItems: [],
        trials: [
          trial(7, {
            chaosMetadata: {
              chaos_type: 'latency',
              target_container: 'tikv2',
              min_ms: 200,
              max_ms: 500,
            },
          }),
        ],
      },
      options,
    );
    expect(orphan.by_chaos_type).toEqual([
      expect.objectContaining({ chaos_type: 'latency', params: { min_ms: 200, max_ms: 500 } }),
    ]);
  });

  test('a campaign with no trials is a clear empty report', () => {
    const empty = analyzeCampaign(
      { campaign: campaign(), trials: [], workItems: [workItem(1, { status: 'pending' })] },
      options,
    );
    expect(empty).toMatchObject({
      trials: 0,
      win_rate: 0,
      finished: false,
      failing: [],
      findings: [],
    });
  });

  test('a config override replaces or extends fix locations', () => {
    const causes = resolveCauses({
      timeout: { fixLocations: ['prompts/sre.md'], mode: 'extend' },
      'no-ticket': { likelyCause: 'custom' },
    });
    expect(causes.timeout.fixLocations).toEqual([
      ...DEFAULT_CAUSES.timeout.fixLocations,
      'prompts/sre.md',
    ]);
    expect(causes['no-ticket']).toEqual({
      likelyCause: 'custom',
      fixLocations: DEFAULT_CAUSES['no-ticket'].fixLocations,
    });
  });
});

describe('failing combinations of a two-subject campaign', () => {
  test('keep the subject that failed and the work items’ resolution timeout', () => {
    const items = [
      workItem(1, { subjectType: 'chat-db-app', chaosType: 'db_sharding_direct', trialId: 11 }),
      workItem(2, {
        subjectType: 'chat-db-app-shard',
        chaosType: 'db_sharding_direct',
        trialId: 12,
        resolutionTimeout: 1800,
      }),
    ];
    const data = {
      campaign: campaign({ subjectName: 'chat-db-app' }),
      workItems: items,
      trials: [
        trial(11, { finalState: { app: { status: 'healthy' } } }),
        trial(12, { finalState: { app: { status: 'down' } } }),
      ],
    };
    const result = analyzeCampaign(data, options);
    expect(result.failing).toEqual([
      {
        subject: 'chat-db-app-shard',
        chaos_type: 'db_sharding_direct',
        params: {},
        resolution_timeout: 1800,
      },
    ]);
    expect(result.by_chaos_type.map((c) => [c.subject, c.trials, c.successes])).toEqual([
      ['chat-db-app', 1, 1],
      ['chat-db-app-shard', 1, 0],
    ]);
  });
});
