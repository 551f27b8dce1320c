/**
 * Activities' and the repair log's API shapes, shared by the server (validation, OpenAPI) and
 * the web (forms). The library is public content (core/couple/activities.ts). Reflections and
 * repair entries are sealed under their author's key on the server; the activity id, the planned
 * day, the status and the repair's day stay plain.
 */
import { z } from 'zod';
import { activitySchema } from '../couple/activities.ts';
import { daySchema } from './commitments.ts';
import { timeZoneSchema } from './profile.ts';
import { screeningSchema } from './reflect.ts';

export const activityLibraryResponseSchema = z.object({ items: z.array(activitySchema) });
export type ActivityLibraryResponse = z.infer<typeof activityLibraryResponseSchema>;

const who = z.enum(['me', 'partner']);

export const activityPlanCreateSchema = z
  .object({
    activityId: z.string('Please choose an activity.').min(1, 'Please choose an activity.').max(80, 'There is no such activity.'),
    /** The day we mean to do it; null or absent: some time soon. */
    plannedDay: daySchema.nullable().optional(),
  })
  .strict();
export type ActivityPlanCreate = z.infer<typeof activityPlanCreateSchema>;

const reflectionText = (missing: string) =>
  z.string().trim().min(1, missing).max(4000, 'Please keep this to 4,000 characters or fewer.');

export const activityReflectionWriteSchema = z
  .object({
    howItWent: reflectionText('Please write a few words about how it went.'),
    learned: reflectionText('Please write a few words about what you noticed or learned.'),
  })
  .strict();
export type ActivityReflectionWrite = z.infer<typeof activityReflectionWriteSchema>;

export const activityReflectionSchema = z
  .object({ author: who, howItWent: z.string(), learned: z.string(), createdAt: z.string() })
  .meta({ id: 'ActivityReflection' });
export type ActivityReflection = z.infer<typeof activityReflectionSchema>;

export const activityPlanSchema = z
  .object({
    id: z.uuid(),
    activityId: z.string(),
    /** The activity's title (null only if it left the library). */
    title: z.string().nullable(),
    plannedDay: z.string().nullable(),
    status: z.enum(['planned', 'done']),
    createdBy: who,
    createdAt: z.string(),
    /** My reflection and my partner's (each null until written). */
    mine: activityReflectionSchema.nullable(),
    partners: activityReflectionSchema.nullable(),
    /** May I mark it done or reflect? Only while this couple is linked. */
    canChange: z.boolean(),
  })
  .meta({ id: 'ActivityPlan' });
export type ActivityPlan = z.infer<typeof activityPlanSchema>;

export const activityPlanListSchema = z.object({ linked: z.boolean(), items: z.array(activityPlanSchema) });
export type ActivityPlanList = z.infer<typeof activityPlanListSchema>;

export const activityReflectionSavedSchema = z.object({ plan: activityPlanSchema, screening: screeningSchema });
export type ActivityReflectionSaved = z.infer<typeof activityReflectionSavedSchema>;

// Repairs ------------------------------------------------------------------------------------

const repairText = (missing: string) => z.string().trim().min(1, missing).max(4000, 'Please keep this to 4,000 characters or fewer.');

export const repairCreateSchema = z
  .object({
    day: daySchema,
    rupture: repairText('Please write a few words about what happened between you.'),
    attempt: repairText('Please write a few words about what you tried.'),
    helped: repairText('Please write a few words about what helped, even if it was not much.'),
    /** Used only when my profile has no time zone yet (to check the day is not in the future). */
    timeZone: timeZoneSchema.optional(),
  })
  .strict();
export type RepairCreate = z.infer<typeof repairCreateSchema>;

export const repairUpdateSchema = z
  .object({
    day: daySchema.optional(),
    rupture: repairText('Please write a few words about what happened between you.').optional(),
    attempt: repairText('Please write a few words about what you tried.').optional(),
    helped: repairText('Please write a few words about what helped, even if it was not much.').optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .strict();
export type RepairUpdate = z.infer<typeof repairUpdateSchema>;

export const repairSchema = z
  .object({
    id: z.uuid(),
    author: who,
    day: z.string(),
    rupture: z.string(),
    attempt: z.string(),
    helped: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Mine, and the couple is linked. */
    canChange: z.boolean(),
  })
  .meta({ id: 'Repair' });
export type Repair = z.infer<typeof repairSchema>;

export const repairListSchema = z.object({ linked: z.boolean(), items: z.array(repairSchema) });
export type RepairList = z.infer<typeof repairListSchema>;

export const repairSavedSchema = z.object({ repair: repairSchema, screening: screeningSchema });
export type RepairSaved = z.infer<typeof repairSavedSchema>;
