/**
 * Whole processes, timed from spawn: the built CLI analysing a campaign (to exit, with its peak
 * memory) and the bundled action reaching its first output line, next to a bare `node -e 0`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const ACTION = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const ACTION_YML = fileURLToPath(new URL('../../action.yml', import.meta.url));

// Preloaded into the analyse process: the kernel's peak RSS of that process, and the CPU time it
// used (microseconds), written at exit.
const USAGE_REPORTER = `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ maxRss: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime })); });\n`;

/** CPU time spent so far by every process of the machine, all cores added up (ms). */
function machineBusyMs(): number {
  let busy = 0;
  for (const { times } of cpus()) busy += times.user + times.nice + times.sys + times.irq;
  return busy;
}

interface Run {
  /** Spawn to exit. */
  exitMs: number;
  /** Spawn to the first byte on stdout or stderr (exitMs when there was none). */
  firstOutputMs: number;
  code: number | null;
  stderr: string;
}

function timeProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { stopAtFirstOutput?: boolean } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstOutputMs: number | undefined;
    let stderr = '';
    const onOutput = () => {
      if (firstOutputMs !== undefined) return;
      firstOutputMs = performance.now() - start;
      if (options.stopAtFirstOutput) child.kill('SIGKILL');
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', (chunk: Buffer) => {
      onOutput();
      if (stderr.length < 4_000) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - start;
      resolve({ exitMs, firstOutputMs: firstOutputMs ?? exitMs, code, stderr });
    });
  });
}

const baseEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  TZ: 'UTC',
});

export interface CliAnalyzeRun {
  ms: number;
  maxRssMb: number;
  /** CPU time of the analyze process itself. */
  nodeCpuMs: number;
  /**
   * CPU time of every process of the machine during the timed run: the analysis, PostgreSQL's
   * backend and its parallel workers (and whatever else ran, on a busy machine).
   */
  machineCpuMs: number;
}

/** `node lib/cli.js analyze <id> --json` against the database, process start to exit. */
export async function timeCliAnalyze(url: string, campaignId: number): Promise<CliAnalyzeRun> {
  const args = [CLI, 'analyze', String(campaignId), '--json', '--database-url', url];
  const busyBefore = machineBusyMs();
  const timed = await timeProcess(args, baseEnv());
  const machineCpuMs = machineBusyMs() - busyBefore;
  if (timed.code !== 0) throw new Error(`analyze exited with ${timed.code}: ${timed.stderr}`);
  // Memory and CPU from a second run with the reporter preloaded, so the timing carries no extra
  // work.
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-bench-'));
  try {
    const reporter = join(dir, 'usage.cjs');
    const usageFile = join(dir, 'usage.json');
    await writeFile(reporter, USAGE_REPORTER);
    const measured = await timeProcess(['--require', reporter, ...args], {
      ...baseEnv(),
      BENCH_USAGE_FILE: usageFile,
    });
    if (measured.code !== 0) throw new Error(`analyze exited with ${measured.code}`);
    const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRss: number; cpu: number };
    return {
      ms: timed.exitMs,
      maxRssMb: usage.maxRss / 1024,
      nodeCpuMs: usage.cpu / 1000,
      machineCpuMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `node -e 0`, start to exit: the floor of any Node process. */
export async function timeBareNode(): Promise<number> {
  return (await timeProcess(['-e', '0'], baseEnv())).exitMs;
}

/**
 * `node dist/index.js` as the runner starts it (every action.yml default as INPUT_*, analyze of
 * the campaign with output none), spawn to its first output line.
 */
export async function timeActionStart(url: string, campaignId: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-bench-'));
  try {
    const env: NodeJS.ProcessEnv = {
      ...baseEnv(),
      ...(await actionDefaults()),
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      'INPUT_CAMPAIGN-ID': String(campaignId),
      'INPUT_DATABASE-URL': url,
      INPUT_OUTPUT: 'none',
    };
    const run = await timeProcess([ACTION], env, { stopAtFirstOutput: true });
    return run.firstOutputMs;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function actionDefaults(): Promise<Record<string, string>> {
  const yml = parse(await readFile(ACTION_YML, 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(yml.inputs)) {
    if (input.default === undefined) continue;
    const value = String(input.default).includes('${{') ? 'bench-token' : String(input.default);
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  return env;
}
