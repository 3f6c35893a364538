/**
 * Runs the committed bundle the way the Actions runner runs a `node24` action: `node <runs.main>`
 * of the root action.yml or of a per-command one (`analyze/action.yml` → `analyze/main.js`)
 * with INPUT_* variables (action.yml defaults applied, `${{ github.token }}` resolved), the event
 * payload file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and GITHUB_API_URL at the GitHub emulator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BundleRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface BundleOptions {
  apiUrl: string;
  token: string;
  repository: string;
  event: { name: string; payload: Record<string, unknown> };
  inputs: Record<string, string>;
  /** Directory of the action.yml to run, relative to the repository root (default: the root). */
  action?: string;
  /** The workspace (GITHUB_WORKSPACE, the step's working directory). */
  workspace: string;
  env?: NodeJS.ProcessEnv;
  runId?: string;
  timeoutMs?: number;
}

export interface RunningBundle {
  child: ChildProcess;
  /** Resolves when the process ends, however it ends. */
  done: Promise<BundleRun>;
  /** stdout so far. */
  output(): string;
}

interface LoadedAction {
  /** Absolute path of the file the runner starts (`runs.main`, relative to the action.yml). */
  main: string;
  /** Input defaults as the runner applies them, with `${{ github.token }}` resolved. */
  defaults: Record<string, string>;
}

async function loadAction(dir: string, token: string): Promise<LoadedAction> {
  const action = parse(await readFile(join(ROOT, dir, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; main: string };
  };
  if (action.runs.using !== 'node24') throw new Error(`${dir}/action.yml is not a node24 action`);
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default !== undefined) {
      defaults[name] = input.default.replace('${{ github.token }}', token);
    }
  }
  return { main: join(ROOT, dir, action.runs.main), defaults };
}

export async function startBundle(options: BundleOptions): Promise<RunningBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-step-'));
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
  };
  await writeFile(files.event, JSON.stringify(options.event.payload));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  const action = await loadAction(options.action ?? '.', options.token);
  const inputs = { ...action.defaults, ...options.inputs };
  const [owner] = options.repository.split('/');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: options.repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: options.event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_RUN_ID: options.runId ?? '9001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    ...options.env,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const child = spawn(process.execPath, [action.main], { env, cwd: options.workspace });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
  const done = new Promise<BundleRun>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      void Promise.all([readFile(files.output, 'utf8'), readFile(files.summary, 'utf8')]).then(
        async ([output, summary]) => {
          // The step's own files (RUNNER_TEMP, HOME) go with it, as on a runner.
          await rm(dir, { recursive: true, force: true });
          resolve({ code, signal, stdout, stderr, outputs: parseOutputFile(output), summary });
        },
      );
    });
  });
  return { child, done, output: () => stdout };
}

export async function runBundle(options: BundleOptions): Promise<BundleRun> {
  return (await startBundle(options)).done;
}

/** `name<<delimiter\nvalue\ndelimiter` entries, as @actions/core writes them. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    outputs[match[1]!] = match[3]!;
  }
  return outputs;
}

/** What the runner shows: workflow commands that register secrets are consumed, not logged. */
export function visibleLog(run: Pick<BundleRun, 'stdout' | 'stderr'>): string {
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** Resolves once `read()` matches `pattern`, polling every 50 ms (rejects after `timeoutMs`). */
export async function until(
  read: () => string,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(read())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
