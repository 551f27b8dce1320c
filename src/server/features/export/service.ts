/**
 * "Export all my data" (docs/decisions/030, format in docs/export-format.md): one JSON document
 * with everything the signed-in person owns, their sealed text opened with their own data key.
 *
 * A partner's words are never in it. Couple items are exported only where I am their author (my
 * check-ins, commitments I made, versions I wrote, my turns…); a fact that needs the other person
 * names them only as "partner" (who wrote a version I accepted, who started a conversation).
 *
 * The associated-data purposes below are the ones each feature seals with (journal/service.ts,
 * checkins/service.ts, …); the export test writes every kind through the API and reads it back
 * here, so a purpose that drifts fails that test.
 */
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { exportRepo } from './repo.ts';
import type { ExportDocument } from '../../../core/schemas/export.ts';

const PURPOSE = {
  journal: (id: string) => `journal:${id}`,
  origins: (id: string) => `origins:${id}`,
  urge: (id: string) => `urge:${id}`,
  selfWorth: (id: string) => `self-worth:${id}`,
  checkin: (id: string) => `checkin:${id}`,
  commitment: (id: string) => `commitment:${id}`,
  agreementVersion: (id: string) => `agreement-version:${id}`,
  boundary: (id: string) => `boundary:${id}`,
  activityReflection: (planId: string, authorId: string) => `activity-reflection:${planId}:${authorId}`,
  repair: (id: string) => `repair:${id}`,
  cycleSide: (coupleId: string, authorId: string) => `cycle-side:${coupleId}:${authorId}`,
  turn: (id: string) => `conversation-turn:${id}`,
  apology: (id: string) => `apology:${id}`,
  homework: (id: string) => `care-homework:${id}`,
} as const;

