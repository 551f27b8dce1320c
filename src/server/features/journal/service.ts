/**
 * Journal entries (thought records, quick captures, prompt answers). Private to their owner;
 * free text sealed under the owner's data key; every save is screened for crisis language.
 */
import { v7 as uuidv7 } from 'uuid';
import type { EntryFacts } from '../../../core/patterns/entry-facts.ts';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { EntryShareState, SharedWithMe } from '../../../core/schemas/cycle.ts';
import type { Entry, EntryCreate, EntryListQuery, EntryPatch, Screening } from '../../../core/schemas/reflect.ts';
import type { UserCipher, DataKeys } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { journalRepo, type JournalFilters, type JournalRow } from './repo.ts';
import { careSharingRepo } from '../care-sharing/repo.ts';

/** The fields that only ever exist sealed. */
const SEALED = ['whatHappened', 'place', 'people', 'topicOther', 'bodyCuesOther', 'urgeOther', 'story', 'evidenceFor', 'evidenceAgainst', 'reframe'] as const;
type SealedField = (typeof SEALED)[number];
type SealedContent = Record<SealedField, string> & { tags: string[] };

const purpose = (id: string) => `journal:${id}`;
const SEARCH_BATCH = 200;

export class JournalService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
  ) {}

  async create(actor: Actor, input: EntryCreate, db: Db = this.db): Promise<{ entry: Entry; screening: Screening }> {
    const me = this.policy.requireUser(actor);
    await this.policy.journal.create(actor, me.userId);
    const cipher = await this.keys.cipherFor(me.userId, db);
    const id = uuidv7();
    const content = sealedFrom(input);
    const row = await journalRepo.insert(db, {
      id,
      ownerId: me.userId,
      kind: input.kind,
      occurredAt: new Date(input.occurredAt),
      timeZone: input.timeZone,
      ...plainFrom(input),
      complete: isComplete(input.kind, content),
      tagIndex: content.tags.map((t) => cipher.blindIndex(t)),
      content: cipher.sealJson(purpose(id), content),
    });
    return { entry: { ...toEntry(row, content, false), forTherapy: false }, screening: screen(content) };
  }

  async get(actor: Actor, id: string): Promise<Entry> {
    const { row, cipher } = await this.load(actor, id, 'read');
    const shared = await this.sharedNow(actor, [id]);
    const forTherapy = await careSharingRepo.forTherapyOf(this.db, [id]);
    return { ...toEntry(row, cipher.openJson<SealedContent>(purpose(id), row.content), shared.has(id)), forTherapy: forTherapy.has(id) };
  }

  async update(actor: Actor, id: string, patch: EntryPatch): Promise<{ entry: Entry; screening: Screening }> {
    const { row, cipher } = await this.load(actor, id, 'update');
    const content: SealedContent = { ...cipher.openJson<SealedContent>(purpose(id), row.content), ...pickSealed(patch) };
    const kind = patch.kind ?? row.kind;
    const updated = await journalRepo.update(this.db, id, {
      kind,
      ...(patch.occurredAt !== undefined ? { occurredAt: new Date(patch.occurredAt) } : {}),
      ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
      ...plainFrom(patch),
      complete: isComplete(kind, content),
      tagIndex: content.tags.map((t) => cipher.blindIndex(t)),
      content: cipher.sealJson(purpose(id), content),
    });
    if (!updated) throw notFound();
    const shared = await this.sharedNow(actor, [id]);
    const forTherapy = await careSharingRepo.forTherapyOf(this.db, [id]);
    return { entry: { ...toEntry(updated, content, shared.has(id)), forTherapy: forTherapy.has(id) }, screening: screen(content) };
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.load(actor, id, 'delete');
    await journalRepo.delete(this.db, id);
  }

  /**
   * My entries, newest first. Text search (`q`) decrypts my own entries batch by batch on the
   * server and matches words case- and accent-insensitively (docs/decisions/008).
   */
  async list(actor: Actor, q: EntryListQuery): Promise<{ items: Entry[]; nextCursor: string | null }> {
    const me = this.policy.requireUser(actor);
    await this.policy.journal.list(actor, me.userId);
    const cipher = await this.keys.cipherFor(me.userId);
    const filters: JournalFilters = {
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      topic: q.topic,
      kind: q.kind,
      tagHash: q.tag ? cipher.blindIndex(q.tag) : undefined,
      minIntensity: q.minIntensity,
      maxIntensity: q.maxIntensity,
      urgeActedOn: q.urgeActedOn,
    };
    let after = q.cursor ? fromCursor(q.cursor) : undefined;
    const needle = q.q ? fold(q.q) : undefined;
    const items: Entry[] = [];
    for (;;) {
      const batch = await journalRepo.list(this.db, me.userId, filters, after, needle ? SEARCH_BATCH : q.limit + 1);
      for (const row of batch) {
        const content = cipher.openJson<SealedContent>(purpose(row.id), row.content);
        if (needle && !matches(content, needle)) continue;
        items.push(toEntry(row, content, false));
        if (items.length > q.limit) break;
      }
      const last = batch.at(-1);
      if (!needle || items.length > q.limit || !last || batch.length < SEARCH_BATCH) break;
      after = { occurredAt: last.occurredAt, id: last.id };
    }
    const shared = await this.sharedNow(actor, items.slice(0, q.limit).map((e) => e.id));
    const page = items.slice(0, q.limit).map((e) => ({ ...e, sharedWithPartner: shared.has(e.id) }));
    const lastItem = page.at(-1);
    return { items: page, nextCursor: items.length > q.limit && lastItem ? encodeCursor(lastItem.occurredAt, lastItem.id) : null };
  }

  /**
   * The facts (catalog values, numbers, dates, tags — no free text) of my entries in a range,
   * oldest first: what insights and guidance compute from. Another feature reaches entries only
   * through this method.
   *
   * Fast for years of entries: the plain columns come without the sealed content, and tags are
   * read through the blind index — only one entry per distinct tag is decrypted, to learn how the
   * person spelled it. Tags match case-insensitively (as in search), so every entry carrying a
   * tag reports the spelling first seen for it (docs/decisions/011).
   */
  async facts(actor: Actor, range: { from?: Date; to?: Date } = {}): Promise<EntryFacts[]> {
    const me = this.policy.requireUser(actor);
    await this.policy.journal.list(actor, me.userId);
    const rows = await journalRepo.factsInRange(this.db, me.userId, range.from, range.to);
    const spelling = new Map<string, string>();
    const needed: string[] = [];
    const pending = new Set<string>();
    for (const row of rows) {
      if (row.tagIndex.some((h) => !spelling.has(h) && !pending.has(h))) {
        needed.push(row.id);
        for (const h of row.tagIndex) pending.add(h);
      }
    }
    if (needed.length > 0) {
      const cipher = await this.keys.cipherFor(me.userId);
      const sealed = new Map((await journalRepo.contentOf(this.db, me.userId, needed)).map((r) => [r.id, r.content]));
      for (const id of needed) {
        const content = sealed.get(id);
        if (!content) continue;
        for (const tag of cipher.openJson<SealedContent>(purpose(id), content).tags) {
          const h = cipher.blindIndex(tag);
          if (!spelling.has(h)) spelling.set(h, tag);
        }
      }
    }
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as EntryFacts['kind'],
      occurredAt: row.occurredAt.toISOString(),
      topic: row.topic as EntryFacts['topic'],
      tags: row.tagIndex.flatMap((h) => spelling.get(h) ?? []),
      bodyCues: row.bodyCues as EntryFacts['bodyCues'],
      intensityBefore: row.intensityBefore,
      intensityAfter: row.intensityAfter,
      urge: row.urge as EntryFacts['urge'],
      urgeActedOn: row.urgeActedOn,
      woundOrSignal: row.woundOrSignal as EntryFacts['woundOrSignal'],
    }));
  }

  /**
   * Shares one of my entries with my partner (the couple linked now): they will see its whole
   * text, read-only, until I stop sharing or we unlink. Sharing again changes nothing.
   */
  async share(actor: Actor, id: string): Promise<EntryShareState> {
    const { row } = await this.load(actor, id, 'update');
    const active = await this.policy.journalShare.active(actor);
    if (!active) {
      throw new HttpProblem(409, 'not-linked', 'Sharing an entry needs a partner you are linked with now.', undefined, { title: 'Not linked with a partner' });
    }
    await this.policy.journalShare.share(actor, { ownerId: row.ownerId, coupleId: active.coupleId });
    const saved = await journalRepo.share(this.db, { entryId: row.id, ownerId: row.ownerId, coupleId: active.coupleId });
    return { sharedWithPartner: true, sharedAt: saved.sharedAt.toISOString() };
  }

  /**
   * Marks one of my entries "for therapy", or unmarks it (docs/decisions/027). Only the owner; a
   * therapist reads it only while the owner grants them therapy entries.
   */
  async setForTherapy(actor: Actor, id: string, forTherapy: boolean): Promise<{ id: string; forTherapy: boolean }> {
    const { row } = await this.load(actor, id, 'update');
    await careSharingRepo.setForTherapy(this.db, row.id, row.ownerId, forTherapy);
    return { id: row.id, forTherapy };
  }

  /** Stops sharing one of my entries (at any time; not shared: nothing changes). */
  async unshare(actor: Actor, id: string): Promise<EntryShareState> {
    const row = await journalRepo.findById(this.db, id);
    if (!row) {
      this.policy.requireUser(actor);
      throw notFound();
    }
    await this.policy.journalShare.unshare(actor, row.ownerId);
    await journalRepo.unshare(this.db, row.id);
    return { sharedWithPartner: false, sharedAt: null };
  }

  /**
   * The entries my partner shared with me in our couple linked now, newest share first, opened
   * with their key once the policy allows each read. Not linked: nothing.
   */
  async sharedWithMe(actor: Actor): Promise<SharedWithMe> {
    const active = await this.policy.journalShare.active(actor);
    if (!active?.partnerId) return { linked: active !== undefined, items: [] };
    const rows = await journalRepo.sharedInto(this.db, active.coupleId, active.partnerId);
    if (rows.length === 0) return { linked: true, items: [] };
    await this.policy.journalShare.read(actor, { ownerId: active.partnerId, coupleId: active.coupleId });
    const cipher = await this.keys.cipherFor(active.partnerId);
    return {
      linked: true,
      items: rows.map(({ share, entry }) => ({
        sharedAt: share.sharedAt.toISOString(),
        entry: toEntry(entry, cipher.openJson<SealedContent>(purpose(entry.id), entry.content), true),
      })),
    };
  }

  /** Which of these (my) entries are shared into the couple I am linked with now. */
  private async sharedNow(actor: Actor, ids: string[], db: Db = this.db): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const active = await this.policy.couple.active(actor, db);
    if (!active) return new Set();
    const shares = await journalRepo.sharesOf(db, ids);
    return new Set(shares.filter((sh) => sh.coupleId === active.coupleId).map((sh) => sh.entryId));
  }

  private async load(actor: Actor, id: string, action: 'read' | 'update' | 'delete'): Promise<{ row: JournalRow; cipher: UserCipher }> {
    const row = await journalRepo.findById(this.db, id);
    // Missing and not-yours answer the same (404), so existence is never revealed.
    if (!row) {
      this.policy.requireUser(actor);
      throw notFound();
    }
    await this.policy.journal[action](actor, row.ownerId);
    return { row, cipher: await this.keys.cipherFor(row.ownerId) };
  }
}

