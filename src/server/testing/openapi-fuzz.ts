/**
 * Fuzzing from the OpenAPI document (issue 9, item 4): the pure parts — which operations there
 * are, how to build hostile requests for one from its schemas (fast-check arbitraries), and the
 * oracle that judges each answer. The runner (src/server/http/fuzz.int.test.ts) sends the
 * requests through app.inject and checks that rejected requests changed no data.
 *
 *   const ops = listOperations(doc);
 *   fc.assert(fc.asyncProperty(requestArbitrary(ops[0]!, doc, pools), async (req) => {
 *     const violations = checkResponse(req, await send(req));
 *     if (violations.length) throw new Error(violations.join('\n'));
 *   }));
 */
import fc from 'fast-check';

/** The part of JSON Schema (as @fastify/swagger writes it from zod) that the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
  security?: unknown[];
}

interface OpenApiOperation {
  summary?: string;
  security?: unknown[];
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface Param {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** "POST /api/v1/journal/entries" */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: Param[];
  query: Param[];
  headers: Param[];
  body?: JsonSchema;
  bodyRequired: boolean;
  /** Documented as needing no sign-in (security: []). */
  public: boolean;
  /** Answers with a stream that stays open (Server-Sent Events): only its refusals can be fuzzed in-process. */
  streams: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Every operation under the given path prefixes, in document order. Operations whose success
 * would end the fixture's couple or sessions come last (DELETEs, then `last`), so a fuzzed request
 * that happens to be valid does not take the ground from under the operations after it.
 */
export function listOperations(doc: OpenApiDocument, opts: { prefixes?: string[]; last?: string[] } = {}): Operation[] {
  const prefixes = opts.prefixes ?? ['/api/v1/', '/api/auth/'];
  const last = opts.last ?? [];
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!prefixes.some((p) => path.startsWith(p))) continue;
    for (const m of METHODS) {
      const o = item[m];
      if (!o) continue;
      const params = o.parameters ?? [];
      const of = (where: string) =>
        params.filter((p) => p.in === where).map((p) => ({ name: p.name, required: p.required === true || where === 'path', schema: p.schema ?? {} }));
      const content = o.requestBody?.content ?? {};
      const method = m.toUpperCase() as Operation['method'];
      ops.push({
        id: `${method} ${path}`,
        method,
        path,
        pathParams: of('path'),
        query: of('query'),
        headers: of('header'),
        body: content['application/json']?.schema,
        bodyRequired: o.requestBody?.required === true,
        public: Array.isArray(o.security) && o.security.length === 0,
        streams: /server-sent events|text\/event-stream/i.test(o.summary ?? ''),
      });
    }
  }
  const rank = (op: Operation) => (last.includes(op.id) ? 2 + last.indexOf(op.id) : op.method === 'DELETE' ? 1 : 0);
  return ops.map((op, i) => ({ op, i })).sort((a, b) => rank(a.op) - rank(b.op) || a.i - b.i).map(({ op }) => op);
}

