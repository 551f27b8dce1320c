import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById, lessonsByGroup } from './catalog.ts';
import { bodyWordCount, EXERCISE_KEYS, EXERCISE_ROUTES, LESSON_GROUPS, lessonBodySchema, lessonIndexSchema } from './schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = path.join(root, 'content/lessons');
const bodyFiles = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const bodies = new Map(bodyFiles.map((f) => [f.replace(/\.json$/, ''), lessonBodySchema.parse(readJson(f))]));

/** The paths declared in the web router, e.g. "/journal/new". */
const routerPaths = new Set([...fs.readFileSync(path.join(root, 'src/web/router.tsx'), 'utf8').matchAll(/path="([^"]+)"/g)].map((m) => `/${m[1]}`));

describe('lesson content', () => {
  it('has at least 12 lessons with unique ids, each in a known group', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(LESSON_GROUPS).toContain(l.group);
  });

  it('validates the index against the schema', () => {
    expect(lessonIndexSchema.safeParse(readJson('index.json')).success).toBe(true);
  });

  it('has exactly one body file per lesson, named by its id and carrying the same id', () => {
    expect([...bodies.keys()].sort()).toEqual(LESSONS.map((l) => l.id).sort());
    for (const [file, body] of bodies) expect(body.id).toBe(file);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: a short reading (250–450 words) with honest reading minutes', (id, lesson) => {
    const body = bodies.get(id)!;
    const words = bodyWordCount(body.body);
    expect(words).toBeGreaterThanOrEqual(250);
    expect(words).toBeLessThanOrEqual(450);
    expect(Math.abs(lesson.minutes - words / 200)).toBeLessThanOrEqual(1);
    expect(body.body[0]?.type, 'a lesson opens with a paragraph').toBe('p');
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: "Try this" links point at real app routes, each once', (_id, lesson) => {
    expect(new Set(lesson.related).size).toBe(lesson.related.length);
    for (const route of lesson.related) {
      expect(EXERCISE_ROUTES).toContain(route);
      expect(routerPaths, `${route} is not a route in src/web/router.tsx`).toContain(route);
    }
  });

  it('never claims to diagnose or promise an outcome', () => {
    const risky = /\b(you (have|suffer from) (an? )?(disorder|condition)|diagnos(e|is) you|guarantee[sd]?|will (cure|fix)|cured?)\b/i;
    for (const [id, body] of bodies) {
      const text = body.body.map((b) => (b.type === 'ul' ? b.items.join(' ') : b.text)).join(' ');
      expect(risky.exec(text)?.[0], id).toBeUndefined();
    }
  });

  it('cites sources with an author, a plausible year and a title', () => {
    const cited = [...bodies.values()].flatMap((b) => b.sources);
    expect(cited.length).toBeGreaterThan(5);
    for (const s of cited) expect(s.year).toBeLessThanOrEqual(2026);
  });

  it('covers the topics the product promises', () => {
    const ids = LESSONS.map((l) => l.id);
    for (const id of ['where-trust-issues-come-from', 'attachment-tendencies', 'triggers-and-the-body', 'old-wound-or-present-signal', 'i-statements', 'listening-and-validation', 'repair-and-apology', 'small-kept-promises', 'boundaries', 'individual-therapy', 'couples-therapy', 'internal-family-systems']) {
      expect(ids).toContain(id);
    }
  });
});

describe('lesson schema', () => {
  const valid = { id: 'x', body: [{ type: 'p', text: 'One.' }, { type: 'h', text: 'Two' }, { type: 'ul', items: ['a', 'b'] }], sources: [] };

  it('accepts the small safe structure', () => {
    expect(lessonBodySchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['HTML in a paragraph', { ...valid, body: [{ type: 'p', text: 'Hi <script>x</script>' }, ...valid.body] }, 'body.0.text'],
    ['markdown emphasis', { ...valid, body: [{ type: 'p', text: 'so **bold**' }, ...valid.body] }, 'body.0.text'],
    ['an unknown block', { ...valid, body: [{ type: 'html', text: 'x' }, ...valid.body] }, 'body.0.type'],
    ['a one-item list', { ...valid, body: [{ type: 'ul', items: ['a'] }, ...valid.body] }, 'body.0.items'],
    ['an extra field', { ...valid, extra: true }, ''],
    ['a bad id', { ...valid, id: 'Not An Id' }, 'id'],
    ['a source without a year', { ...valid, sources: [{ author: 'A', title: 'T' }] }, 'sources.0.year'],
  ])('rejects %s', (_label, input, where) => {
    const result = lessonBodySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(where);
  });

  it('names every exercise route in the catalog-key map', () => {
    expect(Object.keys(EXERCISE_KEYS).sort()).toEqual([...EXERCISE_ROUTES].sort());
  });
});

describe('lesson catalog', () => {
  it('finds a lesson by id and answers undefined for an unknown one', () => {
    expect(lessonById('boundaries')?.group).toBe('rebuilding');
    expect(lessonById('nope')).toBeUndefined();
  });

  it('groups lessons in the groups’ order with nothing lost', () => {
    const groups = lessonsByGroup();
    expect(groups.map((g) => g.group)).toEqual(LESSON_GROUPS.filter((g) => LESSONS.some((l) => l.group === g)));
    expect(groups.flatMap((g) => g.lessons)).toHaveLength(LESSONS.length);
  });
});

describe('lesson index at run time', () => {
  it('matches what the full schema reads from the same file', () => {
    expect(LESSONS).toEqual(lessonIndexSchema.parse(readJson('index.json')).lessons);
  });
});
