/**
 * The stateful GitHub REST emulator: a node:http server on 127.0.0.1 whose every request is checked
 * against GitHub's OpenAPI description before a route handler answers it.
 */
import { randomBytes, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { GITHUB_ACTIONS_BOT } from './constants.js';
import { defaultFaultBody, FaultRegistry, type FaultSpec, type InjectedFault } from './faults.js';
import { errorBody, HttpError } from './http-utils.js';
import { OpenApiContract, type Operation, type ValidationProblem } from './openapi.js';
import type { RouteContext, RouteResult } from './route-context.js';
import { routes, unsupportedQuery } from './routes/index.js';
import { DEFAULT_LIMITS, EmulatorState, type AddRepoInput, type EmulatorLimits } from './state.js';
import type { EmulatorUser, TokenInfo } from './types.js';

export interface GitHubEmulatorOptions {
  /** Repositories created at start and on every reset (default: `octo-org/octo-repo`). */
  repos?: AddRepoInput[];
  clock?: () => Date;
  limits?: Partial<EmulatorLimits>;
  /** Check 2xx bodies against the OpenAPI response schema; mismatches are violations (default true). */
  validateResponses?: boolean;
  /** Unknown query params / top-level body fields are violations (GitHub ignores them; default true). */
  strictUnknownParams?: boolean;
  /** Primary limit per hour reported in `x-ratelimit-*` (default 5000). */
  rateLimitPerHour?: number;
  /**
   * Real GitHub answers `GET /user` with 403 "Resource not accessible by integration" for installation
   * tokens (GITHUB_TOKEN). Default 'identity' returns github-actions[bot]; 'forbidden' is the real thing.
   */
  getUserWithInstallationToken?: 'identity' | 'forbidden';
  /** Called for every violation (after it is recorded). */
  onViolation?: (violation: Violation) => void;
}

export type ViolationKind =
  | 'unknown-route'
  | 'method-not-allowed'
  | 'invalid-params'
  | 'invalid-json'
  | 'invalid-body'
  | 'unimplemented'
  | 'invalid-response'
  | 'emulator-error';

export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  route?: string;
  operationId?: string;
  message: string;
  details: string[];
}

export interface RecordedRequest {
  method: string;
  /** Decoded-as-sent pathname, e.g. `/repos/octo-org/octo-repo/issues`. */
  path: string;
  query: Record<string, string>;
  /** OpenAPI template, when the request matched one. */
  route?: string;
  operationId?: string;
  /** Login of the token's user. */
  user?: string;
  body?: unknown;
  headers: Record<string, string>;
  status: number;
  /** True when an injected fault answered. */
  faulted: boolean;
  at: string;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
  used: number;
}

const DEFAULT_REPO: AddRepoInput = { owner: 'octo-org', name: 'octo-repo' };
const contracts = new Map<boolean, OpenApiContract>();

function contractFor(strict: boolean): OpenApiContract {
  let contract = contracts.get(strict);
  if (!contract) {
    contract = new OpenApiContract(undefined, strict);
    for (const key of Object.keys(routes)) {
      const [method, path] = key.split(' ') as [string, string];
      if (!contract.hasOperation(method, path))
        throw new Error(`github-emulator: ${key} is not in GitHub's OpenAPI`);
    }
    contracts.set(strict, contract);
  }
  return contract;
}

interface Answer extends RouteResult {
  faulted?: boolean;
  resetConnection?: boolean;
  delayMs?: number;
}

interface Parsed {
  method: string;
  url: URL;
  token: TokenInfo | undefined;
  user: EmulatorUser | undefined;
  rawBody: string;
  record: RecordedRequest;
}

export class GitHubEmulator {
  /** Base URL to pass as Octokit's `baseUrl`, e.g. `http://127.0.0.1:39123`. */
  url = '';
  /** A GITHUB_TOKEN-like installation token acting as github-actions[bot]. */
  readonly token = `ghs_${randomBytes(18).toString('hex')}`;
  state: EmulatorState;
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly rateLimit: RateLimitState;
  private readonly faults = new FaultRegistry();
  private readonly contract: OpenApiContract;
  private readonly server: Server;

