/**
 * The emergency reset (docs/decisions/029): the shapes of the API (server) and the reset page (web).
 */
import { z } from 'zod';

/** The one thing the reset asks for: an explicit `confirm: true`. */
export const emergencyResetInputSchema = z.strictObject({ confirm: z.literal(true) }).meta({ id: 'EmergencyResetInput' });
export type EmergencyResetInput = z.infer<typeof emergencyResetInputSchema>;

/** What the reset did, in counts only: nothing that names anyone. */
export const emergencyResetResultSchema = z
  .object({
    /** My other sessions (other browsers and devices) signed out; this one stays. */
    sessionsSignedOut: z.number().int().min(0),
    /** Whether a couple was unlinked. */
    partnerUnlinked: z.boolean(),
    /** Therapist links ended (every share through them stopped). */
    therapistSharesEnded: z.number().int().min(0),
    /** Remembered devices forgotten: push subscriptions and two-factor "trusted device" records. */
    devicesForgotten: z.number().int().min(0),
    /** When it happened (ISO 8601 UTC). */
    at: z.string(),
  })
  .meta({ id: 'EmergencyResetResult' });
export type EmergencyResetResult = z.infer<typeof emergencyResetResultSchema>;
