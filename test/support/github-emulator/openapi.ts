/**
 * GitHub's OpenAPI description (from `@octokit/openapi`) as the emulator's contract:
 * route matching on templated paths, and ajv validators for path/query params and JSON bodies.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isObject, toStandaloneSchema, type JsonObject } from './json-schema.js';

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  documentationUrl: string;
  parameters: ParameterSpec[];
  requestBodySchema: unknown;
  requestBodyRequired: boolean;
  responses: JsonObject;
}

interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: unknown;
}

interface RouteMatch {
  operation: Operation;
  params: Record<string, string>;
}

export type RouteLookup =
  | { kind: 'match'; match: RouteMatch }
  | { kind: 'method-not-allowed'; path: string }
  | { kind: 'not-found' };

export interface ValidationProblem {
  where: 'path' | 'query' | 'body' | 'response';
  message: string;
  details: string[];
}

interface CompiledTemplate {
  path: string;
  segments: SegmentMatcher[];
  literalCount: number;
  greedyLast: boolean;
  methods: Map<string, Operation>;
}

type SegmentMatcher = { literal: string } | { regex: RegExp; names: string[] };

/** Params whose values may contain `/` when a client does not percent-encode them. */
const SLASHY = new Set(['ref', 'path', 'basehead', 'branch']);

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

let cachedSpec: JsonObject | undefined;

function loadSpec(): JsonObject {
  if (!cachedSpec) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    cachedSpec = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  }
  return cachedSpec;
}

export class OpenApiContract {
  private readonly templates: CompiledTemplate[] = [];
  private readonly components: JsonObject;
  private readonly paramAjv: Ajv;
  private readonly bodyAjv: Ajv;
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(
    private readonly spec: JsonObject = loadSpec(),
    private readonly strictUnknownParams = true,
  ) {
    this.components = (spec.components ?? {}) as JsonObject;
    this.paramAjv = createAjv({ coerceTypes: 'array', useDefaults: true });
    this.bodyAjv = createAjv({});
    for (const [path, item] of Object.entries(spec.paths as JsonObject)) {
      this.templates.push(this.compileTemplate(path, item as JsonObject));
    }
  }

  hasOperation(method: string, path: string): boolean {
    return this.templates.some((t) => t.path === path && t.methods.has(method.toUpperCase()));
  }

  lookup(method: string, rawPath: string): RouteLookup {
    const segments = rawPath.split('/').slice(1);
    const candidates = this.matchTemplates(segments, false);
    const all = candidates.length > 0 ? candidates : this.matchTemplates(segments, true);
    if (all.length === 0) return { kind: 'not-found' };
    const withMethod = all.filter((c) => c.template.methods.has(method));
    if (withMethod.length === 0) return { kind: 'method-not-allowed', path: all[0]!.template.path };
    const best = withMethod[0]!;
    const operation = best.template.methods.get(method) as Operation;
    return { kind: 'match', match: { operation, params: best.params } };
  }

  /** Validates and coerces path+query params in place (defaults applied). */
  validateParams(
    op: Operation,
    where: 'path' | 'query',
    values: Record<string, unknown>,
  ): ValidationProblem | undefined {
    const validate = this.paramValidator(op, where);
    if (validate(values)) return undefined;
    return toProblem(where, validate.errors ?? []);
  }

  validateBody(op: Operation, body: unknown): ValidationProblem | undefined {
    if (op.requestBodySchema === undefined) return undefined;
    if (body === undefined) {
      if (!op.requestBodyRequired) return undefined;
      return {
        where: 'body',
        message: 'Invalid request.\n\nA request body is required.',
        details: [],
      };
    }
    const validate = this.cached(`body ${op.method} ${op.path}`, () => {
      const schema = toStandaloneSchema(op.requestBodySchema, this.schemas());
      if (this.strictUnknownParams) closeTopLevel(schema);
      return this.bodyAjv.compile(schema);
    });
    if (!validate || validate(body)) return undefined;
    return toProblem('body', validate.errors ?? []);
  }

  validateResponse(op: Operation, status: number, body: unknown): ValidationProblem | undefined {
    const validate = this.cached(`response ${op.method} ${op.path} ${status}`, () => {
      const schema = this.responseSchema(op, status);
      return schema === undefined
        ? null
        : this.bodyAjv.compile(toStandaloneSchema(schema, this.schemas()));
    });
    if (!validate || validate(body)) return undefined;
    return toProblem('response', validate.errors ?? []);
  }

  private responseSchema(op: Operation, status: number): unknown {
    const response = this.deref(op.responses[String(status)]);
    if (!isObject(response) || !isObject(response.content)) return undefined;
    const json = response.content['application/json'];
    return isObject(json) ? json.schema : undefined;
  }

  private paramValidator(op: Operation, where: 'path' | 'query'): ValidateFunction {
    const validate = this.cached(`${where} ${op.method} ${op.path}`, () => {
      const params = op.parameters.filter((p) => p.in === where);
      const properties = Object.fromEntries(
        params.map((p) => [p.name, toStandaloneSchema(p.schema ?? {}, this.schemas())]),
      );
      return this.paramAjv.compile({
        type: 'object',
        properties,
        required: params.filter((p) => p.required).map((p) => p.name),
        additionalProperties: where === 'query' ? !this.strictUnknownParams : false,
      });
    });
    return validate as ValidateFunction;
  }

