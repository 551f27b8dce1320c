/**
 * Trust-building activities (design.md, "Connect and rebuild"; docs/decisions/019). The library
 * is public content; a couple plans an activity, marks it done, and then each partner writes a
 * reflection of their own, which the other reads. Every decision is the policy's
 * (policy.activities). Reflections are sealed under their author's key and opened for the
 * partner only after the policy allows the read.
 */
import { v7 as uuidv7 } from 'uuid';
import { ACTIVITIES, activityById } from '../../../core/couple/activities.ts';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { ActivityLibraryResponse, ActivityPlan, ActivityPlanCreate, ActivityPlanList, ActivityReflection, ActivityReflectionSaved, ActivityReflectionWrite } from '../../../core/schemas/activities.ts';
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { activitiesRepo, type PlanRow, type ReflectionRow } from './repo.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';

interface SealedReflection {
  howItWent: string;
  learned: string;
}

const purpose = (planId: string, authorId: string) => `activity-reflection:${planId}:${authorId}`;

const problem = (status: number, slug: string, title: string, detail: string, path?: string) =>
  new HttpProblem(status, slug, detail, path ? [{ path, message: detail }] : undefined, { title });

const notLinked = () => problem(409, 'not-linked', 'Not linked with a partner', 'Activities are planned in a shared couple space; link with your partner first.');

