import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyText,
  checkResponse,
  diffPaths,
  exampleOf,
  fieldPaths,
  listOperations,
  mutate,
  normalizeExport,
  requestArbitrary,
  type OpenApiDocument,
} from './openapi-fuzz.ts';

const problem = (status: number, extra: Record<string, unknown> = {}) => ({
  statusCode: status,
  headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  body: JSON.stringify({ type: 'urn:trellis:problem:x', title: 'Bad request', status, ...extra }),
});

const doc: OpenApiDocument = {
  paths: {
    '/api/v1/things': {
      post: {
        parameters: [{ in: 'header', name: 'idempotency-key' }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
      },
      get: { parameters: [{ in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 100 } }] },
    },
    '/api/v1/things/{id}': { delete: { parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string', format: 'uuid' } }] } },
    '/api/v1/couple/unlink': { post: {} },
    '/healthz': { get: {} },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          title: { type: 'string', minLength: 1, maxLength: 5 },
          day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          mood: { type: 'integer', minimum: 1, maximum: 5 },
          tags: { type: 'array', maxItems: 2, items: { type: 'string', enum: ['a', 'b'] } },
          note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        },
        required: ['title'],
        additionalProperties: false,
      },
    },
  },
};

describe('checkResponse (the fuzz oracle)', () => {
  it('passes a problem document and a success', () => {
    expect(checkResponse({}, problem(404))).toEqual([]);
    expect(checkResponse({}, { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{}' })).toEqual([]);
  });

  it('flags a 500, even as a problem document', () => {
    expect(checkResponse({}, problem(500))).toEqual(['answered 500']);
  });

  it('flags a text/html 400', () => {
    const v = checkResponse({}, { statusCode: 400, headers: { 'content-type': 'text/html' }, body: '<h1>Bad request</h1>' });
    expect(v.join('\n')).toMatch(/content-type "text\/html"/);
    expect(v.join('\n')).toMatch(/not JSON/);
  });

  it('flags a 4xx in the wrong JSON shape (Fastify’s own error body)', () => {
    const v = checkResponse({}, { statusCode: 400, headers: { 'content-type': 'application/json' }, body: '{"error":"Bad Request","statusCode":400}' });
    expect(v).toEqual(expect.arrayContaining([expect.stringMatching(/not application\/problem\+json/), expect.stringMatching(/without "type"/)]));
  });

  it('flags a stack trace or an internal path in an error body', () => {
    const stack = 'TypeError: x is undefined\n    at handler (/work/main/src/server/features/journal/routes.ts:42:7)';
    expect(checkResponse({}, problem(400, { detail: stack })).join('\n')).toMatch(/leaks internals/);
    expect(checkResponse({}, problem(422, { detail: 'in /app/node_modules/zod/index.js' })).join('\n')).toMatch(/leaks internals/);
  });

  it('flags a validation 400 that names no field when one field was wrong', () => {
    const wrongField = { fieldMutation: { path: 'title', mutation: 'too-long' as const } };
    expect(checkResponse(wrongField, problem(400)).join('\n')).toMatch(/names no field/);
    expect(checkResponse(wrongField, problem(400, { errors: [{ path: 'title', message: 'Too long' }] }))).toEqual([]);
    expect(checkResponse({}, problem(400, { errors: [{ message: 'no path' }] })).join('\n')).toMatch(/"errors" are not/);
  });
});

describe('operations and mutators', () => {
  it('lists the operations under the prefixes, DELETEs and the named ones last', () => {
    const ops = listOperations(doc, { last: ['POST /api/v1/couple/unlink'] });
    expect(ops.map((o) => o.id)).toEqual(['GET /api/v1/things', 'POST /api/v1/things', 'DELETE /api/v1/things/{id}', 'POST /api/v1/couple/unlink']);
    expect(ops[1]).toMatchObject({ bodyRequired: true, headers: [expect.objectContaining({ name: 'idempotency-key' })] });
    expect(ops[2]!.pathParams).toEqual([{ name: 'id', required: true, schema: { type: 'string', format: 'uuid' } }]);
  });

  it('builds a valid-looking example from the schema (refs, patterns, enums, ranges)', () => {
    const example = exampleOf({ $ref: '#/components/schemas/Thing' }, doc, { ids: [] });
    expect(example).toEqual({ title: 'fuzz', day: '2026-12-01', mood: 1, tags: ['a'], note: 'fuzz' });
    const paths = fieldPaths({ $ref: '#/components/schemas/Thing' }, example, doc).map((f) => f.path.join('.'));
    expect(paths).toEqual(['title', 'day', 'mood', 'tags', 'tags.0', 'note']);
  });

  it('mutates one field and leaves the rest', () => {
    const example = { title: 'fuzz', tags: ['a'] };
    const fields = fieldPaths(doc.components!.schemas!.Thing, example, doc);
    const title = fields.find((f) => f.path.join('.') === 'title');
    expect((mutate(example, title, 'too-long', 'x', 0) as { title: string }).title.length).toBeGreaterThan(5);
    expect(mutate(example, title, 'missing', 'x', 0)).toEqual({ tags: ['a'] });
    expect(mutate(example, title, 'null', 'x', 0)).toEqual({ title: null, tags: ['a'] });
    expect(example).toEqual({ title: 'fuzz', tags: ['a'] });
    const deep = bodyText(mutate(example, title, 'deep-nesting', 'x', 1000));
    expect(deep.length).toBeGreaterThan(1000);
    expect(() => JSON.parse(deep)).not.toThrow();
  });

  it('generates requests for an operation (reproducibly from a seed)', () => {
    const post = listOperations(doc).find((o) => o.method === 'POST');
    const arb = requestArbitrary(post!, doc, { ids: ['0190a000-0000-7000-8000-000000000001'] }, { bodyLimit: 4096 });
    const a = fc.sample(arb, { seed: 42, numRuns: 30 });
    const b = fc.sample(arb, { seed: 42, numRuns: 30 });
    expect(a.map((r) => r.url + r.payload)).toEqual(b.map((r) => r.url + r.payload));
    expect(new Set(a.map((r) => r.kind)).size).toBeGreaterThan(3);
    for (const r of a) expect(r).toMatchObject({ method: 'POST', url: expect.stringMatching(/^\/api\/v1\/things/) });
  });

  it('compares exports without their time of making or session expiry', () => {
    const a = normalizeExport({ exportedAt: '1', account: { sessions: [{ createdAt: 'c', expiresAt: 'e1' }] }, journal: [{ id: 1 }] });
    const b = normalizeExport({ exportedAt: '2', account: { sessions: [{ createdAt: 'c', expiresAt: 'e2' }] }, journal: [{ id: 1 }] });
    expect(diffPaths(a, b)).toEqual([]);
    expect(diffPaths(a, { ...(b as object), journal: [{ id: 2 }] })).toEqual(['journal.0.id']);
  });
});