  private cached(key: string, build: () => ValidateFunction | null): ValidateFunction | null {
    if (!this.validators.has(key)) this.validators.set(key, build());
    return this.validators.get(key) ?? null;
  }

  private schemas(): JsonObject {
    return (this.components.schemas ?? {}) as JsonObject;
  }

  private matchTemplates(segments: string[], greedy: boolean) {
    const found: { template: CompiledTemplate; params: Record<string, string> }[] = [];
    for (const template of this.templates) {
      if (greedy && !template.greedyLast) continue;
      const params = matchSegments(template, segments, greedy);
      if (params) found.push({ template, params });
    }
    return found.sort(
      (a, b) =>
        b.template.literalCount - a.template.literalCount ||
        Object.keys(a.params).length - Object.keys(b.params).length,
    );
  }

  private compileTemplate(path: string, item: JsonObject): CompiledTemplate {
    const segments = path.split('/').slice(1).map(compileSegment);
    const last = segments[segments.length - 1];
    const methods = new Map<string, Operation>();
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (isObject(op))
        methods.set(method.toUpperCase(), this.toOperation(method, path, op, shared));
    }
    return {
      path,
      segments,
      literalCount: segments.filter((s) => 'literal' in s).length,
      greedyLast:
        last !== undefined &&
        'regex' in last &&
        last.names.length === 1 &&
        SLASHY.has(last.names[0]!),
      methods,
    };
  }

  private toOperation(method: string, path: string, op: JsonObject, shared: unknown[]): Operation {
    const own = Array.isArray(op.parameters) ? op.parameters : [];
    const parameters = [...shared, ...own].map((p) => this.deref(p) as JsonObject);
    const body = this.deref(op.requestBody);
    const json =
      isObject(body) && isObject(body.content) ? body.content['application/json'] : undefined;
    const docs = isObject(op.externalDocs) ? String(op.externalDocs.url ?? '') : '';
    return {
      method: method.toUpperCase(),
      path,
      operationId: String(op.operationId ?? `${method} ${path}`),
      documentationUrl: docs || 'https://docs.github.com/rest',
      parameters: parameters.map((p) => ({
        name: String(p.name),
        in: p.in as ParameterSpec['in'],
        required: p.required === true,
        schema: p.schema,
      })),
      requestBodySchema: isObject(json) ? json.schema : undefined,
      requestBodyRequired: isObject(body) && body.required === true,
      responses: (op.responses ?? {}) as JsonObject,
    };
  }

  private deref(node: unknown): unknown {
    let current = node;
    for (let i = 0; i < 10 && isObject(current) && typeof current.$ref === 'string'; i++) {
      current = resolvePointer(this.spec, current.$ref);
    }
    return current;
  }
}

function createAjv(options: { coerceTypes?: 'array'; useDefaults?: boolean }): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, ...options });
  addFormatsModule.default(ajv);
  return ajv;
}

function compileSegment(segment: string): SegmentMatcher {
  if (!segment.includes('{')) return { literal: segment };
  const names: string[] = [];
  const source = segment.replace(/\{([^}]+)\}|([^{]+)/g, (_m, name?: string, lit?: string) => {
    if (name) {
      names.push(name);
      return '([^/]+?)';
    }
    return escapeRegex(lit ?? '');
  });
  return { regex: new RegExp(`^${source}$`), names };
}

function matchSegments(
  template: CompiledTemplate,
  segments: string[],
  greedy: boolean,
): Record<string, string> | undefined {
  const count = template.segments.length;
  if (greedy ? segments.length <= count : segments.length !== count) return undefined;
  const parts = greedy
    ? [...segments.slice(0, count - 1), segments.slice(count - 1).join('/')]
    : segments;
  const params: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const matcher = template.segments[i]!;
    const part = parts[i]!;
    if ('literal' in matcher) {
      if (matcher.literal !== part) return undefined;
      continue;
    }
    const m = (greedy && i === count - 1 ? /^(.+)$/ : matcher.regex).exec(part);
    if (!m) return undefined;
    matcher.names.forEach((name, j) => (params[name] = safeDecode(m[j + 1] ?? '')));
  }
  return params;
}

/** Rejects unknown top-level body properties (GitHub ignores them; here they are caller bugs). */
function closeTopLevel(schema: JsonObject): void {
  if (isObject(schema.properties) && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
  }
}

function toProblem(where: ValidationProblem['where'], errors: ErrorObject[]): ValidationProblem {
  const details = errors.map(describeAjvError);
  const missing = errors.find((e) => e.keyword === 'required');
  const headline = missing
    ? `"${String(missing.params.missingProperty)}" wasn't supplied.`
    : (details[0] ?? 'invalid');
  return { where, message: `Invalid request.\n\n${headline}`, details };
}

function describeAjvError(error: ErrorObject): string {
  const at = error.instancePath || '(root)';
  if (error.keyword === 'additionalProperties') {
    return `${at}: unknown property "${String(error.params.additionalProperty)}"`;
  }
  if (error.keyword === 'enum') {
    return `${at}: must be one of ${JSON.stringify(error.params.allowedValues)}`;
  }
  return `${at}: ${error.message ?? error.keyword}`;
}

function resolvePointer(root: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return node;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
