import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '../demo/embedded-server.js';
import { openEvalDatabase, type EvalDatabase } from '../db/pool.js';
import { createUpstreamSchema } from '../db/upstream-schema.js';
import { seedLargeCampaign, timeAnalysis, timeRowByRow } from './analyze-bench.js';
import { timeActionStart, timeBareNode, timeCliAnalyze } from './process-bench.js';
import { timeEnqueue, timeWaitWake } from './queue-bench.js';

const SIZE = Number(process.env.BENCH_TRIALS ?? 100_000);
const SMALL = Math.max(1, Math.round(SIZE / 10));
const ROW_SAMPLE = 2_000;
/** A campaign read before autovacuum analysed it (the statistics know nothing of it). */
const FRESH = Math.min(SMALL, 2_000);
const RUNS = 5;
const cores = availableParallelism();

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (value: number) => `${value.toFixed(1)} MB`;
const count = (value: number) => value.toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

async function repeat<T>(runs: number, fn: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await fn());
  return results;
}

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres();
  try {
    const url = await server.createDatabase('bench');
    const db = await openEvalDatabase(url);
    try {
      await createUpstreamSchema(db);
      const seedStart = performance.now();
      const campaignId = await seedLargeCampaign(db, SIZE);
      const smallId = await seedLargeCampaign(db, SMALL);
      await db.query({ text: 'VACUUM ANALYZE' });
      console.log(
        `seeded campaigns ${campaignId} (${count(SIZE)} trials) and ${smallId} (${count(SMALL)} trials) in ${ms(performance.now() - seedStart)}`,
      );

      await timeCliAnalyze(url, campaignId); // warm-up: page cache, shared buffers
      const cli = await repeat(RUNS, () => timeCliAnalyze(url, campaignId));
      const small = await repeat(3, () => timeCliAnalyze(url, smallId));
      const endToEnd = median(cli.map((r) => r.ms));
      const peak = Math.max(...cli.map((r) => r.maxRssMb));
      console.log(
        `\nanalyze ${count(SIZE)} trials end to end (node lib/cli.js analyze --json, start to exit, median of ${RUNS}): ${ms(endToEnd)}  [goal < 1000 ms: ${verdict(endToEnd < 1000)}]`,
      );
      console.log(
        `  peak memory (max RSS of the analyze process): ${mb(peak)} at ${count(SIZE)} trials, ${mb(Math.max(...small.map((r) => r.maxRssMb)))} at ${count(SMALL)}  [goal < 150 MB: ${verdict(peak < 150)}]`,
      );
      console.log(
        `  ${count(SMALL)} trials end to end (median of 3): ${ms(median(small.map((r) => r.ms)))}`,
      );
      const machineCpu = median(cli.map((r) => r.machineCpuMs));
      const nodeCpu = median(cli.map((r) => r.nodeCpuMs));
      console.log(
        `  CPU time of one ${count(SIZE)}-trial analysis, all processes (median of ${RUNS}): ${ms(machineCpu)}, of which the analyze process ${ms(nodeCpu)} and the rest PostgreSQL; on ${cores} cores no run can end before ${ms(machineCpu / cores)}`,
      );

      await timeAnalysis(db, campaignId); // warm-up: JIT
      const timings = await repeat(RUNS, () => timeAnalysis(db, campaignId));
      console.log(
        `  in process (median of ${RUNS}): analysis from the database ${ms(median(timings.map((t) => t.analyzeMs)))}, render ${ms(median(timings.map((t) => t.renderMs)))}`,
      );

      const perRow = await timeRowByRow(db, campaignId, ROW_SAMPLE);
      const rowByRow = perRow * SIZE;
      console.log(
        `\nrow-by-row fetch: ${perRow.toFixed(3)} ms/row over ${ROW_SAMPLE} rows → ${ms(rowByRow)} for ${count(SIZE)} (extrapolated)`,
      );
      const ratio = rowByRow / endToEnd;
      console.log(
        `ratio row-by-row fetch / end-to-end analyze: ${ratio.toFixed(1)}x  [goal ≥ 20x: ${verdict(ratio >= 20)}]`,
      );

      await timeFreshCampaign(db, url);

      const bare = median(await repeat(RUNS, timeBareNode));
      const action = median(await repeat(RUNS, () => timeActionStart(url, campaignId)));
      const startRatio = action / bare;
      console.log(
        `\naction start (node dist/index.js to first output, median of ${RUNS}): ${ms(action)} vs node -e 0 ${ms(bare)}: ${startRatio.toFixed(2)}x  [goal ≤ 2x: ${verdict(startRatio <= 2)}]`,
      );

      const enqueueMs = median(await repeat(3, () => timeEnqueue(db, SIZE)));
      console.log(
        `\nenqueue ${count(SIZE)} work items in one transaction (median of 3): ${ms(enqueueMs)}  [goal < 2000 ms: ${verdict(enqueueMs < 2000)}]`,
      );

      const wakeMs = median(await repeat(RUNS, () => timeWaitWake(db)));
      console.log(
        `wait returns after the last completion (median of ${RUNS}, poll interval 60 s): ${ms(wakeMs)}  [goal < 1000 ms: ${verdict(wakeMs < 1000)}]`,
      );
      console.log(`ratio poll interval / NOTIFY wake: ${(60_000 / wakeMs).toFixed(0)}x`);
    } finally {
      await db.close();
    }
  } finally {
    await server.stop();
  }
}

/** A just-finished campaign, before and after ANALYZE: the plan must not depend on its statistics. */
async function timeFreshCampaign(db: EvalDatabase, url: string): Promise<void> {
  for (const table of ['trials', 'work_queue']) {
    await db.query({ text: `ALTER TABLE ${table} SET (autovacuum_enabled = false)` });
  }
  const freshId = await seedLargeCampaign(db, FRESH);
  const fresh = median((await repeat(3, () => timeCliAnalyze(url, freshId))).map((r) => r.ms));
  await db.query({ text: 'ANALYZE' });
  const analysed = median((await repeat(3, () => timeCliAnalyze(url, freshId))).map((r) => r.ms));
  console.log(
    `\nanalyze ${count(FRESH)} trials the statistics do not know yet (median of 3): ${ms(fresh)} vs ${ms(analysed)} after ANALYZE: ${(fresh / analysed).toFixed(2)}x`,
  );
}

await main();