/** Follows local `$ref`s ("#/components/schemas/X"). */
export function resolve(schema: JsonSchema | undefined, doc: OpenApiDocument): JsonSchema {
  let s = schema ?? {};
  for (let depth = 0; s.$ref && depth < 20; depth++) {
    const name = s.$ref.replace(/^#\/components\/schemas\//, '');
    s = doc.components?.schemas?.[name] ?? {};
  }
  return s;
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** Values that look valid for a field of this name, for strings without a format the fuzzer can read. */
const NAME_HINTS: Array<[RegExp, string]> = [
  [/timezone/i, 'UTC'],
  [/state$/i, 'TX'],
  [/language/i, 'en'],
  [/email/i, 'fuzz@example.com'],
  [/endpoint|url|website/i, 'https://push.example.com/fuzz'],
  [/slug/i, 'fuzz-practice'],
];
const PATTERN_CANDIDATES = ['08:00', '2026-12-01', 'abc-def', 'AbC_12-x', 'UTC', 'TX', 'a', '1'];

/** Something from `pool` picked by `n`, or `fallback`. */
const pick = <T>(pool: readonly T[], n: number, fallback: T): T => (pool.length ? pool[Math.abs(n) % pool.length]! : fallback);

export interface Pools {
  /** Ids to put where a uuid goes (the fixture's own, other people's, made up). */
  ids: string[];
  /** Known good values for parameters by name (e.g. slug, token, day, category). */
  byName?: Record<string, string[]>;
}

/**
 * A deterministic instance of the schema that a server would probably accept (every property,
 * required or not, so mutations can reach them all). `seed` varies choices among pools.
 */
export function exampleOf(schema: JsonSchema | undefined, doc: OpenApiDocument, pools: Pools, name = '', seed = 0, depth = 0): unknown {
  const s = resolve(schema, doc);
  if (depth > 8) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return pick(s.enum, seed, null);
  if (s.default !== undefined && !typesOf(s).length) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) {
    const nonNull = alt.filter((a) => !typesOf(resolve(a, doc)).includes('null'));
    return exampleOf(pick(nonNull.length ? nonNull : alt, seed, {}), doc, pools, name, seed, depth + 1);
  }
  if (s.allOf?.length) return exampleOf(s.allOf[0], doc, pools, name, seed, depth + 1);
  const type = typesOf(s).find((t) => t !== 'null') ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = exampleOf(v, doc, pools, k, seed, depth + 1);
      return out;
    }
    case 'array': {
      const n = Math.max(1, s.minItems ?? 0);
      return Array.from({ length: Math.min(n, s.maxItems ?? n) }, (_, i) => exampleOf(s.items, doc, pools, name, seed + i, depth + 1));
    }
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
      const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
      return lo ?? (hi !== undefined ? Math.min(hi, 1) : 1);
    }
    case 'boolean':
      return seed % 2 === 0;
    default:
      return stringExample(s, pools, name, seed);
  }
}

function stringExample(s: JsonSchema, pools: Pools, name: string, seed: number): string {
  const known = pools.byName?.[name];
  if (known?.length) return pick(known, seed, '');
  switch (s.format) {
    case 'uuid':
      return pick(pools.ids, seed, '0190a000-0000-7000-8000-000000000000');
    case 'date-time':
      return new Date(Date.UTC(2026, 10, 20, 12, 0, 0)).toISOString();
    case 'date':
      return '2026-12-01';
    case 'email':
      return 'fuzz@example.com';
    case 'uri':
      return 'https://push.example.com/fuzz';
  }
  const hint = NAME_HINTS.find(([re]) => re.test(name))?.[1];
  const fits = (v: string) => (!s.pattern || new RegExp(s.pattern, 'u').test(v)) && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  for (const v of [hint, 'fuzz', ...PATTERN_CANDIDATES]) if (v !== undefined && fits(v)) return v;
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** Where a field lives in an example, and its schema. */
export interface FieldPath {
  path: Array<string | number>;
  schema: JsonSchema;
  required: boolean;
}

/** Every field of an example value, outermost first, with the schema that describes it. */
export function fieldPaths(schema: JsonSchema | undefined, example: unknown, doc: OpenApiDocument, path: Array<string | number> = [], required = true, depth = 0): FieldPath[] {
  let s = resolve(schema, doc);
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) s = resolve(alt.find((a) => !typesOf(resolve(a, doc)).includes('null')) ?? alt[0], doc);
  const here: FieldPath[] = path.length ? [{ path, schema: s, required }] : [];
  if (depth > 6) return here;
  if (example && typeof example === 'object' && !Array.isArray(example)) {
    const req = new Set(s.required ?? []);
    return [
      ...here,
      ...Object.entries(example as Record<string, unknown>).flatMap(([k, v]) => fieldPaths(s.properties?.[k], v, doc, [...path, k], req.has(k), depth + 1)),
    ];
  }
  if (Array.isArray(example) && example.length) return [...here, ...fieldPaths(s.items, example[0], doc, [...path, 0], true, depth + 1)];
  return here;
}