  constructor(private readonly options: GitHubEmulatorOptions = {}) {
    this.contract = contractFor(options.strictUnknownParams ?? true);
    this.state = this.freshState();
    this.rateLimit = this.freshRateLimit();
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Fresh state (options' repos, default token kept), empty logs, no faults, full rate limit. */
  reset(): void {
    this.state = this.freshState();
    this.requests.length = 0;
    this.violations.length = 0;
    this.faults.clear();
    Object.assign(this.rateLimit, this.freshRateLimit());
  }

  /** A token acting as `login` (a User is created if unknown). */
  tokenFor(login: string, options: { readOnly?: boolean; installation?: boolean } = {}): string {
    return this.state.addToken(login, options);
  }

  inject(spec: FaultSpec): InjectedFault {
    if (!this.contract.hasOperation(spec.method, spec.route)) {
      throw new Error(
        `github-emulator: inject(): ${spec.method} ${spec.route} is not a GitHub operation`,
      );
    }
    return this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Returns and clears the recorded violations (for tests that expect some). */
  takeViolations(): Violation[] {
    return this.violations.splice(0, this.violations.length);
  }

  /** Throws an Error listing every OpenAPI/emulator violation recorded so far. */
  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const lines = this.violations.map(
      (v) =>
        `- [${v.kind}] ${v.method} ${v.path}${v.route ? ` (${v.route})` : ''}: ${v.message}${v.details.length ? `\n    ${v.details.join('\n    ')}` : ''}`,
    );
    throw new Error(
      `GitHub emulator recorded ${this.violations.length} violation(s):\n${lines.join('\n')}`,
    );
  }

  /** Requests that matched an OpenAPI operation, e.g. `requestsTo('POST', '/repos/{owner}/{repo}/issues')`. */
  requestsTo(method: string, route: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.route === route);
  }

  private freshState(): EmulatorState {
    const state = new EmulatorState(this.options.clock, {
      ...DEFAULT_LIMITS,
      ...this.options.limits,
    });
    state.addToken(GITHUB_ACTIONS_BOT.login, { token: this.token, installation: true });
    for (const repo of this.options.repos ?? [DEFAULT_REPO]) state.addRepo(repo);
    return state;
  }

  private freshRateLimit(): RateLimitState {
    const limit = this.options.rateLimitPerHour ?? 5000;
    return { limit, remaining: limit, used: 0, reset: this.nowSeconds() + 3600 };
  }

  private nowSeconds(): number {
    return Math.floor((this.options.clock?.() ?? new Date()).getTime() / 1000);
  }

  // ── request pipeline ─────────────────────────────────────────────────────────────────────────

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let answer: Answer;
    let parsed: Parsed | undefined;
    try {
      parsed = await this.parse(req);
      answer = this.process(parsed);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.violate(parsed, {
        kind: 'emulator-error',
        message: 'emulator crashed',
        details: [message],
      });
      answer = { status: 500, body: { message: 'Emulator error' } };
    }
    if (parsed)
      Object.assign(parsed.record, { status: answer.status, faulted: answer.faulted ?? false });
    if (answer.delayMs) await sleep(answer.delayMs);
    if (answer.resetConnection) {
      req.socket.destroy();
      return;
    }
    this.send(req, res, answer);
  }

