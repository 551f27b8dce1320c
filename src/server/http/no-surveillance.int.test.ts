/**
 * No surveillance (issue 8): no /api/v1 response can show another person's location, online
 * status, last-seen time or read state. Walks every response schema of the served OpenAPI
 * document for property names that would carry such things, and checks the live-updates hint
 * (docs/decisions/017) carries only a type and a couple id — no presence, typing or read fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { liveEventSchema, LIVE_EVENT_TYPES } from '../../core/schemas/realtime.ts';

/** Property names that would carry location, presence, last-seen or read state. */
const SURVEILLANCE = /^(ip|ipaddress|useragent|location|lat|lng|lon|latitude|longitude|geo|geolocation|online|isonline|presence|lastseen|lastseenat|lastactive|lastactiveat|lastlogin|lastloginat|readat|isread|seenat|seen|openedat|viewedat|typing|istyping)$/i;

/**
 * Allowed, each the person's OWN data:
 *  - the data export (docs/decisions/030): the person's own sign-in sessions (device and address),
 *    selected by their own user id (features/export/repo.ts) — the right of access, not another's;
 *  - the therapist access log (docs/decisions/027, docs/safety.md): the CLIENT sees when a therapist
 *    viewed the client's own shared data. It is a record about the client, shown to the client, not
 *    another person's read state of private items; key: "METHOD path#property".
 */
const ALLOWED = new Set<string>(['GET /api/v1/me/export#ipAddress', 'GET /api/v1/me/export#userAgent']);
const ALLOWED_PATH = /\/access-log/;

type Schema = Record<string, unknown>;

function propertyNames(schema: unknown, doc: Schema, seen = new Set<unknown>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    const target = s.$ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Schema)?.[k], doc);
    return propertyNames(target, doc, seen);
  }
  const names: string[] = [];
  if (s.properties && typeof s.properties === 'object') {
    for (const [k, v] of Object.entries(s.properties as Schema)) names.push(k, ...propertyNames(v, doc, seen));
  }
  for (const key of ['items', 'additionalProperties', 'not']) names.push(...propertyNames(s[key], doc, seen));
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
    if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) names.push(...propertyNames(sub, doc, seen));
  }
  return names;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`no surveillance (${engineName()})`, () => {
  it('no /api/v1 response schema has a location, presence, last-seen or read-state property', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as Schema;
    const found: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Schema>)) {
      if (!path.startsWith('/api/v1')) continue;
      for (const [method, op] of Object.entries(item)) {
        const responses = (op as Schema)?.responses as Record<string, Schema> | undefined;
        if (!responses) continue;
        operations++;
        for (const response of Object.values(responses)) {
          for (const media of Object.values((response.content ?? {}) as Record<string, Schema>)) {
            for (const name of propertyNames(media.schema, doc)) {
              const key = `${method.toUpperCase()} ${path}#${name}`;
              if (SURVEILLANCE.test(name) && !ALLOWED.has(key) && !ALLOWED_PATH.test(path)) found.push(key);
            }
          }
        }
      }
    }
    expect(operations).toBeGreaterThan(20); // the walk really saw the API
    expect(found).toEqual([]);
  });

  it('a live-updates hint to a partner carries no presence, typing, last-seen or read field', () => {
    expect(Object.keys(liveEventSchema.shape).sort()).toEqual(['coupleId', 'type']);
    for (const field of ['online', 'presence', 'lastSeenAt', 'readAt', 'typing', 'userId', 'text']) {
      expect(liveEventSchema.safeParse({ type: 'checkin', [field]: true }).success).toBe(false); // strict: refused
    }
    expect(LIVE_EVENT_TYPES.some((type) => /presence|typing|online|seen|read/i.test(type))).toBe(false);
  });
});
