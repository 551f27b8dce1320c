/**
 * The shape of a lesson: a short reading in our own words. Lessons are data under
 * `content/lessons/` (reviewed like code): `index.json` lists every lesson's title, summary,
 * reading time and related exercises (small: pages that only link to a lesson load just this),
 * and `<id>.json` holds its body and sources (loaded only when someone opens it).
 *
 * A body is a tiny, safe structure — paragraphs, headings and bullet lists of plain text — that
 * the web app renders as elements, never as HTML.
 */
import { z } from 'zod';
import { EXERCISE_ROUTES, LESSON_GROUPS, type LessonMeta } from './vocabulary.ts';

export { EXERCISE_KEYS, EXERCISE_ROUTES, LESSON_GROUPS, type ExerciseRoute, type LessonGroup, type LessonMeta } from './vocabulary.ts';

/** Plain words only: no markup of any kind reaches the page. */
const plain = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[<>*_`#[\]]/.test(s), 'Plain text only (no HTML or markdown).');

export const lessonIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lesson ids are lower-case words joined by hyphens.').max(64);

export const lessonMetaSchema = z
  .object({
    id: lessonIdSchema,
    group: z.enum(LESSON_GROUPS),
    title: plain(80),
    summary: plain(200),
    minutes: z.number().int().min(1).max(10),
    related: z.array(z.enum(EXERCISE_ROUTES)).min(1).max(4),
  })
  .strict() satisfies z.ZodType<LessonMeta>;

export const lessonIndexSchema = z.object({ lessons: z.array(lessonMetaSchema).min(1) }).strict();

export const lessonBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('p'), text: plain(1500) }).strict(),
  z.object({ type: z.literal('h'), text: plain(100) }).strict(),
  z.object({ type: z.literal('ul'), items: z.array(plain(400)).min(2).max(10) }).strict(),
]);

export const lessonSourceSchema = z
  .object({
    author: plain(200),
    year: z.number().int().min(1900).max(2100),
    title: plain(200),
    /** Publisher or journal. */
    publisher: plain(120).optional(),
  })
  .strict();

export const lessonBodySchema = z
  .object({
    id: lessonIdSchema,
    body: z.array(lessonBlockSchema).min(3),
    sources: z.array(lessonSourceSchema).max(8),
  })
  .strict();

export type LessonBlock = z.infer<typeof lessonBlockSchema>;
export type LessonSource = z.infer<typeof lessonSourceSchema>;
export type LessonBody = z.infer<typeof lessonBodySchema>;

/** Every word a reader reads in a body (for reading time and length checks). */
export function bodyWordCount(body: readonly LessonBlock[]): number {
  return body
    .map((block) => (block.type === 'ul' ? block.items.join(' ') : block.text))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean).length;
}
