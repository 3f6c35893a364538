/**
 * The edge of the invariant coverage check: reads the subject's invariant files from a harness
 * checkout — at the campaign's git commit when the checkout has it, else from the working tree (and
 * says so) — then hands the text to the pure parser and assessment (src/core/invariants).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CampaignAnalysis } from '../core/analysis.js';
import type { ProjectConfig } from '../core/config.js';
import { codeSpan, plainText } from '../core/markdown/index.js';
import {
  assessCoverage,
  type InvariantCoverage,
  type InvariantSource,
} from '../core/invariants/coverage.js';
import {
  parseInvariantsSource,
  type InvariantDefinition,
} from '../core/invariants/parse-invariants.js';

export interface CoverageResult {
  invariant_coverage: InvariantCoverage[];
  /** Why coverage was not (fully) checked, or not at the campaign's commit; undefined otherwise. */
  invariant_coverage_note?: string;
  invariant_source?: InvariantSource;
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
      invariant_coverage_note: `Invariant coverage was not checked: no invariant files are configured for subject ${codeSpan(subject)} (config invariants.files).`,
    };
  }
  const source = await openSource(sourceDir, analysis.campaign.git_commit);
  const definitions: InvariantDefinition[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const text = await source.read(file);
    if (text === undefined) unreadable.push(file);
    else definitions.push(...parseInvariantsSource(text, file).invariants);
  }
  // A relative location keeps the issue body identical between runs in different temp workspaces.
  const where = `${codeSpan(relative(process.cwd(), resolve(sourceDir)) || '.')}${source.at}`;
  const fallback = source.origin.reason
    ? `Invariant files were read from the working tree of ${where}, not at the campaign's commit: ${source.origin.reason}.`
    : undefined;
  if (unreadable.length === files.length) {
    return {
      invariant_coverage: [],
      invariant_coverage_note: joinNotes(
        `Invariant coverage was not checked: ${unreadable.map(codeSpan).join(', ')} not found in ${where}.`,
        fallback,
      ),
      invariant_source: source.origin,
    };
  }
  const missing = unreadable.length
    ? `Not found in ${where}: ${unreadable.map(codeSpan).join(', ')}.`
    : undefined;
  const note = joinNotes(fallback, missing);
  return {
    invariant_coverage: assessCoverage(analysis.failing, definitions, config.invariants.table),
    ...(note ? { invariant_coverage_note: note } : {}),
    invariant_source: source.origin,
  };
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  return notes.filter(Boolean).join(' ') || undefined;
}

interface Source {
  origin: InvariantSource;
  /** ` at commit abc12345` or '' (the working tree). */
  at: string;
  read(file: string): Promise<string | undefined>;
}

async function openSource(root: string, commit: string): Promise<Source> {
  // Loaded here: git (and execa) only matter when invariants are read from a checkout.
  const { findCommit, isCommitHash, readFileAtCommit } = await import('../process/git-files.js');
  const workingTree = (reason: string): Source => ({
    origin: { commit: null, reason },
    at: '',
    read: (file) => readSource(root, file),
  });
  if (!isCommitHash(commit)) {
    return workingTree(
      commit
        ? `its commit ${codeSpan(commit)} is not a git hash`
        : 'the campaign records no commit',
    );
  }
  const short = commit.slice(0, 12);
  const lookup = await findCommit(root, commit).catch((error: Error) => ({
    kind: 'unavailable' as const,
    reason: error.message,
  }));
  if (lookup.kind === 'not-a-checkout') return workingTree('it is not a git checkout');
  if (lookup.kind === 'missing') {
    return workingTree(
      `the checkout does not have commit ${codeSpan(short)} (a shallow clone? check out with fetch-depth: 0)`,
    );
  }
  if (lookup.kind === 'unavailable') return workingTree(`git failed: ${plainText(lookup.reason)}`);
  return {
    origin: { commit },
    at: ` at commit ${codeSpan(short)}`,
    read: async (file) =>
      insideRoot(root, file) ? readFileAtCommit(root, commit, file, MAX_SOURCE_BYTES) : undefined,
  };
}

function insideRoot(root: string, file: string): boolean {
  const inside = relative(resolve(root), resolve(root, file));
  return !inside.startsWith('..') && !isAbsolute(inside);
}

async function readSource(root: string, file: string): Promise<string | undefined> {
  if (!insideRoot(root, file)) return undefined;
  try {
    const buffer = await readFile(resolve(root, file));
    return buffer.length > MAX_SOURCE_BYTES ? undefined : buffer.toString('utf8');
  } catch {
    return undefined;
  }
}