export const MUTATIONS = [
  'wrong-type',
  'null',
  'too-long',
  'out-of-range',
  'extra-property',
  'deep-nesting',
  'huge-array',
  'missing',
  'hostile-string',
  'empty',
  'proto-pollution',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** JSON text nested `depth` deep (arrays and objects in turn) around 1, built as text: too deep for JSON.stringify. */
export const deepJson = (depth: number): string => {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '{"a":' : '[';
    close = (i % 2 ? '}' : ']') + close;
  }
  return `${open}1${close}`;
};

/** Stands in for a deeply nested value until the body is written out (see `bodyText`). */
const DEEP_MARKER = 'fuzz-deep-nesting-marker:';

/** A mutated body as JSON text, with deep-nesting markers expanded. */
export function bodyText(value: unknown): string {
  return JSON.stringify(value).replace(new RegExp(`"${DEEP_MARKER}(\\d+)"`, 'g'), (_m, n: string) => deepJson(Number(n)));
}

/** The value a mutation puts in place of a field (undefined: remove it). */
export function mutatedValue(field: FieldPath | undefined, current: unknown, mutation: Mutation, hostile: string, size: number): unknown {
  const s = field?.schema ?? {};
  const types = typesOf(s);
  switch (mutation) {
    case 'wrong-type':
      if (typeof current === 'string') return size % 3 === 0 ? 12345 : size % 3 === 1 ? [current] : { value: current };
      if (typeof current === 'number') return size % 2 ? String(current) : true;
      if (typeof current === 'boolean') return size % 2 ? 'true' : 1;
      if (Array.isArray(current)) return size % 2 ? 'not-an-array' : { 0: current[0] };
      if (current && typeof current === 'object') return size % 2 ? 'not-an-object' : [current];
      return { unexpected: true };
    case 'null':
      return null;
    case 'too-long':
      if (typeof current === 'string' || types.includes('string')) {
        const unit = hostile || 'x';
        return unit.repeat(Math.ceil(((s.maxLength ?? 10_000) + 1 + (size % 100)) / unit.length));
      }
      if (Array.isArray(current)) return Array.from({ length: (s.maxItems ?? 100) + 1 }, () => current[0] ?? 'x');
      return 'x'.repeat(20_000);
    case 'out-of-range': {
      const choices = [
        s.maximum !== undefined ? s.maximum + 1 : 1e308,
        s.minimum !== undefined ? s.minimum - 1 : -1e308,
        0.5,
        -0,
        Number.MAX_SAFE_INTEGER + 2,
        -2147483649,
        2147483648,
        1e21,
      ];
      return choices[size % choices.length];
    }
    case 'extra-property':
      return current && typeof current === 'object' && !Array.isArray(current) ? { ...current, [`fuzz${hostile.slice(0, 20)}`]: hostile } : current;
    case 'deep-nesting':
      return `${DEEP_MARKER}${50 + ((size * 7) % 10_000)}`;
    case 'huge-array':
      return Array.from({ length: 1000 + size * 37 }, (_, i) => (typeof current === 'string' ? current : i));
    case 'missing':
      return undefined;
    case 'hostile-string':
      return hostile;
    case 'empty':
      return typeof current === 'string' ? '' : Array.isArray(current) ? [] : current && typeof current === 'object' ? {} : '';
    case 'proto-pollution':
      return JSON.parse('{"__proto__":{"isAdmin":true,"userId":"00000000-0000-0000-0000-000000000000"},"constructor":{"prototype":{"polluted":true}}}');
  }
}

/** The example with one field (or the whole body, at path []) replaced by a mutation. */
export function mutate(example: unknown, field: FieldPath | undefined, mutation: Mutation, hostile: string, size: number): unknown {
  const path = field?.path ?? [];
  if (!path.length) {
    if (mutation === 'extra-property' || mutation === 'proto-pollution') {
      const extra = mutation === 'proto-pollution' ? (mutatedValue(field, example, mutation, hostile, size) as object) : { [`fuzz${hostile.slice(0, 20)}`]: hostile };
      return example && typeof example === 'object' && !Array.isArray(example) ? Object.assign(clone(example) as object, extra) : extra;
    }
    return mutatedValue(field, example, mutation, hostile, size) ?? null;
  }
  const root = clone(example) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const next = mutatedValue(field, parent[key], mutation, hostile, size);
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = next;
  return root;
}