function fromCursor(cursor: string) {
  const { sortKey, id } = decodeCursor(cursor);
  const occurredAt = new Date(sortKey);
  if (Number.isNaN(occurredAt.getTime())) decodeCursor('');
  return { occurredAt, id };
}

function sealedFrom(input: Partial<Record<SealedField, string>> & { tags?: string[] }): SealedContent {
  const out = { tags: dedupeTags(input.tags ?? []) } as SealedContent;
  for (const f of SEALED) out[f] = input[f] ?? '';
  return out;
}

function pickSealed(patch: EntryPatch): Partial<SealedContent> {
  const out: Partial<SealedContent> = {};
  for (const f of SEALED) if (patch[f] !== undefined) out[f] = patch[f];
  if (patch.tags !== undefined) out.tags = dedupeTags(patch.tags);
  return out;
}

function plainFrom(input: EntryPatch) {
  const has = <K extends keyof EntryPatch>(k: K) => input[k] !== undefined;
  return {
    ...(has('topic') ? { topic: input.topic ?? null } : {}),
    ...(has('tone') ? { tone: input.tone ?? null } : {}),
    ...(has('bodyCues') ? { bodyCues: [...new Set(input.bodyCues)] } : {}),
    ...(has('emotions') ? { emotions: input.emotions! } : {}),
    ...(has('intensityBefore') ? { intensityBefore: input.intensityBefore ?? null } : {}),
    ...(has('urge') ? { urge: input.urge ?? null } : {}),
    ...(has('urgeActedOn') ? { urgeActedOn: input.urgeActedOn ?? null } : {}),
    ...(has('woundOrSignal') ? { woundOrSignal: input.woundOrSignal ?? null } : {}),
    ...(has('intensityAfter') ? { intensityAfter: input.intensityAfter ?? null } : {}),
    ...(has('promptId') ? { promptId: input.promptId ?? null } : {}),
  };
}

function dedupeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.map((t) => t.trim()).filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

/** A quick capture counts as complete once the story or the reframe is written. */
function isComplete(kind: string, c: SealedContent): boolean {
  return kind !== 'quick_capture' || c.story.trim() !== '' || c.reframe.trim() !== '';
}

function screen(c: SealedContent): Screening {
  return screenTexts([...SEALED.map((f) => c[f]), ...c.tags]);
}

/** Lower-case, accents removed, spaces folded — for matching search words. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every word of the query appears somewhere in the entry's text or tags. */
function matches(c: SealedContent, needle: string): boolean {
  const hay = fold([...SEALED.map((f) => c[f]), ...c.tags].join(' \n '));
  return needle.split(' ').every((w) => hay.includes(w));
}

function toEntry(row: JournalRow, c: SealedContent, sharedWithPartner: boolean): Entry {
  return {
    id: row.id,
    kind: row.kind as Entry['kind'],
    occurredAt: row.occurredAt.toISOString(),
    timeZone: row.timeZone,
    whatHappened: c.whatHappened,
    place: c.place,
    people: c.people,
    topic: row.topic as Entry['topic'],
    topicOther: c.topicOther,
    tone: row.tone as Entry['tone'],
    bodyCues: row.bodyCues as Entry['bodyCues'],
    bodyCuesOther: c.bodyCuesOther,
    emotions: row.emotions as Entry['emotions'],
    intensityBefore: row.intensityBefore,
    urge: row.urge as Entry['urge'],
    urgeOther: c.urgeOther,
    urgeActedOn: row.urgeActedOn,
    story: c.story,
    evidenceFor: c.evidenceFor,
    evidenceAgainst: c.evidenceAgainst,
    woundOrSignal: row.woundOrSignal as Entry['woundOrSignal'],
    reframe: c.reframe,
    intensityAfter: row.intensityAfter,
    tags: c.tags,
    promptId: row.promptId,
    complete: row.complete,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sharedWithPartner,
  };
}
