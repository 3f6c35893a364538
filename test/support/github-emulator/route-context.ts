/** What a route handler sees, and small helpers to answer like GitHub. */
import { HttpError, notFound, paginate, type PageRequest } from './http-utils.js';
import type { ShapeContext } from './shapes.js';
import type { EmulatorState } from './state.js';
import type { EmulatorUser, RepoRecord, TokenInfo } from './types.js';

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  state: EmulatorState;
  shape: ShapeContext;
  url: URL;
  /** Path params, coerced by the OpenAPI schema (issue_number is a number). */
  params: Record<string, unknown>;
  /** Query params, coerced and with the schema's defaults applied. */
  query: Record<string, unknown>;
  body: unknown;
  user: EmulatorUser | undefined;
  token: TokenInfo | undefined;
  getUserWithInstallationToken: 'identity' | 'forbidden';
}

type RouteHandler = (ctx: RouteContext) => RouteResult;

/** Keys are `METHOD /openapi/path/{template}`; every key must exist in GitHub's OpenAPI description. */
export type RouteTable = Record<string, RouteHandler>;

export function json(
  status: number,
  body?: unknown,
  headers?: Record<string, string>,
): RouteResult {
  return { status, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) };
}

export function actor(ctx: RouteContext): EmulatorUser {
  if (!ctx.user) throw new HttpError(401, 'Requires authentication');
  return ctx.user;
}

export function repoOf(ctx: RouteContext): RepoRecord {
  const repo = ctx.state.findRepo(String(ctx.params.owner), String(ctx.params.repo));
  if (!repo || (repo.private && !ctx.user)) throw notFound();
  return repo;
}

export function num(value: unknown): number {
  return Number(value);
}

export function pageRequest(ctx: RouteContext): PageRequest {
  return { url: ctx.url, perPage: num(ctx.query.per_page ?? 30), page: num(ctx.query.page ?? 1) };
}

/** A paginated JSON array answer with GitHub's Link header. */
export function paged<T>(
  ctx: RouteContext,
  all: T[],
  toJson: (item: T) => unknown,
  maxItems?: number,
) {
  const page = paginate(all, pageRequest(ctx), maxItems);
  return json(200, page.items.map(toJson), page.link ? { link: page.link } : undefined);
}

export function sortByDate<T>(
  items: T[],
  key: (item: T) => string,
  direction: unknown,
  tie: (item: T) => number,
) {
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => sign * (key(a).localeCompare(key(b)) || tie(a) - tie(b)));
}
