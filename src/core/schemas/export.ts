/**
 * The export document, "trellis-export" version 1 (every field is described in docs/export-format.md).
 * Instants are ISO 8601 UTC, days are calendar dates (YYYY-MM-DD) in the writer's own zone.
 * Only the exporting person's own words are in it: a partner's contributions to couple items are
 * left out, and named only as "partner" where a fact needs it (who wrote a version I accepted).
 */
import { z } from 'zod';

const instant = z.string();
const nullableInstant = z.string().nullable();
const day = z.string();
const who = z.enum(['me', 'partner']);

export const exportDocumentSchema = z.object({
  format: z.literal('trellis-export'),
  version: z.literal(1),
  exportedAt: instant,
  account: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    createdAt: instant,
    profile: z.object({ displayName: z.string(), timeZone: z.string().nullable(), usState: z.string().nullable(), language: z.string() }).nullable(),
    sessions: z.array(z.object({ createdAt: instant, expiresAt: instant, ipAddress: z.string().nullable(), userAgent: z.string().nullable() })),
  }),
  journal: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      occurredAt: instant,
      timeZone: z.string(),
      topic: z.string().nullable(),
      tone: z.string().nullable(),
      bodyCues: z.array(z.string()),
      emotions: z.array(z.object({ emotion: z.string(), intensity: z.number() })),
      intensityBefore: z.number().nullable(),
      urge: z.string().nullable(),
      urgeActedOn: z.boolean().nullable(),
      woundOrSignal: z.string().nullable(),
      intensityAfter: z.number().nullable(),
      promptId: z.string().nullable(),
      complete: z.boolean(),
      text: z.record(z.string(), z.string()).describe('The sealed fields: whatHappened, place, people, topicOther, bodyCuesOther, urgeOther, story, evidenceFor, evidenceAgainst, reframe.'),
      tags: z.array(z.string()),
      sharedWithPartnerAt: nullableInstant,
      markedForTherapyAt: nullableInstant,
      createdAt: instant,
      updatedAt: instant,
    }),
  ),
  origins: z.array(
    z.object({
      id: z.string(),
      createdAt: instant,
      roots: z.array(z.object({ root: z.string(), resonates: z.boolean(), notes: z.string() })),
      otherLabel: z.string().nullable(),
    }),
  ),
  urges: z.array(z.object({ id: z.string(), occurredAt: instant, actedOn: z.boolean(), urge: z.string(), fear: z.string(), insteadDid: z.string(), createdAt: instant, updatedAt: instant })),
  selfWorth: z.array(z.object({ id: z.string(), kind: z.string(), day, done: z.boolean(), text: z.string(), createdAt: instant, updatedAt: instant })),
  checkups: z.array(
    z.object({ id: z.string(), instrument: z.string(), takenAt: instant, responses: z.array(z.number()), scores: z.record(z.string(), z.number()), band: z.record(z.string(), z.string()) }),
  ),
  reminders: z.object({
    checkinReminder: z.boolean(),
    reminderTime: z.string(),
    email: z.boolean(),
    push: z.boolean(),
    nextDueAt: nullableInstant,
    pushDevices: z.array(z.object({ service: z.string(), createdAt: instant })),
  }),
  couple: z.object({
    links: z.array(z.object({ coupleId: z.string(), linkedAt: instant, joinedAt: instant, leftAt: nullableInstant, unlinkedAt: nullableInstant })),
    invitations: z.array(z.object({ createdAt: instant, expiresAt: instant, usedAt: nullableInstant, revokedAt: nullableInstant })),
    checkins: z.array(z.object({ id: z.string(), coupleId: z.string(), day, mood: z.number(), highPoint: z.string(), heavy: z.string(), appreciation: z.string(), need: z.string(), createdAt: instant })),
    commitments: z.array(
      z.object({
        id: z.string(),
        coupleId: z.string(),
        title: z.string(),
        details: z.string(),
        startDay: day,
        recurrence: z.string().nullable(),
        status: z.string(),
        replacedBy: z.string().nullable(),
        record: z.array(z.object({ day, outcome: z.string(), markedAt: instant })),
        createdAt: instant,
        updatedAt: instant,
      }),
    ),
    agreements: z.object({
      started: z.array(z.object({ id: z.string(), coupleId: z.string(), topic: z.string(), reviewDay: day.nullable(), createdAt: instant })),
      versionsIWrote: z.array(z.object({ agreementId: z.string(), coupleId: z.string(), topic: z.string(), number: z.number(), title: z.string(), text: z.string(), createdAt: instant })),
      acceptances: z.array(z.object({ agreementId: z.string(), number: z.number(), writtenBy: who, acceptedAt: instant })),
    }),
    boundaries: z.array(z.object({ id: z.string(), coupleId: z.string(), text: z.string(), removed: z.boolean(), createdAt: instant, updatedAt: instant })),
    activities: z.object({
      planned: z.array(z.object({ id: z.string(), coupleId: z.string(), activityId: z.string(), plannedDay: day.nullable(), status: z.string(), createdAt: instant })),
      reflections: z.array(z.object({ planId: z.string(), coupleId: z.string(), activityId: z.string(), howItWent: z.string(), learned: z.string(), createdAt: instant })),
    }),
    repairs: z.array(z.object({ id: z.string(), coupleId: z.string(), day, rupture: z.string(), attempt: z.string(), helped: z.string(), createdAt: instant, updatedAt: instant })),
    cycleSides: z.array(z.object({ coupleId: z.string(), trigger: z.string(), feel: z.string(), tendTo: z.object({ choices: z.array(z.string()), other: z.string() }), fear: z.string(), need: z.string(), updatedAt: instant })),
    conversations: z.array(
      z.object({
        id: z.string(),
        coupleId: z.string().nullable(),
        startedBy: who,
        timeLimitMinutes: z.number(),
        phase: z.string(),
        outcomeKind: z.string().nullable(),
        checklistConfirmedAt: nullableInstant,
        myTurns: z.array(z.object({ seq: z.number(), kind: z.string(), text: z.string(), createdAt: instant })),
        createdAt: instant,
        endedAt: nullableInstant,
      }),
    ),
    apologies: z.array(
      z.object({ id: z.string(), coupleId: z.string().nullable(), what: z.string(), impact: z.string(), responsibility: z.string(), different: z.string(), status: z.string(), sentAt: nullableInstant, commitmentId: z.string().nullable(), createdAt: instant }),
    ),
  }),
  care: z.object({
    links: z.array(
      z.object({
        id: z.string(),
        practice: z.string(),
        therapist: z.string(),
        kind: z.string(),
        status: z.string(),
        createdAt: instant,
        endedAt: nullableInstant,
        grants: z.array(z.object({ category: z.string(), grantedAt: instant, revokedAt: nullableInstant })),
        homework: z.array(z.object({ id: z.string(), title: z.string(), note: z.string(), dueOn: day.nullable(), completedAt: nullableInstant, createdAt: instant })),
      }),
    ),
    accessLog: z.array(z.object({ at: instant, therapist: z.string(), category: z.string(), view: z.string() })),
    bookings: z.array(z.object({ id: z.string(), practice: z.string(), clientKind: z.string(), clientState: z.string(), startsAt: instant, endsAt: instant, status: z.string() })),
  }),
});

export type ExportDocument = z.infer<typeof exportDocumentSchema>;
