/**
 * `npm run simulate`: replays trial policies over synthetic retry campaigns (see
 * core/loop-simulation.ts), prints a table and writes simulate-output/summary.json.
 * Options: --campaigns N, --seed S, --out DIR.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SIMULATION, simulate, type SimulationSummary } from '../core/loop-simulation.js';

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`Invalid --${name}: '${value}' — expected a positive integer`);
  }
  return n;
}

function formatSummary(summary: SimulationSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(8);
  const num = (x: number, digits = 0) => x.toFixed(digits).padStart(10);
  const lines = [
    `${summary.campaigns} synthetic retry campaigns (fixed, unchanged, partly fixed, regressed, flaky), seed ${summary.seed}; ${summary.workers} workers, ~${summary.trial_minutes_mean} min per trial, top-up rounds start ${summary.top_up_delay_minutes} min after the previous one ends; target ${pct(summary.target).trim()}`,
    '',
    `${'policy'.padEnd(10)}${'trial-min'.padStart(10)}${'merge→verdict'.padStart(15)}${'false fixed'.padStart(13)}${'false failing'.padStart(15)}${'trials/comb'.padStart(13)}${'rounds'.padStart(8)}${'decisions'.padStart(11)}`,
  ];
  for (const p of summary.policies) {
    lines.push(
      `${p.name.padEnd(10)}${num(p.trial_minutes)}${num(p.merge_to_verdict_minutes).padStart(15)}${pct(p.false_fixed_rate).padStart(13)}${pct(p.false_failing_rate).padStart(15)}${num(p.trials_per_combination, 2).padStart(13)}${num(p.rounds, 2).padStart(8)}${String(p.decisions).padStart(11)}`,
    );
  }
  lines.push('', `Goal: ${summary.goal.statement}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      campaigns: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', default: 'simulate-output' },
    },
  });
  const summary = simulate({
    ...DEFAULT_SIMULATION,
    campaigns: positiveInteger('campaigns', values.campaigns, DEFAULT_SIMULATION.campaigns),
    seed: positiveInteger('seed', values.seed, DEFAULT_SIMULATION.seed),
  });
  console.log(formatSummary(summary));
  const dir = resolve(values.out);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'summary.json');
  await writeFile(file, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}

await main();
