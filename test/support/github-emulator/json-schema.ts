/**
 * Converts GitHub's OpenAPI 3.0 schemas into standalone JSON Schemas that ajv can compile.
 *
 * Pragmatic choices (GitHub's description has quirks that real servers tolerate):
 * - `nullable: true` becomes a `null` alternative;
 * - `oneOf` becomes `anyOf` (GitHub's oneOfs overlap, e.g. string|integer titles);
 * - `discriminator`, examples, descriptions and vendor extensions are dropped;
 * - formats ajv-formats does not know (`uri-template`, `timestamp`) are dropped.
 * Required fields, types, enums and lengths are kept.
 */

export type JsonObject = Record<string, unknown>;

const COMPONENT_PREFIX = '#/components/schemas/';
const KNOWN_FORMATS = new Set(['uri', 'date-time', 'date', 'email', 'int64', 'int32']);
const DROPPED_KEYS = new Set([
  'description',
  'example',
  'examples',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'deprecated',
  'title',
]);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds a self-contained schema: component `$ref`s are rewritten to `#/definitions/<name>`. */
export function toStandaloneSchema(schema: unknown, components: JsonObject): JsonObject {
  const needed = new Set<string>();
  const root = convertNode(schema, needed);
  const definitions: JsonObject = {};
  const queue = [...needed];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (name in definitions) continue;
    const found = new Set<string>();
    definitions[name] = convertNode(components[name] ?? {}, found);
    for (const dep of found) if (!(dep in definitions)) queue.push(dep);
  }
  return isObject(root) ? { ...root, definitions } : { allOf: [root], definitions };
}

function convertNode(node: unknown, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => convertNode(item, refs));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') return convertRef(node.$ref, refs);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYS.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === 'format' && (typeof value !== 'string' || !KNOWN_FORMATS.has(value))) continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = mapValues(value, (prop) => convertNode(prop, refs));
    } else if (key === 'oneOf') {
      out.anyOf = convertNode(value, refs);
    } else {
      out[key] = convertNode(value, refs);
    }
  }
  return node.nullable === true ? makeNullable(out) : out;
}

function convertRef(ref: string, refs: Set<string>): JsonObject {
  if (!ref.startsWith(COMPONENT_PREFIX)) return {};
  const name = ref.slice(COMPONENT_PREFIX.length);
  refs.add(name);
  return { $ref: `#/definitions/${encodePointer(name)}` };
}

function makeNullable(schema: JsonObject): JsonObject {
  const composite = 'anyOf' in schema || 'allOf' in schema || '$ref' in schema;
  if (typeof schema.type === 'string' && !composite) {
    const enumValues = Array.isArray(schema.enum) ? [...schema.enum, null] : undefined;
    return { ...schema, type: [schema.type, 'null'], ...(enumValues ? { enum: enumValues } : {}) };
  }
  return { anyOf: [schema, { type: 'null' }] };
}

function mapValues(obj: JsonObject, fn: (value: unknown) => unknown): JsonObject {
  return Object.fromEntries(Object.entries(obj).map(([key, value]) => [key, fn(value)]));
}

function encodePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
