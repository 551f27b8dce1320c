/**
 * The library of trust-building activities a couple can plan together, loaded from
 * `content/activities/library.json` and validated once at import (a malformed file stops the
 * process naming the path). Levels run from 1 (low vulnerability: easy to start with) to 4
 * (high vulnerability: for when the easier ones feel comfortable). Pure: no I/O beyond the import.
 *
 * @example
 *   activityById('three-appreciations')?.level   // 1
 */
import { z } from 'zod';
import library from '../../../content/activities/library.json' with { type: 'json' };

export const ACTIVITY_LEVELS = [1, 2, 3, 4] as const;
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];

const line = z.string().trim().min(1).max(400);

export const activitySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Ids are lower-case words joined by hyphens.'),
    title: z.string().trim().min(1).max(80),
    summary: line,
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    minutes: z.number().int().min(1).max(240),
    steps: z.array(line).min(2).max(10),
    afterQuestions: z.array(line).min(1).max(5),
  })
  .strict()
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof activitySchema>;

export const activityLibrarySchema = z.array(activitySchema).min(12);

/**
 * Wording Trellis never uses about an activity: no diagnosis, no promise of an outcome
 * (design.md: a wellness and skills-practice tool).
 */
export const FORBIDDEN_WORDING: readonly RegExp[] = [
  /\bwill (fix|heal|cure|save|solve|repair)\b/i,
  /\bguarantee/i,
  /\bcure/i,
  /\bdiagnos/i,
  /\bdisorder\b/i,
  /\btherapy\b/i,
  /\bproven\b/i,
  /\bfix(es)? your relationship\b/i,
];

/** Every sentence of an activity, for wording checks. */
export const textsOf = (a: Activity): string[] => [a.title, a.summary, ...a.steps, ...a.afterQuestions];

/** Problems with a parsed library: duplicate ids, a missing level, forbidden wording. */
export function libraryProblems(activities: readonly Activity[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const a of activities) {
    if (seen.has(a.id)) problems.push(`duplicate id "${a.id}"`);
    seen.add(a.id);
    for (const text of textsOf(a)) for (const re of FORBIDDEN_WORDING) if (re.test(text)) problems.push(`${a.id}: "${text}" matches ${re}`);
  }
  for (const level of ACTIVITY_LEVELS) if (!activities.some((a) => a.level === level)) problems.push(`no activity at level ${level}`);
  return problems;
}

/** Parse the library, naming the path of the first problems. */
export function loadActivities(data: unknown): Activity[] {
  const parsed = activityLibrarySchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`content/activities/library.json: ${where}`);
  }
  const problems = libraryProblems(parsed.data);
  if (problems.length > 0) throw new Error(`content/activities/library.json: ${problems.slice(0, 5).join('; ')}`);
  return parsed.data;
}

/** The library, in content order (easiest first within the file is not required; group by level to show). */
export const ACTIVITIES: readonly Activity[] = loadActivities(library);

export const activityById = (id: string): Activity | undefined => ACTIVITIES.find((a) => a.id === id);

/** The library grouped by level, lowest first, each group in content order. */
export function byLevel(activities: readonly Activity[]): Array<{ level: ActivityLevel; activities: Activity[] }> {
  return ACTIVITY_LEVELS.map((level) => ({ level, activities: activities.filter((a) => a.level === level) })).filter((g) => g.activities.length > 0);
}