/** Substrings that only an internal error leaks: a stack frame, a module path, a source file. */
export const LEAK_MARKERS = ['at /', 'node_modules', '.ts:', 'at async ', 'at Object.', '/src/server/'];
const hasLeakMarker = (s: string) => LEAK_MARKERS.some((m) => s.includes(m));

/** Hostile strings: very long, unicode, traversal, NUL, SQL and script injection, format lookalikes. */
export const hostileString: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('\u0000', 'a\u0000b', '\u0000'.repeat(3)),
    fc.constantFrom(
      '',
      ' ',
      '../../../../etc/passwd',
      '..%2f..%2fetc%2fpasswd',
      '%00',
      '\u0000',
      'a\u0000b',
      "' OR '1'='1",
      "'; DROP TABLE journal_entry; --",
      '1; SELECT pg_sleep(5)',
      '$1',
      '<script>alert(1)</script>',
      '{{7*7}}',
      '${7*7}',
      '\u202e\u0644\u0627',
      '👩‍❤️‍👨',
      '\ud800',
      'null',
      'undefined',
      'NaN',
      '-1',
      '0',
      '1e309',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      'not-a-uuid',
      '0190a000-0000-7000-8000-00000000000',
      '2026-02-30',
      '2026-13-01T25:61:00Z',
      '9999-12-31T23:59:59.999Z',
      'Mars/Olympus',
      'America/../../etc',
      '__proto__',
      'constructor',
      '\r\nSet-Cookie: x=1',
      '%',
      '%zz',
      '%E0%A4%A',
    ),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer({ min: 201, max: 20_000 }).map((n) => 'a'.repeat(n)),
    fc.integer({ min: 1, max: 3000 }).map((n) => '𝕏'.repeat(n)),
    fc.uuid(),
  )
  .filter((s) => !hasLeakMarker(s));

/** One request, ready for app.inject. */
export interface FuzzRequest {
  op: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Who sends it: the signed-in fixture person, or nobody. */
  as: 'me' | 'anon';
  /** What was done to it, for the report and the oracle. */
  kind: string;
  /** The body was well-formed JSON in the valid shape with one field changed (a 400 must name a field). */
  fieldMutation?: { path: string; mutation: Mutation };
}

const ORIGIN = 'http://localhost:3000';

/** A path parameter: a known value, an id (mine or someone else's), or something hostile, URL-encoded or raw. */
function pathValue(p: Param, pools: Pools): fc.Arbitrary<string> {
  const known = [...(pools.byName?.[p.name] ?? []), ...(p.schema.format === 'uuid' || /id$/i.test(p.name) ? pools.ids : [])];
  const enumValues = (resolve(p.schema, { paths: {} }).enum ?? []).map(String);
  return fc.oneof(
    { weight: 3, arbitrary: known.length || enumValues.length ? fc.constantFrom(...known, ...enumValues) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid({ version: 7 }) },
    { weight: 4, arbitrary: hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '') || '-')) },
    { weight: 2, arbitrary: fc.constantFrom('..', '.', '%00', '%', '%zz', '%E0%A4%A', '%2e%2e%2f', '..%2f..%2f', ';', '~', '%C0%AE', '%FF', 'a%20b', '%252e') },
  );
}

/** A query string: each parameter absent, plausible, hostile, repeated or empty, plus unknown ones. */
function queryString(op: Operation, doc: OpenApiDocument, pools: Pools): fc.Arbitrary<string> {
  const one = (p: Param) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<string[]>([]) },
      { weight: 2, arbitrary: fc.nat().map((n) => [`${p.name}=${encodeURIComponent(String(exampleOf(p.schema, doc, pools, p.name, n)))}`]) },
      { weight: 3, arbitrary: hostileString.map((s) => [`${p.name}=${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))}`]) },
      { weight: 1, arbitrary: fc.constantFrom([`${p.name}=1`, `${p.name}=2`], [`${p.name}`], [`${p.name}=`], [`${p.name}[]=x`], [`${p.name}=%`], [`${p.name}=%E0%A4%A`], [`${p.name}=-1`], [`${p.name}=1e999`]) },
    );
  return fc
    .tuple(
      fc.tuple(...op.query.map(one)),
      fc.option(fc.constantFrom('__proto__=x', 'constructor[prototype]=1', 'unknown=1', `x=${'a'.repeat(4000)}`), { freq: 5 }),
    )
    .map(([parts, extra]) => [...parts.flat(), ...(extra ? [extra] : [])].join('&'));
}