const JOURNAL_SEALED = ['whatHappened', 'place', 'people', 'topicOther', 'bodyCuesOther', 'urgeOther', 'story', 'evidenceFor', 'evidenceAgainst', 'reframe'] as const;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export class ExportService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    private readonly now: () => number = Date.now,
  ) {}

  /** Everything I own, decrypted. Signed out 401; it is only ever the actor's own data. */
  async exportFor(actor: Actor): Promise<ExportDocument> {
    const me = this.policy.requireUser(actor);
    await this.policy.export.read(actor, me.userId);
    const userId = me.userId;
    const cipher = await this.keys.cipherFor(userId);
    const [account, reflect, notifications, couple, care] = await Promise.all([
      exportRepo.account(this.db, userId),
      exportRepo.reflect(this.db, userId),
      exportRepo.notifications(this.db, userId),
      exportRepo.couple(this.db, userId),
      exportRepo.care(this.db, userId),
    ]);
    const u = account.user;
    if (!u) throw new Error('signed-in account without a user row');

    const sharedAt = new Map(reflect.shares.map((s) => [s.entryId, s.sharedAt]));
    const therapyAt = new Map(reflect.forTherapy.map((s) => [s.entryId, s.markedAt]));

    return {
      format: 'trellis-export',
      version: 1,
      exportedAt: new Date(this.now()).toISOString(),
      account: {
        id: u.id,
        name: u.name,
        email: u.email,
        emailVerified: u.emailVerified,
        twoFactorEnabled: u.twoFactorEnabled,
        createdAt: iso(u.createdAt),
        profile: account.profile
          ? { displayName: account.profile.displayName, timeZone: account.profile.timeZone, usState: account.profile.usState, language: account.profile.language }
          : null,
        sessions: account.sessions.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt), ipAddress: s.ipAddress, userAgent: s.userAgent })),
      },
      journal: reflect.entries.map((e) => {
        const sealed = cipher.openJson<Record<string, unknown>>(PURPOSE.journal(e.id), e.content);
        const text: Record<string, string> = {};
        for (const field of JOURNAL_SEALED) text[field] = str(sealed[field]);
        return {
          id: e.id,
          kind: e.kind,
          occurredAt: iso(e.occurredAt),
          timeZone: e.timeZone,
          topic: e.topic,
          tone: e.tone,
          bodyCues: e.bodyCues,
          emotions: e.emotions,
          intensityBefore: e.intensityBefore,
          urge: e.urge,
          urgeActedOn: e.urgeActedOn,
          woundOrSignal: e.woundOrSignal,
          intensityAfter: e.intensityAfter,
          promptId: e.promptId,
          complete: e.complete,
          text,
          tags: Array.isArray(sealed.tags) ? sealed.tags.filter((t): t is string => typeof t === 'string') : [],
          sharedWithPartnerAt: isoOrNull(sharedAt.get(e.id)),
          markedForTherapyAt: isoOrNull(therapyAt.get(e.id)),
          createdAt: iso(e.createdAt),
          updatedAt: iso(e.updatedAt),
        };
      }),
      origins: reflect.origins.map((o) => {
        const v = cipher.openJson<{ roots?: Array<{ root: string; resonates: boolean; notes: string }>; otherLabel?: string }>(PURPOSE.origins(o.id), o.content);
        return { id: o.id, createdAt: iso(o.createdAt), roots: v.roots ?? [], otherLabel: v.otherLabel ?? null };
      }),
      urges: reflect.urges.map((r) => {
        const v = cipher.openJson<{ urge: string; fear: string; insteadDid: string }>(PURPOSE.urge(r.id), r.content);
        return { id: r.id, occurredAt: iso(r.occurredAt), actedOn: r.actedOn, urge: str(v.urge), fear: str(v.fear), insteadDid: str(v.insteadDid), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
      }),
      selfWorth: reflect.selfWorth.map((r) => ({
        id: r.id,
        kind: r.kind,
        day: r.day,
        done: r.done,
        text: str(cipher.openJson<{ text: string }>(PURPOSE.selfWorth(r.id), r.content).text),
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
      })),
      checkups: reflect.assessments.map((a) => ({ id: a.id, instrument: a.instrument, takenAt: iso(a.takenAt), responses: a.responses, scores: a.scores, band: a.band })),
      reminders: {
        checkinReminder: notifications.settings?.checkinReminder ?? false,
        reminderTime: notifications.settings?.reminderTime ?? '20:00',
        email: notifications.settings?.email ?? true,
        push: notifications.settings?.push ?? true,
        nextDueAt: isoOrNull(notifications.settings?.nextDueAt),
        // The endpoint is a secret address of this browser at its push service: only the service's host.
        pushDevices: notifications.devices.map((d) => ({ service: hostOf(d.endpoint), createdAt: iso(d.createdAt) })),
      },
      couple: this.coupleSection(cipher, couple),
      care: this.careSection(cipher, care),
    };
  }

  private coupleSection(cipher: UserCipher, c: Awaited<ReturnType<typeof exportRepo.couple>>): ExportDocument['couple'] {
    const userId = cipher.userId;
    const checklistAt = new Map(c.checklists.map((x) => [x.conversationId, x.confirmedAt]));
    return {
      links: c.memberships.map((m) => ({ coupleId: m.coupleId, linkedAt: iso(m.linkedAt), joinedAt: iso(m.joinedAt), leftAt: isoOrNull(m.leftAt), unlinkedAt: isoOrNull(m.unlinkedAt) })),
      invitations: c.invites.map((i) => ({ createdAt: iso(i.createdAt), expiresAt: iso(i.expiresAt), usedAt: isoOrNull(i.usedAt), revokedAt: isoOrNull(i.revokedAt) })),
      checkins: c.checkins.map((r) => {
        const v = cipher.openJson<Record<string, unknown>>(PURPOSE.checkin(r.id), r.content);
        return { id: r.id, coupleId: r.coupleId, day: r.day, mood: r.mood, highPoint: str(v.highPoint), heavy: str(v.heavy), appreciation: str(v.appreciation), need: str(v.need), createdAt: iso(r.createdAt) };
      }),
      commitments: c.commitments.map((r) => {
        const v = cipher.openJson<{ title: string; details: string }>(PURPOSE.commitment(r.id), r.content);
        return {
          id: r.id,
          coupleId: r.coupleId,
          title: str(v.title),
          details: str(v.details),
          startDay: r.startDay,
          recurrence: r.recurrence,
          status: r.status,
          replacedBy: r.replacedBy,
          record: c.occurrences.filter((o) => o.commitmentId === r.id).map((o) => ({ day: o.day, outcome: o.outcome, markedAt: iso(o.markedAt) })),
          createdAt: iso(r.createdAt),
          updatedAt: iso(r.updatedAt),
        };
      }),
      agreements: {
        started: c.agreementsMade.map((a) => ({ id: a.id, coupleId: a.coupleId, topic: a.topic, reviewDay: a.reviewDay, createdAt: iso(a.createdAt) })),
        versionsIWrote: c.versions.map((v) => {
          const content = cipher.openJson<{ title: string; text: string }>(PURPOSE.agreementVersion(v.id), v.content);
          return { agreementId: v.agreementId, coupleId: v.coupleId, topic: v.topic, number: v.number, title: str(content.title), text: str(content.text), createdAt: iso(v.createdAt) };
        }),
        acceptances: c.acceptances.map((a) => ({ agreementId: a.agreementId, number: a.number, writtenBy: a.authorId === userId ? ('me' as const) : ('partner' as const), acceptedAt: iso(a.acceptedAt) })),
      },
      boundaries: c.boundaries.map((b) => ({
        id: b.id,
        coupleId: b.coupleId,
        text: str(cipher.openJson<{ text: string }>(PURPOSE.boundary(b.id), b.content).text),
        removed: b.deleted,
        createdAt: iso(b.createdAt),
        updatedAt: iso(b.updatedAt),
      })),
      activities: {
        planned: c.plans.map((p) => ({ id: p.id, coupleId: p.coupleId, activityId: p.activityId, plannedDay: p.plannedDay, status: p.status, createdAt: iso(p.createdAt) })),
        reflections: c.reflections.map((r) => {
          const v = cipher.openJson<{ howItWent: string; learned: string }>(PURPOSE.activityReflection(r.planId, userId), r.content);
          return { planId: r.planId, coupleId: r.coupleId, activityId: r.activityId, howItWent: str(v.howItWent), learned: str(v.learned), createdAt: iso(r.createdAt) };
        }),
      },
      repairs: c.repairs.map((r) => {
        const v = cipher.openJson<{ rupture: string; attempt: string; helped: string }>(PURPOSE.repair(r.id), r.content);
        return { id: r.id, coupleId: r.coupleId, day: r.day, rupture: str(v.rupture), attempt: str(v.attempt), helped: str(v.helped), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
      }),
      cycleSides: c.cycleSides.map((s) => {
        const v = cipher.openJson<{ trigger: string; feel: string; tendTo?: { choices?: string[]; other?: string }; fear: string; need: string }>(PURPOSE.cycleSide(s.coupleId, userId), s.content);
        return { coupleId: s.coupleId, trigger: str(v.trigger), feel: str(v.feel), tendTo: { choices: v.tendTo?.choices ?? [], other: str(v.tendTo?.other) }, fear: str(v.fear), need: str(v.need), updatedAt: iso(s.updatedAt) };
      }),
      conversations: c.conversations.map((conv) => ({
        id: conv.id,
        coupleId: conv.coupleId,
        startedBy: conv.startedBy === userId ? ('me' as const) : ('partner' as const),
        timeLimitMinutes: conv.timeLimitMinutes,
        phase: conv.phase,
        outcomeKind: conv.outcomeKind,
        checklistConfirmedAt: isoOrNull(checklistAt.get(conv.id)),
        myTurns: c.turns
          .filter((t) => t.conversationId === conv.id)
          .map((t) => ({ seq: t.seq, kind: t.kind, text: str(cipher.openJson<{ text: string }>(PURPOSE.turn(t.id), t.content).text), createdAt: iso(t.createdAt) })),
        createdAt: iso(conv.createdAt),
        endedAt: isoOrNull(conv.endedAt),
      })),
      apologies: c.apologies.map((a) => {
        const v = cipher.openJson<Record<string, unknown>>(PURPOSE.apology(a.id), a.content);
        return { id: a.id, coupleId: a.coupleId, what: str(v.what), impact: str(v.impact), responsibility: str(v.responsibility), different: str(v.different), status: a.status, sentAt: isoOrNull(a.sentAt), commitmentId: a.commitmentId, createdAt: iso(a.createdAt) };
      }),
    };
  }

  private careSection(cipher: UserCipher, c: Awaited<ReturnType<typeof exportRepo.care>>): ExportDocument['care'] {
    return {
      links: c.links.map((l) => ({
        id: l.id,
        practice: l.practiceName,
        therapist: l.therapistName,
        kind: l.kind,
        status: l.status,
        createdAt: iso(l.createdAt),
        endedAt: isoOrNull(l.endedAt),
        grants: c.grants.filter((g) => g.linkId === l.id).map((g) => ({ category: g.category, grantedAt: iso(g.grantedAt), revokedAt: isoOrNull(g.revokedAt) })),
        homework: c.homework
          .filter((h) => h.linkId === l.id)
          .map((h) => {
            const v = cipher.openJson<{ title: string; note: string }>(PURPOSE.homework(h.id), h.content);
            return { id: h.id, title: str(v.title), note: str(v.note), dueOn: h.dueOn, completedAt: isoOrNull(h.completedAt), createdAt: iso(h.createdAt) };
          }),
      })),
      accessLog: c.accessLog.map((a) => ({ at: iso(a.at), therapist: a.therapistName, category: a.category, view: a.view })),
      bookings: c.bookings.map((b) => ({ id: b.id, practice: b.practiceName, clientKind: b.clientKind, clientState: b.clientState, startsAt: iso(b.startsAt), endsAt: iso(b.endsAt), status: b.status })),
    };
  }

  /** Removes what the account's foreign-key cascade cannot reach; runs before the account is deleted. */
  async deleteLeftovers(userId: string): Promise<void> {
    await exportRepo.deleteLeftovers(this.db, userId);
  }
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return '';
  }
}
