import { emergencyResetResultSchema, type EmergencyResetResult } from '../../core/schemas/safety';
import { api } from './api';

/** The emergency reset (docs/decisions/029). Answers are checked against the server's own zod schema. */
export type { EmergencyResetResult };

export const EMERGENCY_RESET_PATH = '/api/v1/safety/emergency-reset';
export const EMERGENCY_RESET_BODY = { confirm: true } as const;

/**
 * Sign out my other sessions, unlink my partner, end every therapist link, forget remembered
 * devices — at once. Retries with the same `idempotencyKey` get the first answer back.
 */
export function emergencyReset(idempotencyKey?: string): Promise<EmergencyResetResult> {
  return api(EMERGENCY_RESET_PATH, { body: EMERGENCY_RESET_BODY, schema: emergencyResetResultSchema, idempotencyKey });
}
