/**
 * A campaign is usually analysed just after it finished, before autovacuum has analysed its rows:
 * the statistics know nothing of it. The trial stream's plan must not then nest the campaign's work
 * items inside its trials (work that grows with the cube of the campaign). Measured as rows the plan
 * touches, from EXPLAIN ANALYZE of the very query and settings the analysis runs, not as time.
 */
import { describe, expect, test } from 'vitest';
import { seedLargeCampaign } from '../../../src/bench/analyze-bench.js';
import { DEFAULT_CAUSES, type Cause } from '../../../src/core/causes.js';
import type { Symptom } from '../../../src/core/symptoms.js';
import {
  PARALLEL_FROM_ITEMS,
  planTrialStream,
  trialStreamQuery,
} from '../../../src/db/campaign-snapshot.js';
import { loadCampaignAnalysis } from '../../../src/loop/analyze-campaign.js';
import { upstreamDatabase } from './helpers.js';

const FRESH_TRIALS = 300;

interface PlanNode {
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows every node of the plan produced or discarded, over all its loops. */
function rowsTouched(node: PlanNode): number {
  const own =
    (node['Actual Rows'] +
      (node['Rows Removed by Filter'] ?? 0) +
      (node['Rows Removed by Join Filter'] ?? 0)) *
    node['Actual Loops'];
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsTouched(child), 0);
}

describe('reading a campaign the statistics do not know yet', () => {
  test('the trial stream touches rows in proportion to the campaign, and scores it as after ANALYZE', async () => {
    const { db } = await upstreamDatabase();
    for (const table of ['trials', 'work_queue']) {
      await db.query({ text: `ALTER TABLE ${table} SET (autovacuum_enabled = false)` });
    }
    await seedLargeCampaign(db, 50);
    await db.query({ text: 'ANALYZE' });
    const fresh = await seedLargeCampaign(db, FRESH_TRIALS);

    const plan = await db.withClient(async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        await planTrialStream(client, FRESH_TRIALS);
        const { rows } = await client.query({
          text: `EXPLAIN (ANALYZE, FORMAT JSON) ${trialStreamQuery(true)}`,
          values: [fresh],
        });
        return (rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]!.Plan;
      } finally {
        await client.query('ROLLBACK');
      }
    });
    expect(plan['Actual Rows']).toBe(FRESH_TRIALS);
    // Nested over the work items it was about FRESH_TRIALS² (90,000) rows and more.
    expect(rowsTouched(plan)).toBeLessThan(20 * FRESH_TRIALS);

    const options = { target: 0.9, causes: DEFAULT_CAUSES as Record<Symptom, Cause> };
    const before = await loadCampaignAnalysis(db, fresh, options);
    await db.query({ text: 'ANALYZE' });
    expect(before.trials).toBe(FRESH_TRIALS);
    expect(before).toEqual(await loadCampaignAnalysis(db, fresh, options));
  });

  test('the settings hold for the transaction only, parallel ones from PARALLEL_FROM_ITEMS', async () => {
    const { db } = await upstreamDatabase();
    const settings = (count: number) =>
      db.withClient(async (client) => {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        try {
          await planTrialStream(client, count);
          const { rows } = await client.query(
            `SELECT current_setting('enable_nestloop') AS nestloop,
                    current_setting('parallel_setup_cost') AS setup,
                    current_setting('min_parallel_index_scan_size') AS index_size`,
          );
          return rows[0] as Record<string, string>;
        } finally {
          await client.query('ROLLBACK');
        }
      });
    expect(await settings(PARALLEL_FROM_ITEMS - 1)).toEqual({
      nestloop: 'off',
      setup: '1000',
      index_size: '512kB',
    });
    expect(await settings(PARALLEL_FROM_ITEMS)).toEqual({
      nestloop: 'off',
      setup: '0',
      index_size: '0',
    });
    const { rows } = await db.query({ text: "SELECT current_setting('enable_nestloop') AS v" });
    expect(rows[0].v).toBe('on');
  });
});
