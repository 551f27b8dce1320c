/**
 * The lesson index: every lesson's title, summary, minutes and related exercises, without the
 * bodies (see schema.ts). Small, and free of zod, so any page that links to a lesson can use it;
 * lessons.test.ts validates the same data against the full schema.
 *
 * @example
 *   lessonById('boundaries')?.title   // 'Boundaries that protect, not control'
 *   lessonsByGroup()[0]?.group         // 'understanding'
 */
import data from '../../../content/lessons/index.json' with { type: 'json' };
import { isExerciseRoute, isLessonGroup, LESSON_GROUPS, type LessonGroup, type LessonMeta } from './vocabulary.ts';

function toMeta(raw: (typeof data.lessons)[number]): LessonMeta {
  const { group } = raw;
  if (!isLessonGroup(group)) throw new Error(`content/lessons/index.json: unknown group "${group}" in ${raw.id}`);
  const related = raw.related.map((route) => {
    if (!isExerciseRoute(route)) throw new Error(`content/lessons/index.json: unknown route "${route}" in ${raw.id}`);
    return route;
  });
  return Object.freeze({ id: raw.id, group, title: raw.title, summary: raw.summary, minutes: raw.minutes, related });
}

export const LESSONS: readonly LessonMeta[] = Object.freeze(data.lessons.map(toMeta));

const BY_ID = new Map(LESSONS.map((l) => [l.id, l]));

/** The lesson with this id, or undefined. */
export function lessonById(id: string): LessonMeta | undefined {
  return BY_ID.get(id);
}

/** Lessons by group, in the groups' order, leaving out empty groups. */
export function lessonsByGroup(): Array<{ group: LessonGroup; lessons: LessonMeta[] }> {
  return LESSON_GROUPS.map((group) => ({ group, lessons: LESSONS.filter((l) => l.group === group) })).filter((g) => g.lessons.length > 0);
}