export class ActivitiesService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    /** Live hints to both partners' open pages (docs/decisions/017, 022): the kind only, never words. */
    private readonly events: EventPublisher = noEvents,
  ) {}

  /** The library: public content, no sign-in needed. */
  library(): ActivityLibraryResponse {
    return { items: [...ACTIVITIES] };
  }

  async plan(actor: Actor, input: ActivityPlanCreate, db: Db = this.db): Promise<ActivityPlan> {
    const me = this.policy.requireUser(actor);
    if (!activityById(input.activityId)) throw problem(400, 'unknown-activity', 'No such activity', 'Please choose an activity from the library.', 'activityId');
    const active = await this.policy.couple.active(actor, db);
    if (!active) throw notLinked();
    await this.policy.activities.plan(actor, { ownerId: me.userId, coupleId: active.coupleId }, db);
    const row = await activitiesRepo.insertPlan(db, { id: uuidv7(), coupleId: active.coupleId, createdBy: me.userId, activityId: input.activityId, plannedDay: input.plannedDay ?? null, status: 'planned' });
    await this.events.publishToCouple(active.coupleId, { type: 'activity' }, db);
    return this.planOf(actor, row.id, db);
  }

  /** My couple's plans, and my former couples' (read-only), newest first. */
  async list(actor: Actor): Promise<ActivityPlanList> {
    const couples = await this.policy.activities.couples(actor);
    const rows = await activitiesRepo.plansForCouples(
      this.db,
      couples.map((c) => c.coupleId),
    );
    return { linked: couples.some((c) => c.active), items: await this.present(actor, rows, this.db) };
  }

  /** Either partner marks a plan done (again: nothing changes). */
  async done(actor: Actor, id: string): Promise<ActivityPlan> {
    const row = await this.load(actor, id, this.db);
    await this.policy.activities.complete(actor, itemOf(row));
    if (row.status !== 'done') {
      await activitiesRepo.markDone(this.db, row.id);
      await this.events.publishToCouple(row.coupleId, { type: 'activity' });
    }
    return this.planOf(actor, row.id, this.db);
  }

  /** Writes (or rewrites) my own reflection on a plan that is done. */
  async reflect(actor: Actor, id: string, input: ActivityReflectionWrite): Promise<ActivityReflectionSaved> {
    const me = this.policy.requireUser(actor);
    const row = await this.load(actor, id, this.db);
    await this.policy.activities.reflect(actor, itemOf(row), { ownerId: me.userId, coupleId: row.coupleId });
    if (row.status !== 'done') throw problem(409, 'not-done', 'Not done yet', 'Reflections are written after the activity; please mark it done first.');
    const cipher = await this.keys.cipherFor(me.userId);
    const content = { howItWent: input.howItWent, learned: input.learned } satisfies SealedReflection;
    await activitiesRepo.upsertReflection(this.db, { id: uuidv7(), planId: row.id, authorId: me.userId, content: cipher.sealJson(purpose(row.id, me.userId), content) });
    await this.events.publishToCouple(row.coupleId, { type: 'activity' });
    return { plan: await this.planOf(actor, row.id, this.db), screening: screenTexts([input.howItWent, input.learned]) };
  }

  /** The plan, or 404 (missing and not-yours answer the same, after the sign-in check). */
  private async load(actor: Actor, id: string, db: Db): Promise<PlanRow> {
    this.policy.requireUser(actor);
    const row = await activitiesRepo.findPlan(db, id);
    if (!row) throw notFound();
    return row;
  }

  private async planOf(actor: Actor, id: string, db: Db): Promise<ActivityPlan> {
    const row = await activitiesRepo.findPlan(db, id);
    const [plan] = row ? await this.present(actor, [row], db) : [];
    if (!plan) throw notFound();
    return plan;
  }

  /** What a person sees: plans and reflections checked against the policy, opened with each author's key. */
  private async present(actor: Actor, rows: PlanRow[], db: Db): Promise<ActivityPlan[]> {
    const me = this.policy.requireUser(actor);
    const readable = new Set<string>();
    const changeable = new Set<string>();
    const firstOfCouple = new Map<string, PlanRow>();
    for (const r of rows) if (!firstOfCouple.has(r.coupleId)) firstOfCouple.set(r.coupleId, r);
    for (const [coupleId, r] of firstOfCouple) {
      if (await this.policy.activities.canRead(actor, itemOf(r), db)) readable.add(coupleId);
      if (await this.policy.activities.canComplete(actor, itemOf(r), db)) changeable.add(coupleId);
    }
    const visible = rows.filter((r) => readable.has(r.coupleId));
    if (visible.length === 0) return [];

    const reflections = await activitiesRepo.reflectionsOf(
      db,
      visible.map((r) => r.id),
    );
    const shown: ReflectionRow[] = [];
    const decided = new Map<string, boolean>();
    for (const ref of reflections) {
      const plan = visible.find((p) => p.id === ref.planId)!;
      const key = `${ref.authorId}|${plan.coupleId}`;
      if (!decided.has(key)) decided.set(key, await this.policy.activities.canReadReflection(actor, { ownerId: ref.authorId, coupleId: plan.coupleId }, db));
      if (decided.get(key)) shown.push(ref);
    }
    const ciphers = new Map<string, UserCipher>();
    for (const authorId of new Set(shown.map((r) => r.authorId))) ciphers.set(authorId, await this.keys.cipherFor(authorId, db));
    const who = (userId: string) => (userId === me.userId ? 'me' : 'partner') as 'me' | 'partner';
    const view = (ref: ReflectionRow | undefined): ActivityReflection | null => {
      if (!ref) return null;
      const c = ciphers.get(ref.authorId)!.openJson<SealedReflection>(purpose(ref.planId, ref.authorId), ref.content);
      return { author: who(ref.authorId), howItWent: c.howItWent, learned: c.learned, createdAt: ref.createdAt.toISOString() };
    };

    return visible.map((row) => {
      const own = shown.filter((r) => r.planId === row.id);
      return {
        id: row.id,
        activityId: row.activityId,
        title: activityById(row.activityId)?.title ?? null,
        plannedDay: row.plannedDay,
        status: row.status === 'done' ? 'done' : 'planned',
        createdBy: who(row.createdBy),
        createdAt: row.createdAt.toISOString(),
        mine: view(own.find((r) => r.authorId === me.userId)),
        partners: view(own.find((r) => r.authorId !== me.userId)),
        canChange: changeable.has(row.coupleId),
      } satisfies ActivityPlan;
    });
  }
}

const itemOf = (row: PlanRow) => ({ ownerId: row.createdBy, coupleId: row.coupleId });
