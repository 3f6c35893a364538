/**
 * The runner's workflow commands and files, written the way @actions/core writes them (same
 * escaping, same output-file format) without loading it: @actions/core imports its HTTP client
 * (undici) at start, which alone took most of the action's start time.
 */
import { randomUUID } from 'node:crypto';
import { access, appendFile } from 'node:fs/promises';
import { appendFileSync, constants as fsConstants, existsSync } from 'node:fs';
import { EOL } from 'node:os';

type Properties = Readonly<Record<string, string>>;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,…::message` on stdout. */
export function workflowCommand(name: string, message: string, properties: Properties = {}): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/** A plain log line; callers make text that may start with `::` inert first (see inertText). */
export function logLine(text: string): void {
  process.stdout.write(`${text}${EOL}`);
}

export async function logGroup<T>(name: string, fn: () => Promise<T>): Promise<T> {
  workflowCommand('group', name);
  try {
    return await fn();
  } finally {
    workflowCommand('endgroup', '');
  }
}

/** The step fails: an `::error::` line and exit code 1 (core.setFailed). */
export function setFailed(message: string): void {
  process.exitCode = 1;
  workflowCommand('error', message);
}

/** A step output: a `name<<delimiter` entry in $GITHUB_OUTPUT, else the legacy set-output command. */
export function setOutput(name: string, value: string, env: NodeJS.ProcessEnv): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) {
    logLine('');
    workflowCommand('set-output', value, { name });
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: output '${name}' contains the delimiter ${delimiter}`);
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** Appends Markdown to the job summary, with the errors core.summary gives. */
export async function appendJobSummary(markdown: string, env: NodeJS.ProcessEnv): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  }
  try {
    await access(file, fsConstants.R_OK | fsConstants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
    );
  }
  await appendFile(file, `${markdown}${EOL}`, 'utf8');
}
