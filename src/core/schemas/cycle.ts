/**
 * The cycle map's and journal sharing's API shapes, shared by the server (validation, OpenAPI)
 * and the web (forms). Free text is sealed at rest under its author's key.
 */
import { z } from 'zod';
import { PATTERNS, TEND_TO_IDS } from '../couple/cycle.ts';
import { entrySchema, screeningSchema } from './reflect.ts';

const words = (max: number) => z.string().trim().max(max, `Please keep this to ${max.toLocaleString('en-US')} characters or fewer.`);

export const cycleSideWriteSchema = z
  .object({
    trigger: words(1000).default(''),
    feel: words(500).min(1, 'Please name a feeling in a word or two.'),
    tendTo: z
      .object({
        choices: z.array(z.enum(TEND_TO_IDS)).max(TEND_TO_IDS.length).default([]),
        other: words(500).default(''),
      })
      .strict()
      .refine((v) => v.choices.length > 0 || v.other !== '', { message: 'Please choose what you tend to do, or say it in your own words.', path: ['choices'] }),
    fear: words(1000).default(''),
    need: words(1000).default(''),
  })
  .strict();
export type CycleSideWrite = z.infer<typeof cycleSideWriteSchema>;

export const cycleSideSchema = z
  .object({
    trigger: z.string(),
    feel: z.string(),
    tendTo: z.object({ choices: z.array(z.enum(TEND_TO_IDS)), other: z.string() }),
    fear: z.string(),
    need: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CycleSide' });
export type CycleSide = z.infer<typeof cycleSideSchema>;

export const cycleLoopSchema = z
  .object({
    steps: z.array(z.object({ who: z.enum(['me', 'partner']), kind: z.enum(['feel', 'tendTo']), text: z.string(), choices: z.array(z.enum(TEND_TO_IDS)) })),
    patterns: z.array(z.enum(PATTERNS)),
  })
  .meta({ id: 'CycleLoop' });

export const cycleMapSchema = z
  .object({
    /** Linked now (a former couple's map is shown read-only). */
    linked: z.boolean(),
    /** Whether there is any couple (active or former) whose map I may see. */
    hasCouple: z.boolean(),
    canChange: z.boolean(),
    mine: cycleSideSchema.nullable(),
    partner: cycleSideSchema.nullable(),
    /** Null until both sides are filled in. */
    loop: cycleLoopSchema.nullable(),
  })
  .meta({ id: 'CycleMap' });
export type CycleMap = z.infer<typeof cycleMapSchema>;

export const cycleSavedSchema = z.object({ map: cycleMapSchema, screening: screeningSchema });
export type CycleSaved = z.infer<typeof cycleSavedSchema>;

// Sharing one journal entry with my partner --------------------------------------------------

export const entryShareStateSchema = z.object({ sharedWithPartner: z.boolean(), sharedAt: z.string().nullable() }).meta({ id: 'EntryShareState' });
export type EntryShareState = z.infer<typeof entryShareStateSchema>;

export const sharedEntrySchema = z.object({ sharedAt: z.string(), entry: entrySchema }).meta({ id: 'SharedEntry' });
export type SharedEntry = z.infer<typeof sharedEntrySchema>;

export const sharedWithMeSchema = z.object({ linked: z.boolean(), items: z.array(sharedEntrySchema) });
export type SharedWithMe = z.infer<typeof sharedWithMeSchema>;
