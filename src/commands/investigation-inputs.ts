/**
 * Inputs of the "where would an engineer look next" checks of `analyze`: invariant coverage
 * (`source-dir`), the pass history of the series (`history`) and worker log excerpts (`worker-logs`).
 */
import { resolve } from 'node:path';
import { InputError, shown } from '../core/inputs.js';
import { DEFAULT_HISTORY } from '../core/flaky.js';
import type { InvestigationOptions } from '../loop/investigate.js';
import type { CommandIO, InputSource, InputSpec } from './command.js';

export const INVESTIGATION_INPUTS: Readonly<Record<string, InputSpec>> = {
  'source-dir': {
    description:
      "Harness checkout whose invariant files are checked against the failing combinations, read at the campaign's git commit when the checkout has it (action default: the workspace; CLI: none, coverage not checked)",
  },
  history: {
    description: `Campaigns of the same series whose pass history marks flaky combinations (default ${DEFAULT_HISTORY}; 0 turns it off)`,
  },
  'worker-logs': {
    description:
      'Directory of worker logs (the worker command writes them; workflows upload them as artifacts): each failed trial gets the lines of its work item',
  },
};

const MAX_HISTORY = 100;

export function parseInvestigationInputs(inputs: InputSource, io: CommandIO): InvestigationOptions {
  const rawHistory = inputs.get('history') ?? String(DEFAULT_HISTORY);
  const trimmed = rawHistory.trim();
  if (!/^\d{1,3}$/.test(trimmed) || Number(trimmed) > MAX_HISTORY) {
    throw new InputError(
      `Invalid history: '${shown(rawHistory)}' — expected a whole number of campaigns from 0 to ${MAX_HISTORY}, e.g. 10`,
    );
  }
  const sourceDir =
    inputs.get('source-dir') ??
    (io.surface === 'action' ? io.env.GITHUB_WORKSPACE?.trim() || io.cwd : undefined);
  const workerLogs = inputs.get('worker-logs');
  return {
    sourceDir: sourceDir === undefined ? undefined : resolve(io.cwd, sourceDir),
    history: Number(trimmed),
    workerLogsDir: workerLogs === undefined ? undefined : resolve(io.cwd, workerLogs),
  };
}
