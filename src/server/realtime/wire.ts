/**
 * The NOTIFY payload between server instances: the recipients' ids and the hint (no words, no
 * content). PostgreSQL refuses payloads of 8000 bytes or more, so recipients are split across
 * as many notifications as needed. Parsing never throws: anything malformed is dropped.
 */
import { z } from 'zod';
import { liveEventSchema, type LiveEvent } from '../../core/schemas/realtime.ts';

export const EVENTS_CHANNEL = 'trellis_events';
/** PostgreSQL's limit is < 8000 bytes; keep a margin. */
export const MAX_PAYLOAD_BYTES = 7900;

const userIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/);
const wireSchema = z.object({ v: z.literal(1), to: z.array(userIdSchema).min(1), event: liveEventSchema }).strict();

export interface Notification {
  to: string[];
  event: LiveEvent;
}

/** One or more payloads, each under the limit, together addressed to every recipient once. */
export function encodeNotifications(userIds: readonly string[], event: LiveEvent): string[] {
  const hint = liveEventSchema.parse(event); // drops nothing silently: extra keys are refused
  const unique = [...new Set(userIds)].filter((id) => userIdSchema.safeParse(id).success);
  const payloads: string[] = [];
  let batch: string[] = [];
  const encode = (to: string[]) => JSON.stringify({ v: 1, to, event: hint });
  for (const id of unique) {
    const next = [...batch, id];
    if (batch.length > 0 && Buffer.byteLength(encode(next)) > MAX_PAYLOAD_BYTES) {
      payloads.push(encode(batch));
      batch = [id];
    } else batch = next;
  }
  if (batch.length > 0) payloads.push(encode(batch));
  return payloads;
}

export function parseNotification(payload: unknown): Notification | undefined {
  if (typeof payload !== 'string' || payload.length > MAX_PAYLOAD_BYTES * 2) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const parsed = wireSchema.safeParse(json);
  return parsed.success ? { to: parsed.data.to, event: parsed.data.event } : undefined;
}
