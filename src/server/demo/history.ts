/**
 * A believable, deterministic history for the demo person: 18 months of journal entries, urges and
 * self-worth items in which things slowly get easier (intensity eases, reframes help more, urges are
 * acted on less) — so a newcomer sees living charts. Every word here is ours, and invented.
 *
 * Pure: the same seed and "now" give the same history. `npm run demo` sends it through the API.
 *
 * @example demoHistory({ now: new Date(), timeZone: 'America/Chicago' }).entries.length // ≈ 600
 */
import type { BodyCue, Emotion, Topic, Tone, Urge, WoundOrSignal } from '../../core/reflect/catalogs.ts';
import type { EntryCreate, SelfWorthInput, UrgeInput } from '../../core/schemas/reflect.ts';
import { seededRandom } from '../../core/seeded-random.ts';

export const DEMO_MONTHS = 18;

interface Scene {
  topic: Topic;
  what: string;
  story: string;
  against: string;
  reframe: string;
  tags: string[];
}

const SCENES: readonly Scene[] = [
  { topic: 'phone_social_media', what: 'Their phone buzzed twice at dinner and they turned it face down.', story: 'They are hiding a conversation from me.', against: 'They showed me the messages later without my asking; it was the group chat.', reframe: 'Turning a phone over at dinner can be about being present, not about secrets.', tags: ['phone', 'dinner'] },
  { topic: 'time_together', what: 'They stayed late at work again and we missed our walk.', story: 'I am not a priority any more.', against: 'They texted before I asked and suggested Saturday morning instead.', reframe: 'A busy week is not a verdict on us. I can say I miss our walks.', tags: ['work', 'walk'] },
  { topic: 'plans_changing', what: 'Weekend plans with their friends changed without me hearing first.', story: 'They would rather be with other people.', against: 'They invited me and the plan changed for everyone at the last minute.', reframe: 'Plans changing is not the same as being left out.', tags: ['weekend', 'plans'] },
  { topic: 'communication', what: 'A short reply to a long message I had written carefully.', story: 'They do not care how I feel.', against: 'They were driving and called when they got home.', reframe: 'A short reply often means a busy moment, not a cold heart.', tags: ['texting'] },
  { topic: 'ex_partners', what: 'Their ex liked an old photo of them.', story: 'Something is starting again between them.', against: 'They have been open about that friendship and I have no sign of anything more.', reframe: 'This fear is older than this relationship. I can ask for what I need to feel steady.', tags: ['ex'] },
  { topic: 'friends', what: 'They laughed a lot with a new colleague at a party.', story: 'I am about to be replaced.', against: 'They came to find me often and we left together, happy.', reframe: 'Their warmth with others does not take anything away from me.', tags: ['party'] },
  { topic: 'jealousy', what: 'I saw a name I did not recognise in their messages.', story: 'There is someone they are not telling me about.', against: 'When I asked calmly, it was a new client and they showed me.', reframe: 'Not knowing a name is not evidence. Asking kindly worked.', tags: ['phone'] },
  { topic: 'intimacy', what: 'They were tired and went to bed early without a hug.', story: 'They are losing interest in me.', against: 'They said good night warmly and we had a lovely morning.', reframe: 'Tiredness is not rejection. I can ask for a hug next time.', tags: ['evening'] },
  { topic: 'money', what: 'A large purchase showed up that we had not talked about.', story: 'They make decisions without me.', against: 'It was a gift for my birthday, and they asked me to forget I saw it.', reframe: 'I can ask for us to talk about big purchases without assuming the worst.', tags: ['money'] },
  { topic: 'family', what: 'Their family made plans for the holidays without asking us.', story: 'I will always come second to them.', against: 'My partner told them we would decide together.', reframe: 'My partner stood with me; the pressure came from elsewhere.', tags: ['family', 'holidays'] },
];

const TONES: readonly Tone[] = ['tense', 'distant', 'calm', 'unclear', 'heated'];
const CUES: readonly BodyCue[] = ['racing_heart', 'tight_chest', 'stomach_knot', 'shallow_breath', 'hot_face', 'tense_shoulders', 'restless', 'lump_in_throat'];
const EMOTIONS: readonly Emotion[] = ['anxious', 'jealous', 'hurt', 'insecure', 'lonely', 'afraid', 'sad', 'rejected'];
const URGES: readonly Urge[] = ['seek_reassurance', 'check_phone', 'withdraw', 'go_silent', 'check_social_media', 'pick_a_fight'];
const WOUND: readonly WoundOrSignal[] = ['old_wound', 'old_wound', 'old_wound', 'present_signal', 'both', 'unsure'];

