/** HTTP-level helpers shared by the emulator's routes: GitHub-style errors and pagination. */

export interface ValidationErrorItem {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
  value?: unknown;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: ValidationErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function notFound(): HttpError {
  return new HttpError(404, 'Not Found');
}

export function validationFailed(...errors: ValidationErrorItem[]): HttpError {
  return new HttpError(422, 'Validation Failed', errors);
}

export function errorBody(error: HttpError, documentationUrl: string): Record<string, unknown> {
  return {
    message: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
    documentation_url: documentationUrl,
    status: String(error.status),
  };
}

export interface PageRequest {
  /** Absolute URL of the current request (query preserved for Link headers). */
  url: URL;
  perPage: number;
  page: number;
}

export interface Page<T> {
  items: T[];
  link?: string;
}

/**
 * Slices `items` like GitHub (per_page clamped to 1..100) and builds its Link header:
 * `<…page=1>; rel="prev", <…page=3>; rel="next", <…page=5>; rel="last", <…page=1>; rel="first"`.
 */
export function paginate<T>(all: T[], request: PageRequest, maxItems = Infinity): Page<T> {
  const perPage = Math.min(Math.max(request.perPage, 1), 100);
  const page = Math.max(request.page, 1);
  const capped = all.slice(0, maxItems);
  const lastPage = Math.max(Math.ceil(capped.length / perPage), 1);
  const items = capped.slice((page - 1) * perPage, page * perPage);
  const rels: string[] = [];
  const at = (n: number) => pageUrl(request.url, n);
  if (page > 1) rels.push(`<${at(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) rels.push(`<${at(page + 1)}>; rel="next"`, `<${at(lastPage)}>; rel="last"`);
  if (page > 1) rels.push(`<${at(1)}>; rel="first"`);
  return { items, ...(rels.length > 0 ? { link: rels.join(', ') } : {}) };
}

function pageUrl(url: URL, page: number): string {
  const next = new URL(url.href);
  next.searchParams.set('page', String(page));
  return next.href;
}

export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function encodeLogin(login: string): string {
  return encodeURIComponent(login);
}
