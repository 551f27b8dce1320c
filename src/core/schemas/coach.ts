/**
 * The coach's API shapes (POST /api/v1/coach/analyze), shared by the server (validation, OpenAPI)
 * and the web. The text is analysed and forgotten: never stored, never logged.
 */
import { z } from 'zod';
import { FINDING_KINDS } from '../coach/types.ts';

export const COACH_TEXT_MAX = 5000;

export const coachContextSchema = z.enum(['message', 'apology'], { error: 'Please choose "message" or "apology".' });

export const coachAnalyzeRequestSchema = z
  .object({
    text: z
      .string({ error: 'Please send the text as a string.' })
      .min(1, 'Please write something for the coach to read.')
      .max(COACH_TEXT_MAX, `Please keep the text to ${COACH_TEXT_MAX.toLocaleString('en')} characters or fewer.`),
    context: coachContextSchema.default('message'),
  })
  .meta({ id: 'CoachAnalyzeRequest' });

export const coachFindingSchema = z
  .object({
    kind: z.enum(FINDING_KINDS),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    message: z.string(),
  })
  .meta({ id: 'CoachFinding' });

export const coachAnalysisSchema = z
  .object({
    findings: z.array(coachFindingSchema),
    crisis: z.enum(['self_harm', 'partner_danger']).nullable(),
    suggestion: z.string().nullable(),
  })
  .meta({ id: 'CoachAnalysis' });

export type CoachAnalyzeRequest = z.infer<typeof coachAnalyzeRequestSchema>;
export type CoachAnalysisResponse = z.infer<typeof coachAnalysisSchema>;