const URGE_LOG: ReadonlyArray<Omit<UrgeInput, 'occurredAt' | 'actedOn'>> = [
  { urge: 'Look through their messages while they showered', fear: 'That I am missing something obvious', insteadDid: 'Made tea and wrote down what I was afraid of' },
  { urge: 'Ask where they were, again', fear: 'That they will drift away without my noticing', insteadDid: 'Told them I was feeling wobbly and asked for a hug' },
  { urge: 'Check who viewed their stories', fear: 'Being replaced by someone more interesting', insteadDid: 'Put my phone in another room for an hour' },
  { urge: 'Send five messages in a row', fear: 'That silence means they are angry with me', insteadDid: 'Waited, and went for a run' },
];

const WORTH: ReadonlyArray<Pick<SelfWorthInput, 'kind' | 'text'>> = [
  { kind: 'goal', text: 'Say one kind thing to myself in the mirror' },
  { kind: 'win', text: 'Asked for what I needed without apologising' },
  { kind: 'self_care', text: 'A long walk with music' },
  { kind: 'win', text: 'Noticed the story before it ran away with me' },
  { kind: 'self_care', text: 'Called my sister' },
  { kind: 'goal', text: 'Keep one evening for my own hobby' },
];

export interface DemoHistory {
  entries: EntryCreate[];
  urges: UrgeInput[];
  selfWorth: SelfWorthInput[];
}

const DAY = 24 * 3600_000;
const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function demoHistory(opts: { now: Date; timeZone: string; seed?: number; months?: number }): DemoHistory {
  const random = seededRandom(opts.seed ?? 20261201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const months = opts.months ?? DEMO_MONTHS;
  const start = opts.now.getTime() - months * 30.4 * DAY;
  const span = opts.now.getTime() - start;
  const entries: EntryCreate[] = [];
  const urges: UrgeInput[] = [];
  const selfWorth: SelfWorthInput[] = [];

  for (let t = start; t < opts.now.getTime() - 2 * 3600_000; t += DAY) {
    // 0 at the start, 1 now: triggers get rarer and gentler as practice builds.
    const progress = (t - start) / span;
    const count = random() < 0.85 - progress * 0.35 ? (random() < 0.25 ? 2 : 1) : 0;
    for (let i = 0; i < count; i++) {
      // Mostly evenings, some lunchtimes; weekends a little busier.
      const hour = random() < 0.7 ? 17 + Math.floor(random() * 4) : 11 + Math.floor(random() * 4);
      const at = new Date(t - (t % DAY) + hour * 3600_000 + Math.floor(random() * 60) * 60_000 + 6 * 3600_000);
      if (at.getTime() > opts.now.getTime() - 3600_000) continue;
      // A recurring theme early on (phones), easing later.
      const scene = random() < 0.35 - progress * 0.2 ? SCENES[0]! : pick(SCENES);
      const before = clamp(82 - progress * 30 + (random() - 0.5) * 24);
      const easing = 18 + progress * 22 + random() * 10;
      const occurredAt = at.toISOString();
      const kindRoll = random();
      if (kindRoll < 0.18) {
        entries.push({ kind: 'quick_capture', occurredAt, timeZone: opts.timeZone, whatHappened: scene.what, intensityBefore: before, bodyCues: [pick(CUES)] });
        continue;
      }
      const emotions = [...new Set([pick(EMOTIONS), pick(EMOTIONS)])].map((emotion) => ({ emotion, intensity: clamp(before - random() * 15) }));
      entries.push({
        kind: 'thought_record',
        occurredAt,
        timeZone: opts.timeZone,
        whatHappened: scene.what,
        place: random() < 0.6 ? 'At home' : 'Out',
        people: 'My partner',
        topic: scene.topic,
        tone: pick(TONES),
        bodyCues: [...new Set([pick(CUES), pick(CUES)])],
        emotions,
        intensityBefore: before,
        urge: pick(URGES),
        urgeActedOn: random() < 0.55 - progress * 0.4,
        story: scene.story,
        evidenceFor: random() < 0.5 ? 'It has happened before.' : '',
        evidenceAgainst: scene.against,
        woundOrSignal: pick(WOUND),
        reframe: scene.reframe,
        intensityAfter: clamp(before - easing),
        tags: scene.tags,
      });
    }
    if (random() < 0.12) {
      const u = pick(URGE_LOG);
      urges.push({ ...u, occurredAt: new Date(t + 20 * 3600_000).toISOString(), actedOn: random() < 0.5 - progress * 0.35 });
    }
    if (random() < 0.1) {
      const w = pick(WORTH);
      selfWorth.push({ ...w, day: dayIn(new Date(t + 12 * 3600_000), opts.timeZone), done: random() < 0.7 });
    }
  }
  entries.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  return { entries: entries.filter((e) => Date.parse(e.occurredAt) < opts.now.getTime()), urges: urges.filter((u) => Date.parse(u.occurredAt) < opts.now.getTime()), selfWorth };
}