/** The body: the valid shape with one field mutated, random JSON, broken JSON, very deep, very large, or none. */
function body(op: Operation, doc: OpenApiDocument, pools: Pools, bodyLimit: number) {
  type Body = { kind: string; payload?: string; fieldMutation?: FuzzRequest['fieldMutation'] };
  const arbs: Array<fc.WeightedArbitrary<Body>> = [];
  if (op.body) {
    const examples = [0, 1, 2].map((seed) => exampleOf(op.body, doc, pools, '', seed));
    arbs.push({
      weight: 8,
      arbitrary: fc.record({ e: fc.nat(), f: fc.nat(), m: fc.constantFrom(...MUTATIONS), h: hostileString, size: fc.nat({ max: 10_000 }) }).map(({ e, f, m, h, size }) => {
        const example = examples[e % examples.length];
        const fields = fieldPaths(op.body, example, doc);
        const field = f % (fields.length + 1) === fields.length ? undefined : fields[f % (fields.length + 1)];
        const value = mutate(example, field, m, h, size);
        return { kind: `field:${m}`, payload: bodyText(value), fieldMutation: { path: (field?.path ?? []).join('.') || '(body)', mutation: m } };
      }),
    });
  }
  arbs.push(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4, stringUnit: 'grapheme' }).map((v) => ({ kind: 'random-json', payload: JSON.stringify(v) })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom('{', '{"a":', "{'a':1}", '[1,2', 'undefined', 'NaN', '{"a":1}}', '\u0000', '{"a":01}', '{"a":"\\u12"}', '\ufeff{}', '{"a":1,}', '// x\n{}', 'true', '"string"', '1e999', '[]'),
          fc.string({ unit: 'binary', maxLength: 200 }),
        )
        .map((payload) => ({ kind: 'invalid-json', payload })),
    },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => ({ kind: 'deep-json', payload: '['.repeat(n) + ']'.repeat(n) })) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: -64, max: 64 }).map((d) => {
        const n = Math.max(1, Math.floor((bodyLimit + d * 1024) / 4));
        return { kind: d > 0 ? 'over-limit' : 'huge-array', payload: JSON.stringify({ items: Array.from({ length: n }, () => 1) }) };
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'no-body' }) },
  );
  return fc.oneof(...arbs);
}

/** Headers: content type (right, missing, wrong, odd), Origin (ours, another site's, none), Idempotency-Key, oversize values. */
function headers(op: Operation) {
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        'text/plain',
        'text/html',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/merge-patch+json',
        'APPLICATION/JSON',
        'application/jsonx',
        ';;;',
        'application/json, text/html',
        'application/xml',
        '*/*',
        'application/',
        'application/json; boundary="',
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 60 }) },
  );
  const origin = fc.oneof(
    { weight: 8, arbitrary: fc.constant(ORIGIN) },
    { weight: 2, arbitrary: fc.constantFrom('https://evil.example', 'null', '', 'http://localhost:3000.evil.example', 'http://LOCALHOST:3000', 'http://localhost:3000/', 'http://localhost') },
  );
  const idempotencyKey = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom('', ' ', 'a b', '\t', 'a'.repeat(256), 'a'.repeat(8000), '../x', "'; --", '\u00e9t\u00e9') },
  );
  const extra = fc.option(
    fc.constantFrom<Record<string, string>>(
      { 'x-fuzz': 'a'.repeat(8000) },
      { accept: 'text/html' },
      { accept: 'application/xml' },
      { 'accept-language': 'x'.repeat(2000) },
      { 'x-forwarded-for': '127.0.0.1, ::1, 999.999.999.999' },
      { 'sec-fetch-site': 'cross-site' },
      { 'user-agent': 'x'.repeat(8000) },
      { 'content-encoding': 'gzip' },
      { 'transfer-encoding': 'chunked' },
      { 'x-http-method-override': 'DELETE' },
    ),
    { freq: 4 },
  );
  const cookieNoise = fc.option(fc.constantFrom('trellis.session_token=forged.signature', 'trellis.session_token=' + 'a'.repeat(4000), 'trellis.session_token=%00', 'trellis.session_data=x'), {
    freq: 6,
  });
  return fc.record({ contentType, origin, idempotencyKey, extra, cookieNoise }).map(({ contentType, origin, idempotencyKey, extra, cookieNoise }) => {
    const h: Record<string, string> = { ...(extra ?? {}) };
    if (contentType !== '') h['content-type'] = contentType;
    if (op.method !== 'GET' && origin !== '') h.origin = origin;
    if (idempotencyKey !== undefined && (op.headers.some((p) => p.name === 'idempotency-key') || idempotencyKey.length % 2)) h['idempotency-key'] = idempotencyKey;
    return { headers: h, cookieNoise: cookieNoise ?? undefined };
  });
}

