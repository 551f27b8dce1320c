/**
 * Live updates (docs/decisions/017): the hints a signed-in page receives over Server-Sent Events.
 * A hint says only WHAT kind of thing changed (and in which couple) — never anyone's words, never
 * who is online — so the page re-fetches through the normal, policy-checked API.
 */
import { z } from 'zod';

export const LIVE_EVENT_TYPES = ['checkin', 'commitment', 'couple', 'agreement', 'boundary', 'activity', 'repair', 'cycle', 'conversation', 'apology', 'resync'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export const liveEventSchema = z
  .object({
    /** 'resync': updates may have been missed (the server's listener reconnected); re-fetch everything. */
    type: z.enum(LIVE_EVENT_TYPES),
    coupleId: z.uuid().optional(),
  })
  .strict();
export type LiveEvent = z.infer<typeof liveEventSchema>;
