/**
 * The fixed words of lessons — groups, the exercise routes a lesson may point to — and the shape
 * of a lesson's index entry. Kept free of zod so that any page linking to a lesson stays light;
 * schema.ts validates the data against these.
 */

/** The app pages a lesson may point to under "Try this". */
export const EXERCISE_ROUTES = ['/journal/new', '/journal/quick', '/journal/prompts', '/origins', '/urges', '/self-worth', '/assessments', '/insights', '/guidance'] as const;
export type ExerciseRoute = (typeof EXERCISE_ROUTES)[number];

/** The catalog key (lessons.exercises.*) naming each exercise in a link. */
export const EXERCISE_KEYS = {
  '/journal/new': 'thoughtRecord',
  '/journal/quick': 'quickCapture',
  '/journal/prompts': 'prompts',
  '/origins': 'origins',
  '/urges': 'urges',
  '/self-worth': 'selfWorth',
  '/assessments': 'assessments',
  '/insights': 'insights',
  '/guidance': 'guidance',
} as const satisfies Record<ExerciseRoute, string>;

/** Groups, in the order the lessons page shows them. */
export const LESSON_GROUPS = ['understanding', 'talking', 'rebuilding', 'support'] as const;
export type LessonGroup = (typeof LESSON_GROUPS)[number];

/** One lesson in the index (content/lessons/index.json). */
export interface LessonMeta {
  id: string;
  group: LessonGroup;
  title: string;
  summary: string;
  /** Reading time in whole minutes (about 200 words a minute). */
  minutes: number;
  related: ExerciseRoute[];
}

export function isLessonGroup(value: string): value is LessonGroup {
  return LESSON_GROUPS.some((g) => g === value);
}

export function isExerciseRoute(value: string): value is ExerciseRoute {
  return EXERCISE_ROUTES.some((r) => r === value);
}