/**
 * Hostile requests for one operation. The sender adds the fixture person's cookie when `as` is
 * "me" (and `cookieNoise`, a forged cookie, either way).
 */
export function requestArbitrary(op: Operation, doc: OpenApiDocument, pools: Pools, opts: { bodyLimit?: number } = {}): fc.Arbitrary<FuzzRequest & { cookieNoise?: string }> {
  const bodyLimit = opts.bodyLimit ?? 256 * 1024;
  return fc
    .record({
      as: op.streams ? fc.constant<'anon'>('anon') : fc.constantFrom<'me' | 'anon'>('me', 'me', 'me', 'anon'),
      params: fc.tuple(...op.pathParams.map((p) => pathValue(p, pools))),
      query: queryString(op, doc, pools),
      body: body(op, doc, pools, bodyLimit),
      h: headers(op),
    })
    .map(({ as, params, query, body: b, h }) => {
      let path = op.path;
      op.pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, params[i]!)));
      const headersOut = { ...h.headers };
      const sendsBody = b.payload !== undefined && op.method !== 'GET';
      if (!sendsBody) delete headersOut['content-type'];
      const req: FuzzRequest & { cookieNoise?: string } = {
        op: op.id,
        method: op.method,
        url: query ? `${path}?${query}` : path,
        headers: headersOut,
        as,
        kind: sendsBody ? b.kind : 'no-body',
        ...(sendsBody ? { payload: b.payload } : {}),
        ...(sendsBody && b.fieldMutation && headersOut['content-type'] === 'application/json' ? { fieldMutation: b.fieldMutation } : {}),
        ...(h.cookieNoise ? { cookieNoise: h.cookieNoise } : {}),
      };
      // fast-check prints counterexamples with this: short enough to read, enough to replay by hand.
      Object.defineProperty(req, fc.toStringMethod, { enumerable: false, value: () => describeRequest(req) });
      return req;
    })
    .filter((r) => !hasLeakMarker(r.url) && !hasLeakMarker(JSON.stringify(r.headers)));
}

/**
 * The deterministic part of the fuzz: for each field of the body (the valid-looking example), one
 * request with that field holding each of `values` — so a value that only some fields mishandle
 * (a NUL character in a column stored as plain text) is tried on every field, not left to chance.
 */
