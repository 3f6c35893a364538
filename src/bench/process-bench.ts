/**
 * Whole processes, timed from spawn: the built CLI analysing a campaign (to exit, with its peak
 * memory) and the bundled action reaching its first output line, next to a bare `node -e 0`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const ACTION = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const ACTION_YML = fileURLToPath(new URL('../../action.yml', import.meta.url));

// Preloaded into the analyse process: the kernel's peak RSS of that process, written at exit.
const RSS_REPORTER = `process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`;

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
}

/** `node lib/cli.js analyze <id> --json` against the database, process start to exit. */
export async function timeCliAnalyze(url: string, campaignId: number): Promise<CliAnalyzeRun> {
  const args = [CLI, 'analyze', String(campaignId), '--json', '--database-url', url];
  const timed = await timeProcess(args, baseEnv());
  if (timed.code !== 0) throw new Error(`analyze exited with ${timed.code}: ${timed.stderr}`);
  // Peak memory from a second run with the reporter preloaded, so the timing carries no extra work.
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-bench-'));
  try {
    const reporter = join(dir, 'rss.cjs');
    const rssFile = join(dir, 'rss');
    await writeFile(reporter, RSS_REPORTER);
    const measured = await timeProcess(['--require', reporter, ...args], {
      ...baseEnv(),
      BENCH_RSS_FILE: rssFile,
    });
    if (measured.code !== 0) throw new Error(`analyze exited with ${measured.code}`);
    return { ms: timed.exitMs, maxRssMb: Number(await readFile(rssFile, 'utf8')) / 1024 };
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
