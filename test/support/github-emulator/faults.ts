/** Fault injection: canned GitHub failures served for a route, optionally after really applying it. */

export interface FaultRequest {
  method: string;
  route: string;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  user: string | undefined;
}

export interface FaultResponse {
  /** Default 502. */
  status?: number;
  headers?: Record<string, string>;
  /** JSON body; default is GitHub's usual `{ message, documentation_url }` for the status. */
  body?: unknown;
}

export interface FaultSpec extends FaultResponse {
  method: string;
  /** OpenAPI path template, e.g. `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  route: string;
  /** How many matching requests get the fault (default 1; `Infinity` for all). */
  times?: number;
  /** Run the real handler (state changes happen) and then answer with the fault: an ambiguous write. */
  applyBeforeResponding?: boolean;
  /** Wait before answering (to exercise client timeouts). */
  delayMs?: number;
  /** Destroy the socket instead of answering (network error on the client). */
  resetConnection?: boolean;
  /** Narrow the fault to some requests (params are already coerced, e.g. issue_number is a number). */
  match?: (request: FaultRequest) => boolean;
}

export interface InjectedFault {
  readonly spec: FaultSpec;
  /** Requests that received this fault so far. */
  readonly hits: number;
  readonly remaining: number;
  remove(): void;
}

export class FaultRegistry {
  private faults: MutableFault[] = [];

  add(spec: FaultSpec): InjectedFault {
    const fault = new MutableFault({ ...spec, method: spec.method.toUpperCase() }, (f) => {
      this.faults = this.faults.filter((other) => other !== f);
    });
    this.faults.push(fault);
    return fault;
  }

  /** Consumes one use of the first fault matching the request. */
  take(request: FaultRequest): FaultSpec | undefined {
    const fault = this.faults.find((f) => f.matches(request));
    if (!fault) return undefined;
    fault.consume();
    return fault.spec;
  }

  clear(): void {
    this.faults = [];
  }
}

class MutableFault implements InjectedFault {
  hits = 0;

  constructor(
    readonly spec: FaultSpec,
    private readonly onRemove: (fault: MutableFault) => void,
  ) {}

  get remaining(): number {
    return Math.max((this.spec.times ?? 1) - this.hits, 0);
  }

  matches(request: FaultRequest): boolean {
    if (this.remaining === 0) return false;
    if (this.spec.method !== request.method || this.spec.route !== request.route) return false;
    return this.spec.match ? this.spec.match(request) : true;
  }

  consume(): void {
    this.hits++;
  }

  remove(): void {
    this.onRemove(this);
  }
}

const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

/** Canned responses, to spread into `emulator.inject({ method, route, ...faults.x() })`. */
export const faults = {
  /** 403 (or 429) "secondary rate limit" with `retry-after`. */
  secondaryRateLimit(retryAfterSeconds = 1, status = 403): FaultResponse {
    return {
      status,
      headers: { 'retry-after': String(retryAfterSeconds) },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
          'If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000:0000:00000000.',
        documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
      },
    };
  },

  /** 403 primary limit: `x-ratelimit-remaining: 0` and the reset epoch. */
  primaryRateLimit(resetAt: Date, limit = 1000): FaultResponse {
    const reset = Math.ceil(resetAt.getTime() / 1000);
    return {
      status: 403,
      headers: {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': String(limit),
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': 'core',
      },
      body: {
        message:
          'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, ' +
          'please include the request ID 0000:0000:0000:0000:00000000 and timestamp.',
        documentation_url: `${RATE_LIMIT_DOCS}#about-the-primary-rate-limit`,
      },
    };
  },

  serverError(status = 502): FaultResponse {
    return { status, body: { message: 'Server Error' } };
  },

  notFound(): FaultResponse {
    return {
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
    };
  },

  gone(message = 'This issue was deleted'): FaultResponse {
    return { status: 410, body: { message, documentation_url: 'https://docs.github.com/rest' } };
  },
};

export function defaultFaultBody(status: number): unknown {
  if (status === 404)
    return { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };
  if (status >= 500) return { message: 'Server Error' };
  return { message: `Injected fault ${status}`, documentation_url: 'https://docs.github.com/rest' };
}
