/**
 * The check-ups (self-assessments) API shapes, shared by the server (validation, OpenAPI) and
 * the web. An instrument itself is content (core/instruments/definition.ts); a result stores the
 * answers (numbers only — no free text) with the scores and bands worked out when it was taken.
 *
 * `band` maps each subscale id to the key of the band its score falls in, e.g.
 * `{ "anxiety": "middle", "avoidance": "lower" }` (docs/decisions/010).
 */
import { z } from 'zod';
import { instrumentSchema } from '../instruments/definition.ts';
import { pastInstantSchema } from './reflect.ts';

const instrumentId = z.string().min(1, 'Please choose a check-up.').max(64, 'There is no check-up with this id.');

export const instrumentSummarySchema = z
  .object({ id: z.string(), title: z.string(), description: z.string(), itemCount: z.number().int(), validated: z.boolean() })
  .meta({ id: 'InstrumentSummary' });
export const instrumentListSchema = z.object({ items: z.array(instrumentSummarySchema) });
export const instrumentParams = z.object({ id: instrumentId });
export { instrumentSchema };

export const assessmentCreateSchema = z
  .object({
    instrument: instrumentId,
    /** Answers in item order: responses[0] answers the first item. */
    responses: z.array(z.number('Please choose an answer.')).max(200, 'Too many answers.'),
    /** When it was taken, for a result filled in earlier (on paper, with a therapist); defaults to now. */
    takenAt: pastInstantSchema.optional(),
  })
  .strict();

export const assessmentSchema = z
  .object({
    id: z.uuid(),
    instrument: z.string(),
    takenAt: z.string(),
    responses: z.array(z.number().int()),
    /** Subscale id → score (means unrounded). */
    scores: z.record(z.string(), z.number()),
    /** Subscale id → band key. */
    band: z.record(z.string(), z.string()),
  })
  .meta({ id: 'Assessment' });

export const assessmentListQuerySchema = z.object({
  instrument: instrumentId.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const assessmentListSchema = z.object({ items: z.array(assessmentSchema), nextCursor: z.string().nullable() });

export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;
export type AssessmentCreate = z.infer<typeof assessmentCreateSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type AssessmentListQuery = z.infer<typeof assessmentListQuerySchema>;

/** What the guidance feature reads: each subscale's scores over time, and the deeper-hurt flag. */
export interface GuidanceFacts {
  series: Array<{ instrument: string; subscale: string; higherIsWorse: boolean; points: Array<{ takenAt: string; value: number }> }>;
  deeperHurtReported: boolean;
}
