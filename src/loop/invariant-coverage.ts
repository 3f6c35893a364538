/**
 * The edge of the invariant coverage check: reads the subject's invariant files from a harness
 * checkout, then hands the text to the pure parser and assessment (src/core/invariants).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CampaignAnalysis } from '../core/analysis.js';
import type { ProjectConfig } from '../core/config.js';
import { assessCoverage, type InvariantCoverage } from '../core/invariants/coverage.js';
import {
  parseInvariantsSource,
  type InvariantDefinition,
} from '../core/invariants/parse-invariants.js';

export interface CoverageResult {
  invariant_coverage: InvariantCoverage[];
  /** Why coverage was not (fully) checked; undefined when it was. */
  invariant_coverage_note?: string;
}

/** Invariant files over this size are not read (a generated or vendored file, not definitions). */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export async function checkInvariantCoverage(
  analysis: Pick<CampaignAnalysis, 'campaign' | 'failing'>,
  config: ProjectConfig,
  sourceDir: string | undefined,
): Promise<CoverageResult> {
  if (analysis.failing.length === 0) return { invariant_coverage: [] };
  if (sourceDir === undefined) {
    return {
      invariant_coverage: [],
      invariant_coverage_note:
        'Invariant coverage was not checked: no harness source directory (pass --source-dir, or check out the harness repository in the action).',
    };
  }
  const subject = analysis.campaign.subject;
  const files = config.invariants.files[subject] ?? [];
  if (files.length === 0) {
    return {
      invariant_coverage: [],
      invariant_coverage_note: `Invariant coverage was not checked: no invariant files are configured for subject \`${subject}\` (config invariants.files).`,
    };
  }
  const definitions: InvariantDefinition[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const text = await readSource(sourceDir, file);
    if (text === undefined) unreadable.push(file);
    else definitions.push(...parseInvariantsSource(text, file).invariants);
  }
  // A relative location keeps the issue body identical between runs in different temp workspaces.
  const where = `\`${relative(process.cwd(), resolve(sourceDir)) || '.'}\``;
  if (unreadable.length === files.length) {
    return {
      invariant_coverage: [],
      invariant_coverage_note: `Invariant coverage was not checked: ${unreadable.map((f) => `\`${f}\``).join(', ')} not found in ${where}.`,
    };
  }
  return {
    invariant_coverage: assessCoverage(analysis.failing, definitions, config.invariants.table),
    ...(unreadable.length
      ? {
          invariant_coverage_note: `Not found in ${where}: ${unreadable.map((f) => `\`${f}\``).join(', ')}.`,
        }
      : {}),
  };
}

async function readSource(root: string, file: string): Promise<string | undefined> {
  const path = resolve(root, file);
  const inside = relative(resolve(root), path);
  if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
  try {
    const buffer = await readFile(path);
    return buffer.length > MAX_SOURCE_BYTES ? undefined : buffer.toString('utf8');
  } catch {
    return undefined;
  }
}
