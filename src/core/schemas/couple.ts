/**
 * Linking two accounts into a couple: the shapes of the API (server) and the couple page (web).
 */
import { z } from 'zod';
import { normaliseInviteCode } from '../couple/invite-code.ts';

export const COUPLE_STATUSES = ['single', 'linked'] as const;

export const pastCoupleSchema = z.object({ coupleId: z.uuid(), linkedAt: z.string(), unlinkedAt: z.string() });

/** My place in the couple space: whether I am linked, my pending invite (never its code), the archive. */
export const coupleStatusSchema = z
  .object({
    status: z.enum(COUPLE_STATUSES),
    /** The partner, while linked. */
    partner: z.object({ displayName: z.string() }).optional(),
    linkedAt: z.string().optional(),
    coupleId: z.uuid().optional(),
    /** My pending invitation, if any; its code was shown once and is not kept. */
    invite: z.object({ expiresAt: z.string() }).optional(),
    /** Couples I was part of, newest first: a read-only archive. */
    past: z.array(pastCoupleSchema),
  })
  .meta({ id: 'CoupleStatus' });
export type CoupleStatus = z.infer<typeof coupleStatusSchema>;

/** A new invitation: the code and link are shown this once. */
export const inviteCreatedSchema = z
  .object({ code: z.string(), link: z.string(), expiresAt: z.string() })
  .meta({ id: 'CoupleInvite' });
export type InviteCreated = z.infer<typeof inviteCreatedSchema>;

export const inviteCodeSchema = z
  .string('Please enter the code your partner gave you.')
  .max(40, 'That is longer than an invitation code — it has 10 characters.')
  .refine((v) => normaliseInviteCode(v) !== null, 'An invitation code has 10 letters and digits, like ABCDE-23456.');

export const joinSchema = z.strictObject({ code: inviteCodeSchema });
export type JoinInput = z.infer<typeof joinSchema>;

/** The kinds of my own contributions to a past couple that "delete my part" removes (docs/decisions/022). */
export const ARCHIVE_KINDS = ['checkins', 'commitments', 'commitmentOccurrences', 'agreementVersions', 'agreementAcceptances', 'agreements', 'boundaries', 'activityReflections', 'activityPlans', 'repairs', 'cycleSides', 'entryShares', 'conversationTurns', 'conversationChecklists', 'conversations', 'apologies'] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

/** What went, per kind: only rows I wrote in that couple. */
export const archiveDeletedSchema = z
  .object({
    coupleId: z.uuid(),
    deleted: z.object(Object.fromEntries(ARCHIVE_KINDS.map((k) => [k, z.int().min(0)])) as Record<ArchiveKind, z.ZodInt>),
    total: z.int().min(0),
  })
  .meta({ id: 'ArchiveDeleted' });
export type ArchiveDeleted = z.infer<typeof archiveDeletedSchema>;