  private async parse(req: IncomingMessage): Promise<Parsed> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const tokenValue = /^(?:token|bearer)\s+(.+)$/i
      .exec(req.headers.authorization ?? '')?.[1]
      ?.trim();
    const token = tokenValue ? this.state.tokens.get(tokenValue) : undefined;
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(req.headers),
      status: 0,
      faulted: false,
      at: new Date().toISOString(),
      ...(token ? { user: token.login } : {}),
    };
    this.requests.push(record);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const user = token ? this.state.user(token.login) : undefined;
    return { method, url, token, user, rawBody, record };
  }

  private process(p: Parsed): Answer {
    const auth = /^(?:token|bearer)\s+/i.test(p.record.headers.authorization ?? '');
    if (auth && !p.token) return this.error(new HttpError(401, 'Bad credentials'));
    const limited = this.consumeRateLimit();
    if (limited) return limited;
    const lookup = this.contract.lookup(p.method, p.url.pathname);
    if (lookup.kind !== 'match') {
      const kind = lookup.kind === 'not-found' ? 'unknown-route' : 'method-not-allowed';
      const message =
        lookup.kind === 'not-found'
          ? 'no GitHub operation has this path'
          : `${lookup.path} has no ${p.method}`;
      this.violate(p, { kind, message, details: [] });
      return this.error(new HttpError(404, 'Not Found'));
    }
    const op = lookup.match.operation;
    Object.assign(p.record, { route: op.path, operationId: op.operationId });
    return this.dispatch(p, op, lookup.match.params);
  }

  private dispatch(p: Parsed, op: Operation, rawParams: Record<string, string>): Answer {
    const params: Record<string, unknown> = { ...rawParams };
    const query: Record<string, unknown> = queryObject(p.url);
    const invalid = this.validateRequest(p, op, params, query);
    if (invalid) return invalid;
    const body = p.rawBody === '' ? undefined : (JSON.parse(p.rawBody) as unknown);
    p.record.body = body;
    const handler = routes[`${op.method} ${op.path}`];
    if (!handler) {
      this.violate(p, {
        kind: 'unimplemented',
        message: `${op.operationId} is not emulated`,
        details: [],
      });
      return {
        status: 501,
        body: { message: `Not implemented by the emulator: ${op.operationId}` },
      };
    }
    for (const name of unsupportedQuery[`${op.method} ${op.path}`] ?? []) {
      if (!p.url.searchParams.has(name)) continue;
      this.violate(p, {
        kind: 'unimplemented',
        message: `query parameter "${name}" is not emulated (ignored)`,
        details: [],
      });
    }
    const denied = this.checkWriteAccess(p);
    if (denied) return this.error(denied, op);
    const ctx: RouteContext = {
      state: this.state,
      shape: { api: this.url, state: this.state },
      url: p.url,
      params,
      query,
      body,
      user: p.user,
      token: p.token,
      getUserWithInstallationToken: this.options.getUserWithInstallationToken ?? 'identity',
    };
    const fault = this.faults.take({
      method: op.method,
      route: op.path,
      params,
      query,
      body,
      user: p.user?.login,
    });
    if (fault && !fault.applyBeforeResponding) return faultAnswer(fault);
    const result = this.run(ctx, op);
    if (fault) return faultAnswer(fault);
    if (result.status < 300 && (this.options.validateResponses ?? true))
      this.checkResponse(p, op, result);
    return result;
  }

  private validateRequest(
    p: Parsed,
    op: Operation,
    params: Record<string, unknown>,
    query: Record<string, unknown>,
  ) {
    const pathProblem = this.contract.validateParams(op, 'path', params);
    if (pathProblem) return this.invalid(p, op, 'invalid-params', pathProblem, 404, 'Not Found');
    const queryProblem = this.contract.validateParams(op, 'query', query);
    if (queryProblem) return this.invalid(p, op, 'invalid-params', queryProblem, 422);
    let body: unknown;
    try {
      body = p.rawBody === '' ? undefined : JSON.parse(p.rawBody);
    } catch {
      const problem = { where: 'body' as const, message: 'Problems parsing JSON', details: [] };
      return this.invalid(p, op, 'invalid-json', problem, 400, 'Problems parsing JSON');
    }
    const bodyProblem = this.contract.validateBody(op, body);
    if (bodyProblem) return this.invalid(p, op, 'invalid-body', bodyProblem, 422);
    return undefined;
  }

  private invalid(
    p: Parsed,
    op: Operation,
    kind: ViolationKind,
    problem: ValidationProblem,
    status: number,
    message?: string,
  ): Answer {
    this.violate(p, {
      kind,
      message: `${problem.where}: ${problem.message}`,
      details: problem.details,
    });
    return this.error(new HttpError(status, message ?? problem.message), op);
  }

  private checkWriteAccess(p: Parsed): HttpError | undefined {
    if (p.method === 'GET' || p.method === 'HEAD') return undefined;
    if (!p.user) return new HttpError(401, 'Requires authentication');
    if (p.token?.readOnly) return new HttpError(403, 'Resource not accessible by integration');
    return undefined;
  }

  private run(ctx: RouteContext, op: Operation): Answer {
    try {
      return routes[`${op.method} ${op.path}`]!(ctx);
    } catch (error) {
      if (error instanceof HttpError) return this.error(error, op);
      throw error;
    }
  }

  private checkResponse(p: Parsed, op: Operation, result: RouteResult): void {
    const problem = this.contract.validateResponse(op, result.status, result.body);
    if (problem) {
      this.violate(p, {
        kind: 'invalid-response',
        message: `emulator answered ${result.status} off-schema`,
        details: problem.details,
      });
    }
  }

  private error(error: HttpError, op?: Operation): Answer {
    const docs = op?.documentationUrl ?? 'https://docs.github.com/rest';
    return { status: error.status, body: errorBody(error, docs), headers: error.headers };
  }

  private consumeRateLimit(): Answer | undefined {
    const rl = this.rateLimit;
    if (this.nowSeconds() >= rl.reset)
      Object.assign(rl, { remaining: rl.limit, used: 0, reset: this.nowSeconds() + 3600 });
    if (rl.remaining <= 0) {
      const message = 'API rate limit exceeded for installation ID 1.';
      const docs = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
      return { status: 403, body: { message, documentation_url: docs, status: '403' } };
    }
    rl.remaining--;
    rl.used++;
    return undefined;
  }

  private violate(p: Parsed | undefined, v: Omit<Violation, 'method' | 'path'>): void {
    const violation: Violation = {
      method: p?.method ?? '?',
      path: p?.url.pathname ?? '?',
      ...(p?.record.route ? { route: p.record.route } : {}),
      ...(p?.record.operationId ? { operationId: p.record.operationId } : {}),
      ...v,
    };
    this.violations.push(violation);
    this.options.onViolation?.(violation);
  }

  // ── response writing ─────────────────────────────────────────────────────────────────────────

  private send(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
    const headers: Record<string, string> = {
      server: 'github.com',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      ...this.rateLimitHeaders(),
      ...answer.headers,
    };
    const text =
      answer.body === undefined || answer.status === 204 ? '' : JSON.stringify(answer.body);
    if (text) headers['content-type'] = 'application/json; charset=utf-8';
    if (req.method === 'GET' && answer.status === 200 && text) {
      const etag = `W/"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        this.refundRateLimit();
        res.writeHead(304, { ...headers, ...this.rateLimitHeaders() });
        res.end();
        return;
      }
    }
    res.writeHead(answer.status, headers);
    res.end(text);
  }

  private rateLimitHeaders(): Record<string, string> {
    const rl = this.rateLimit;
    return {
      'x-ratelimit-limit': String(rl.limit),
      'x-ratelimit-remaining': String(rl.remaining),
      'x-ratelimit-reset': String(rl.reset),
      'x-ratelimit-used': String(rl.used),
      'x-ratelimit-resource': 'core',
    };
  }

  private refundRateLimit(): void {
    this.rateLimit.remaining = Math.min(this.rateLimit.remaining + 1, this.rateLimit.limit);
    this.rateLimit.used = Math.max(this.rateLimit.used - 1, 0);
  }
}

function faultAnswer(fault: FaultSpec): Answer {
  const status = fault.status ?? 502;
  return {
    status,
    body: fault.body ?? defaultFaultBody(status),
    headers: fault.headers ?? {},
    faulted: true,
    ...(fault.resetConnection ? { resetConnection: true } : {}),
    ...(fault.delayMs ? { delayMs: fault.delayMs } : {}),
  };
}

function queryObject(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key.replace(/\[\]$/, '')] = values.length > 1 || key.endsWith('[]') ? values : values[0];
  }
  return out;
}

function redactHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[key] = key === 'authorization' ? text.replace(/^(\S+)\s+.*$/, '$1 [REDACTED]') : text;
  }
  return out;
}

export async function startGitHubEmulator(
  options: GitHubEmulatorOptions = {},
): Promise<GitHubEmulator> {
  return new GitHubEmulator(options).listen();
}
