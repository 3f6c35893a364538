import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '../demo/embedded-server.js';
import { openEvalDatabase } from '../db/pool.js';
import { createUpstreamSchema } from '../db/upstream-schema.js';
import { seedLargeCampaign, timeAnalysis, timeRowByRow } from './analyze-bench.js';
import { timeEnqueue, timeWaitWake } from './queue-bench.js';

const SIZE = Number(process.env.BENCH_TRIALS ?? 100_000);
const ROW_SAMPLE = 2_000;
const RUNS = 5;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres();
  try {
    const db = await openEvalDatabase(await server.createDatabase('bench'));
    try {
      await createUpstreamSchema(db);
      const seedStart = performance.now();
      const campaignId = await seedLargeCampaign(db, SIZE);
      console.log(
        `seeded campaign ${campaignId}: ${SIZE.toLocaleString('en-US')} work items + trials in ${ms(performance.now() - seedStart)}`,
      );

      await timeAnalysis(db, campaignId); // warm-up: JIT, plan cache, shared buffers
      const timings = [];
      for (let i = 0; i < RUNS; i++) timings.push(await timeAnalysis(db, campaignId));
      const total = median(timings.map((t) => t.totalMs));
      console.log(
        `\nanalyze ${SIZE.toLocaleString('en-US')} trials (median of ${RUNS}): ${ms(total)}  [goal < 1000 ms: ${total < 1000 ? 'met' : 'MISSED'}]`,
      );
      console.log(`  load   ${ms(median(timings.map((t) => t.loadMs)))}`);
      console.log(`  score  ${ms(median(timings.map((t) => t.analyzeMs)))}`);
      console.log(`  evidence commands ${ms(median(timings.map((t) => t.evidenceMs)))}`);
      console.log(`  render ${ms(median(timings.map((t) => t.renderMs)))}`);

      const perRow = await timeRowByRow(db, campaignId, ROW_SAMPLE);
      const rowByRow = perRow * SIZE;
      console.log(
        `\nrow-by-row fetch: ${perRow.toFixed(3)} ms/row over ${ROW_SAMPLE} rows → ${ms(rowByRow)} for ${SIZE.toLocaleString('en-US')} (extrapolated)`,
      );
      console.log(`ratio row-by-row / batched analyze: ${(rowByRow / total).toFixed(1)}x`);

      const enqueues = [];
      for (let i = 0; i < 3; i++) enqueues.push(await timeEnqueue(db, SIZE));
      const enqueueMs = median(enqueues);
      console.log(
        `\nenqueue ${SIZE.toLocaleString('en-US')} work items in one transaction (median of 3): ${ms(enqueueMs)}  [goal < 2000 ms: ${enqueueMs < 2000 ? 'met' : 'MISSED'}]`,
      );

      const wakes = [];
      for (let i = 0; i < RUNS; i++) wakes.push(await timeWaitWake(db));
      const wakeMs = median(wakes);
      console.log(
        `wait returns after the last completion (median of ${RUNS}, poll interval 60 s): ${ms(wakeMs)}  [goal < 1000 ms: ${wakeMs < 1000 ? 'met' : 'MISSED'}]`,
      );
      console.log(`ratio poll interval / NOTIFY wake: ${(60_000 / wakeMs).toFixed(0)}x`);
    } finally {
      await db.close();
    }
  } finally {
    await server.stop();
  }
}

await main();
