/**
 * The demo couple: the demo person (Avery, Chicago) linked with Sam (New York) through a real
 * invitation, with about ten weeks of daily check-ins and two commitments with their track
 * records. Linking, marking and reading go through the API; check-ins and the first commitment
 * are backdated through the services (the API only ever takes "today"), which still run the
 * policy, the encryption and the validation rules of the schemas.
 */
import { addDays, localDay, occurrencesBetween, parseRecurrence } from '../../core/couple/commitments.ts';
import { checkinCreateSchema, type CheckinCreate } from '../../core/schemas/checkins.ts';
import { seededRandom } from '../../core/seeded-random.ts';
import { CommitmentsService } from '../features/commitments/service.ts';
import type { Actor } from '../policy/index.ts';
import { DEMO_ACCOUNT, type DemoContext } from './seed.ts';

export const DEMO_PARTNER = {
  email: 'demo-partner@trellis.local',
  password: 'demo passphrase for trellis',
  name: 'Sam',
  timeZone: 'America/New_York',
} as const;

export const DEMO_CHECKIN_DAYS = 70;
const DAY = 24 * 3600_000;

const HIGH_POINTS = ['Breakfast together before work', 'A long walk after dinner', 'Laughing at the same silly video', 'You remembered my meeting', 'Cooking together', 'A quiet evening on the sofa'];
const HEAVY = ['', '', '', 'A tiring day at work', 'Felt a bit distant this evening', 'Worried about money this week'];
const APPRECIATIONS = ['Thank you for listening last night', 'You made coffee without asking', 'Thanks for texting when you were late', 'You were patient with me today', 'Thanks for planning Saturday'];
const NEEDS = ['', '', 'Some time to talk about the weekend', 'A hug when I get home', 'An early night'];

const actorFor = (userId: string): Actor => ({ kind: 'user', userId, sessionId: 'demo', emailVerified: true });

async function ok(res: { statusCode: number; body: string }, what: string): Promise<{ statusCode: number; body: string; json(): unknown }> {
  if (res.statusCode >= 300) throw new Error(`${what} failed with ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res as { statusCode: number; body: string; json(): unknown };
}

export async function demoCouple(demo: DemoContext): Promise<void> {
  const ctx = demo.ctx;
  if (!ctx) return; // Backdating needs the services; without them there is no demo couple.
  const sam = await demo.person(DEMO_PARTNER);
  const invite = (await ok(await demo.agent.post('/api/v1/couple/invites', {}), 'invite')).json() as { code: string };
  await ok(await sam.agent.post('/api/v1/couple/join', { code: invite.code }), 'join');

  const random = seededRandom(1201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = demo.now.getTime();
  const people = [
    { userId: demo.userId, zone: DEMO_ACCOUNT.timeZone, answers: 0.85 },
    { userId: sam.userId, zone: DEMO_PARTNER.timeZone, answers: 0.75 },
  ];

  // Check-ins for the days before today (today is left for the person trying the demo).
  for (let d = DEMO_CHECKIN_DAYS; d >= 1; d--) {
    for (const p of people) {
      if (random() > p.answers) continue;
      const input: CheckinCreate = checkinCreateSchema.parse({
        mood: Math.min(5, Math.max(1, Math.round(3 + random() * 2 - (random() < 0.15 ? 2 : 0)))),
        highPoint: pick(HIGH_POINTS),
        heavy: pick(HEAVY),
        appreciation: pick(APPRECIATIONS),
        need: pick(NEEDS),
      });
      await ctx.services.checkins.answer(actorFor(p.userId), input, localDay(now - d * DAY, p.zone));
    }
  }

  // Two commitments, each made by the person who keeps it, started eight weeks ago.
  const started = now - 56 * DAY;
  const then = new CommitmentsService(ctx.database.db, ctx.policy, ctx.dataKeys, ctx.services.profile, () => started);
  const promises = [
    { person: people[0]!, agent: demo.agent, title: 'Put my phone away during dinner', recurrence: 'FREQ=DAILY', keeps: 0.85 },
    { person: people[1]!, agent: sam.agent, title: 'Text when I am running more than 15 minutes late', recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', keeps: 0.9 },
  ];
  for (const c of promises) {
    const startDay = localDay(started, c.person.zone);
    const { commitment } = await then.create(actorFor(c.person.userId), { title: c.title, startDay, recurrence: c.recurrence }, c.person.zone);
    const rule = parseRecurrence(c.recurrence);
    if (!rule.ok) throw new Error(rule.error);
    const yesterday = addDays(localDay(now, c.person.zone), -1);
    for (const day of occurrencesBetween({ startDay, rule: rule.rule }, startDay, yesterday)) {
      if (random() < 0.05) continue; // a few days simply not marked
      await ok(await c.agent.request({ method: 'PUT', url: `/api/v1/commitments/${commitment.id}/occurrences/${day}`, payload: { outcome: random() < c.keeps ? 'kept' : 'missed' } }), 'marking a commitment');
    }
  }

  // An agreement written together (proposed by Avery, accepted by Sam), and a boundary each.
  const proposed = (await ok(
    await demo.agent.post('/api/v1/agreements', {
      topic: 'phones',
      title: 'Phones at dinner',
      text: 'Phones stay in the hallway while we eat. If one of us is waiting for an important call, we say so first.',
      reviewDay: addDays(localDay(now, DEMO_ACCOUNT.timeZone), 30),
    }),
    'agreement',
  )).json() as { agreement: { id: string } };
  await ok(await sam.agent.post(`/api/v1/agreements/${proposed.agreement.id}/versions/1/accept`, {}), 'accepting the agreement');
  await ok(await demo.agent.post('/api/v1/boundaries', { text: 'I need a few minutes to myself when I get home from work before we talk about plans.' }), 'boundary');
  await ok(await sam.agent.post('/api/v1/boundaries', { text: 'Please ask before sharing our arguments with friends.' }), 'boundary');
}