export function sweepRequests(op: Operation, doc: OpenApiDocument, pools: Pools, values: unknown[] = ['a\u0000b', { nested: ['object'] }]): FuzzRequest[] {
  if (!op.body || op.method === 'GET') return [];
  let path = op.path;
  for (const p of op.pathParams) path = path.replace(`{${p.name}}`, encodeURIComponent(String(exampleOf(p.schema, doc, pools, p.name))));
  const example = exampleOf(op.body, doc, pools);
  const headers = { 'content-type': 'application/json', origin: ORIGIN };
  return fieldPaths(op.body, example, doc).flatMap((field) =>
    values.map((v) => {
      const root = clone(example) as Record<string | number, unknown>;
      let parent = root;
      for (const key of field.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      parent[field.path[field.path.length - 1]!] = v;
      const dotted = field.path.join('.');
      const req: FuzzRequest = { op: op.id, method: op.method, url: path, headers, payload: JSON.stringify(root), as: 'me', kind: `sweep:${dotted}`, fieldMutation: { path: dotted, mutation: 'hostile-string' } };
      Object.defineProperty(req, fc.toStringMethod, { enumerable: false, value: () => describeRequest(req) });
      return req;
    }),
  );
}

/** One line per request for reports: method, URL, who, kind, headers and the start of the body. */
export function describeRequest(r: FuzzRequest & { cookieNoise?: string }): string {
  const cut = (v: string, n: number) => (v.length > n ? `${v.slice(0, n)}…(${v.length} chars)` : v);
  const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${cut(v, 60)}`);
  if (r.cookieNoise) headers.push(`cookie+: ${cut(r.cookieNoise, 60)}`);
  return `${r.method} ${cut(r.url, 300)} as ${r.as} [${r.kind}] {${headers.join('; ')}}${r.payload !== undefined ? ` body ${cut(JSON.stringify(r.payload), 300)}` : ''}`;
}

export interface FuzzResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/**
 * What is wrong with an answer, if anything: a 5xx; a 4xx that is not an RFC 9457 problem
 * (application/problem+json with type, title and status); a validation 400 that names no field;
 * a stack trace or internal path in an error body.
 */
export function checkResponse(req: Pick<FuzzRequest, 'fieldMutation'>, res: FuzzResponse): string[] {
  const out: string[] = [];
  const status = res.statusCode;
  if (status >= 500) out.push(`answered ${status}`);
  if (status < 400) return out;
  const ct = String(res.headers['content-type'] ?? '');
  if (!ct.startsWith('application/problem+json')) out.push(`a ${status} with content-type "${ct}", not application/problem+json`);
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    out.push(`a ${status} whose body is not JSON: ${res.body.slice(0, 120)}`);
  }
  if (body !== undefined) {
    const p = body as Record<string, unknown>;
    if (!p || typeof p !== 'object' || Array.isArray(p)) out.push(`a ${status} whose body is not an object`);
    else {
      if (typeof p.type !== 'string' || !p.type) out.push(`a ${status} problem without "type"`);
      if (typeof p.title !== 'string' || !p.title) out.push(`a ${status} problem without "title"`);
      if (p.status !== status) out.push(`a ${status} problem whose "status" is ${JSON.stringify(p.status)}`);
      const errors = p.errors;
      if (errors !== undefined && !(Array.isArray(errors) && errors.every((e) => e && typeof e.path === 'string' && typeof e.message === 'string'))) {
        out.push(`a ${status} problem whose "errors" are not [{ path, message }]`);
      }
      const isValidation = typeof p.type === 'string' && p.type.endsWith(':validation');
      if (status === 400 && (isValidation || req.fieldMutation) && !(Array.isArray(errors) && errors.length > 0)) {
        out.push(`a 400 for ${req.fieldMutation ? `a wrong field (${req.fieldMutation.path}: ${req.fieldMutation.mutation})` : 'invalid input'} that names no field`);
      }
    }
  }
  const leak = LEAK_MARKERS.find((m) => res.body.includes(m));
  if (leak) out.push(`a ${status} body that leaks internals ("${leak}"): ${res.body.slice(0, 200)}`);
  return out;
}

/** An export document without what legitimately changes between two exports (the time it was made, session expiry). */
export function normalizeExport(doc: unknown): unknown {
  const d = clone(doc) as Record<string, unknown> & { account?: { sessions?: Array<Record<string, unknown>> } };
  delete d.exportedAt;
  if (d.account?.sessions) d.account.sessions = d.account.sessions.map(({ expiresAt: _e, ...rest }) => rest).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return d;
}

/** Dotted paths where two JSON values differ (at most `limit`). */
export function diffPaths(a: unknown, b: unknown, path = '', limit = 10, out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (a === b) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) diffPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, limit, out);
    return out;
  }
  out.push(path || '(root)');
  return out;
}
