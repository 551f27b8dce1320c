/**
 * Loading a lesson's body in the browser. Each `content/lessons/<id>.json` becomes its own small
 * chunk (Vite's glob import), fetched only when someone opens that lesson; the index with titles
 * and summaries comes from core/lessons/catalog.ts.
 */
import { lessonBodySchema, type LessonBody } from '../../core/lessons/schema';

const bodies = import.meta.glob<unknown>(['../../../content/lessons/*.json', '!../../../content/lessons/index.json'], { import: 'default' });

/** The lesson's body and sources, or undefined when there is no such lesson. */
export async function loadLessonBody(id: string): Promise<LessonBody | undefined> {
  const load = bodies[`../../../content/lessons/${id}.json`];
  if (!load) return undefined;
  return lessonBodySchema.parse(await load());
}
