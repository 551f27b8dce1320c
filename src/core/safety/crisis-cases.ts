/**
 * Hand-written phrases for crisis screening, shared by the unit tests and `scripts/crisis-eval.ts`,
 * plus the one function that turns screening results into figures. Pure data and arithmetic: safe
 * to import anywhere, though nothing in the product needs to.
 *
 * Every phrase here was written for Trellis. When screening misses or over-fires on a real kind of
 * sentence, add it here first, then change the patterns.
 */
import { screenText, type Screening } from './crisis-screening.ts';

export interface CrisisCase {
  text: string;
  selfHarm: boolean;
  partnerDanger: boolean;
  /** Why the expected answer is what it is, where that is a decision rather than obvious. */
  note?: string;
}

/** Should flag self-harm (and not partner danger). */
export const SELF_HARM_PHRASES: readonly string[] = [
  'I want to kill myself.',
  'Some nights I lie awake thinking about killing myself.',
  'I have been thinking about ending my life.',
  "I keep wondering if everyone would be better off if I weren't here.",
  'Honestly everybody would be better off without me.',
  "I don't want to be alive anymore.",
  'i dont want to live anymore',
  'I hurt myself again last night after we argued.',
  'I cut myself this morning and I feel ashamed.',
  "I've started cutting myself again.",
  'I want to hurt myself when the silence goes on for hours.',
  "I'm thinking about taking an overdose.",
  "I overdosed last spring and I'm scared I'll do it again.",
  "There's no reason to live any more.",
  'It feels like I have nothing to live for.',
  'I wish I was dead.',
  "I'd be better off dead.",
  'I just want to die.',
  'i wanna die',
  'Part of me wants to end it all.',
  "I've had suicidal thoughts all week.",
  'I keep thinking about suicide.',
  'I have a plan for how I would take my own life.',
  'Sometimes I think about taking my life.',
  'I keep getting urges to self-harm.',
  'I took a handful of my sleeping pills on purpose.',
  'I want to go to sleep and never wake up.',
  "I hope I don't wake up tomorrow.",
  'I’m so tired of being alive.',
  'Life is not worth living without him.',
  'No one would even notice if I disappeared.',
  'Nobody would care if I died tonight.',
  'I wish I had never been born.',
  'I thought about jumping off the bridge on my way home.',
  'i want to kil myself',
  "I'm going to kill my self",
  "I can't go on anymore.",
  'I keep burning myself with a lighter when I get anxious.',
  'I WANT TO DIE',
  'I’ve been harming myself in secret.',
  "What's the point of living like this?",
  'I deserve to die.',
  "I've been looking up ways to kill myself.",
  'Thinking about how to unalive myself again.',
  'kms honestly, today was too much',
  'I punched the wall and then hit myself until it hurt.',
  'It would be easier for everyone if I was gone.',
  "I'm ready to die.",
  'I swallowed all the pills in the cabinet.',
  'Hé, je suis fatiguée — I wish I wasn’t alive.',
  'Last week I looked up how to hang myself.',
  "Honestly, I'd rather die.",
  'I keep thinking about not being here anymore.',
  'Nobody would miss me.',
  "I'm just a burden to everyone.",
  'I thought about slitting my wrists.',
  // Written as a held-out check, then kept here.
  "I've been thinking I should just end my life.",
  'Lately I feel like killing myself.',
  "I don't think I want to be here anymore.",
  'everyone would be happier without me',
  "I have pills saved up for when I'm ready.",
  'I wish I could go to sleep forever.',
  'I hate myself so much I want to hurt myself',
  'I relapsed and cut again last night.',
  'Suicide feels like the only way out.',
  'I googled how many pills it would take.',
  "I'm planning to kill myself this weekend.",
  'My family would be better off without me around.',
  'There is no point in me being alive.',
  'I want it all to stop, permanently.',
  'Thinking about driving into a wall on the way home.',
  'i just wanna disappear forever and never come back',
  'I scratched my arms until they bled again.',
  'Nobody would care if I was gone.',
  'I feel like ending it.',
  "I've written goodbye letters to my friends.",
  "I don't want to wake up anymore.",
  'I took too many pills last night.',
  "I'm done living like this, I want out of life.",
  "I'm not going to be around much longer.",
  'Some days I just want to stop being alive.',
  'I think about ending everything a lot lately.',
  'If he leaves I will kill myself.',
  "I'd rather be dead than go through another breakup.",
  "I've been having thoughts of suicide again.",
  'I want to hurt myself so the pain inside stops.',
  "I don't see a reason to keep going.",
  'Everyone would be relieved if I died.',
  'I burned my arm with a cigarette on purpose.',
  "I feel like I'm better off dead.",
  "I took a bunch of pills but I'm okay now.",
  "What if I just wasn't here tomorrow?",
  'I keep wanting to die.',
  'Honestly thinking of taking my own life tonight.',
  "I'm tired of living.",
  'Life feels pointless and I want to end it all.',
  'I self harm when I feel rejected.',
  "I've got the pills ready.",
  'The world would be a better place without me.',
];

/** Should flag danger from a partner (and not self-harm). */
export const PARTNER_DANGER_PHRASES: readonly string[] = [
  'Sam hit me last night.',
  'We argued and Alex shoved me into the door.',
  'Jordan choked me during the fight.',
  "My partner hurts me when he's drunk.",
  'My wife hurts me whenever she gets angry.',
  'He hit me.',
  'She slapped me again last night.',
  'My boyfriend slapped me in front of his friends.',
  'He shoved me into the wall when I asked about the texts.',
  'She pushed me down the stairs.',
  'He choked me during the argument.',
  'My husband strangled me until I nearly passed out.',
  'He grabbed me by the throat.',
  'He beat me up on Friday.',
  "I'm afraid of what he'll do to me if I go to my sister's.",
  'I’m scared he will hurt me.',
  "I'm terrified that one day she'll kill me.",
  'He threatened to kill me if I leave.',
  'She threatened to hurt me if I told anyone.',
  "He won't let me leave the house.",
  "My partner won't let me see my friends.",
  'He takes my phone and threatens me whenever I go out.',
  "He took my keys so I couldn't leave.",
  'He got drunk and punched me.',
  'She screamed at me and then kicked me.',
  'I was choked by my ex husband last year.',
  "I've been hit by him more than once.",
  "I'm afraid of him.",
  "I'm scared of my husband and I don't know what to do.",
  'I fear for my life.',
  "I don't feel safe at home anymore.",
  "I don't feel safe with him.",
  "He said he'd kill me if I ever left.",
  "She told me she's going to hurt me.",
  'He pulled a knife on me.',
  'He pointed a gun at me last week.',
  'My boyfriend is abusive.',
  'He abuses me when he drinks.',
  "I'm in an abusive relationship.",
  "He gets violent when he's angry.",
  'He threw a plate at me.',
  'He smashed my phone against the wall.',
  'He punched a hole in the wall next to my head.',
  'He raped me.',
  "He forces me to have sex when I don't want to.",
  "He hits the kids when I'm not there.",
  'He kicked the dog to scare me.',
  'He left bruises on my arms.',
  'He locked me in the bathroom for hours.',
  'She spat on me.',
  "He pinned me down and wouldn't let go.",
  'He put his hands around my neck.',
  'He keeps threatening me.',
  'He threatened to take the kids if I leave.',
  "He's threatened to post my photos online.",
  "He'll kill me if I tell anyone.",
  'He dragged me by the hair across the kitchen.',
  'He hit me with his belt.',
  'My girlfriend bit me so hard it bled.',
  'He has hit me twice this month.',
  'She hit me again.',
  "He pushes me when he's angry.",
  'I think he might really hurt me this time.',
  "He has a gun and says he'll use it if I leave.",
  'My ex keeps stalking me.',
  'He grabbed my wrist so hard it bruised.',
  // Written as a held-out check, then kept here.
  'My husband punched me in the stomach.',
  'He threw me against the wall last night.',
  'She grabbed my hair and dragged me out of bed.',
  "I'm afraid he'll hurt me if I tell him I'm leaving.",
  "He said he'd kill me if I ever cheated.",
  'He locked me out of the house in the snow.',
  'My boyfriend choked me until I blacked out.',
  'He keeps threatening to hurt my family.',
  "I'm scared to go home because of him.",
  'He slapped me across the face.',
  "He won't let me go anywhere without him.",
  'She smashed a glass and cut me with it.',
  "He tracks my phone and says he'll find me wherever I go.",
  'My wife hits me.',
  'He raped me last week.',
  'He pushed me and I fell.',
  "I'm terrified of my boyfriend.",
  'He said nobody would find my body.',
  'He held a knife to my throat.',
  'He kicked me in the ribs.',
  'I have bruises all over from him.',
  'He shook the baby.',
  'My girlfriend threatened to stab me.',
  'He beat me so badly I went to hospital.',
  'He smacked me in front of the kids.',
  'He threatened me with a gun.',
  'My boyfriend strangles me during fights.',
  "I'm scared my husband will kill me.",
  'She threatened to burn the house down with me in it.',
  'He punched me so hard I passed out.',
  "He throws things at me when he's angry.",
  'He forced me to have sex with him.',
  'He hits me and then says sorry.',
  "I don't feel safe around my boyfriend.",
  "He's been violent with me before.",
  'He grabbed me by the neck and shoved me.',
  "He took my car keys so I couldn't leave.",
  'My ex is following me and threatening me.',
  "He says if I leave he'll hurt the kids.",
  "I'm afraid my partner will hit me again.",
  'He bit me during an argument.',
  'My husband abuses me.',
  'He tried to strangle me.',
  "I'm terrified he will find out where I live and hurt me.",
];

/** Ordinary talk and idioms: should flag nothing. */
export const EVERYDAY_PHRASES: readonly string[] = [
  'Reality hit me last night.',
  'Then it hit me: I was scared, not angry.',
  'Panic hit me on the train.',
  'Grief hit me out of nowhere.',
  'Everything hit me at once.',
  'Sam hit me up after work.',
  'Alex pushed me to try therapy.',
  "My partner hurts me when he ignores my messages, and I want to tell him calmly.",
  'It hurts me when she forgets our plans.',
  "This movie is killing me, I can't stop laughing.",
  'I could kill for a coffee right now.',
  'My feet are killing me after that walk.',
  "I'd die for that chocolate cake.",
  "I'm dying to see you this weekend.",
  "I'm dead tired tonight.",
  'That joke totally killed at the party.',
  'He hit the road early to beat the traffic.',
  'She hit the gym before work.',
  'Hit me up later if you want to grab dinner.',
  "I'm afraid I'll be late for our call.",
  'Can you kill the lights on your way out?',
  'The suspense in that show is killing me.',
  'I nearly died laughing at his story.',
  "Let's knock it out before lunch.",
  'He hit me up after work to see how I was.',
  'She hit me with the news that she got the job.',
  "It really hit me how much I'd missed her.",
  'That song hit me hard.',
  "I'm afraid of him leaving me for someone else.",
  "I'm scared she's losing interest in me.",
  'He pushed me to apply for the promotion.',
  'She pushed me away when I tried to talk.',
  'He kicked me out of the group chat as a joke.',
  'I should cut myself some slack this week.',
  'I cut myself shaving this morning.',
  'I hurt myself at the gym yesterday.',
  'Quitting like that would be career suicide.',
  'We watched Suicide Squad last night.',
  "I'm killing myself trying to make this relationship work.",
  'I nearly killed myself laughing at the dog.',
  'I was so embarrassed I wanted to die of shame.',
  'He beat me at chess again.',
  'She beats me at every board game we play.',
  'He hurt my feelings when he forgot our anniversary.',
  "I feel hurt that she didn't call.",
  'He threatened to leave me if I kept checking his phone.',
  'She took my phone to look at the holiday photos.',
  "My boss won't let me leave early on Fridays.",
  "He won't let me leave the dishes for tomorrow.",
  "I'm scared of her reaction when I tell her about the job.",
  'He threw me a surprise party.',
  'She shook me awake at 3am because of a noise.',
  'My husband held me while I cried.',
  'He grabbed me a coffee on his way in.',
  "I'm worried he'll be upset with me.",
  'They hit us with a huge bill.',
  'The news hit me like a truck.',
  'Overdosed on chocolate this weekend, oops.',
  "I'm dying inside from embarrassment.",
  "I'd rather die than sing karaoke again.",
  "My phone is dead, so I'll call you later.",
  "He's killing it at his new job.",
  'The traffic is murder on Mondays.',
  "I'm going to take my life back, one step at a time.",
  'I want to end things with him, I think.',
  "I don't want to live with my parents anymore.",
  "I can't do this anymore, we fight every night.",
  'He abused my trust when he lied.',
  'He finally hit me back after three hours.',
  'She attacked me for being late to dinner.',
  "I was hit by a car last year but I'm fine now.",
  'I felt choked up when he apologised.',
  'She choked me up with that speech.',
  'He pushed me too far this time.',
  'I want to disappear under a blanket for a week.',
  'I punched the air when I got the job.',
  'Give me your phone right now.',
  "I'm so afraid of losing him.",
  "I'm worried they're going to hit us with another fee.",
  'She really hit me where it hurts with that comment.',
  "I'm terrified of my driving test tomorrow.",
  "He's a killer at trivia night.",
  'I wanted to kill him when he ate my leftovers, haha.',
  'He kicked me under the table to stop me laughing.',
  'My mum will kill me if I forget her birthday again.',
  "He's dead to me after what he said.",
  "I'm so embarrassed I could die.",
  // Written as a held-out check, then kept here.
  'I hit my head on the cupboard door.',
  'He hit a home run at the softball game.',
  "She's killing it with her new podcast.",
  'I nearly had a heart attack when the bill came.',
  'This heat is going to kill me.',
  "I'm scared of spiders.",
  'He kicked the ball over the fence.',
  'She threw a party for my birthday.',
  "I'm dying for a holiday.",
  'The kids choked on laughter at the puppet show.',
  'I feel hurt that he forgot again.',
  'He pushed the meeting back an hour.',
  'We had a huge argument about money but we made up.',
  "I'm afraid the restaurant will be fully booked.",
  'I want to end this argument and move on.',
  'He beat me to the last slice of pizza.',
  'I was so tired I could have died.',
  "I'm worried he'll think I'm needy.",
  "I'm scared he might leave me.",
  'She said the news would hit me hard.',
  'He threatened to cancel our Netflix account, lol.',
  'My heart aches when we fight.',
  'I punched the pillow to let off steam.',
  'He grabbed my hand and held it all the way home.',
  'I hurt my back lifting boxes.',
  'I cut my finger making dinner.',
  'We both need to stop killing ourselves over the wedding planning.',
  'My phone died in the middle of our call.',
  "I'd kill to have his confidence.",
  'I feel so stupid for checking his phone.',
  'She slammed the door and left for a walk.',
  'I want to stop feeling jealous all the time.',
  'The dog bit the postman.',
  'The argument left me drained.',
  'He cut me off while I was talking.',
  'I felt attacked by her comment.',
  'He left his marks all over the kitchen, flour everywhere.',
  "I'm afraid of heights.",
  "I don't want to lose him.",
  'He hit the nail on the head with that comment.',
  'I could murder a pizza right now.',
  'We killed time at the airport.',
  'She beat me to the punch and apologised first.',
  "I'm scared we're drifting apart.",
  "I'm afraid he'll be angry that I forgot.",
  'My sister threatened to tell mum about the surprise.',
  'He was so funny I almost died.',
  'I want to kill this habit of checking his phone.',
  'That test was killer.',
  "The baby kicked me all night, she's so active!",
  'He held me close and told me it would be okay.',
  'She smashed her personal best at the gym.',
  'I feel like the worst partner sometimes.',
  'I hate when we fight.',
  'He knocked over my coffee.',
  'I threw myself into work this week.',
  'I pushed myself too hard at the gym.',
  'I keep beating myself up about the argument.',
  'My friend dragged me to a yoga class.',
  'We shot some hoops after work.',
  "I'm dying to tell you about my day.",
  "She's a knockout in that dress.",
  'The boss is going to kill me for being late.',
  'Gonna hit the hay early tonight.',
  'He choked during the presentation.',
  'I was so mad I could scream.',
  'I jumped off the diving board for the first time!',
  'I cut ties with a friend who was unkind.',
  'He cut his hand on the can.',
];

/** Decisions, mostly about negation; see the comment at the top of crisis-screening.ts. */
export const DECIDED_CASES: readonly CrisisCase[] = [
  { text: 'I would never hurt myself.', selfHarm: true, partnerDanger: false, note: 'self-harm negation is not suppressed' },
  { text: "I'm not suicidal, just exhausted.", selfHarm: true, partnerDanger: false, note: 'self-harm negation is not suppressed' },
  { text: "I don't want to kill myself, but the thought keeps coming back.", selfHarm: true, partnerDanger: false, note: 'self-harm negation is not suppressed' },
  { text: "I'm proud I didn't hurt myself this week.", selfHarm: true, partnerDanger: false, note: 'self-harm negation is not suppressed' },
  { text: 'He would never hurt me.', selfHarm: false, partnerDanger: false, note: 'a partner reassurance is not flagged' },
  { text: 'He has never hit me.', selfHarm: false, partnerDanger: false, note: 'negation between the partner and the act' },
  { text: "She didn't hit me, she just shouted.", selfHarm: false, partnerDanger: false, note: 'negation between the partner and the act' },
  { text: "I'm not afraid of him anymore.", selfHarm: false, partnerDanger: false, note: 'negation right before the phrase' },
  { text: "I'm no longer scared he will hurt me.", selfHarm: false, partnerDanger: false, note: 'negation right before the phrase' },
  { text: "She's never been violent.", selfHarm: false, partnerDanger: false, note: 'negation between the partner and the word' },
  { text: "He isn't abusive, just distant.", selfHarm: false, partnerDanger: false, note: 'negation between the partner and the word' },
  { text: 'He has never threatened me.', selfHarm: false, partnerDanger: false, note: 'negation right before the phrase' },
  { text: "I don't know why he threatened me like that.", selfHarm: false, partnerDanger: true, note: 'a negation further back does not count' },
  { text: "I'm scared she'll hurt me again.", selfHarm: false, partnerDanger: true, note: 'fear of being hurt is flagged even though it may mean emotional hurt' },
  { text: 'He hit me and now I want to die.', selfHarm: true, partnerDanger: true },
  { text: 'My boyfriend threatened to kill himself if I leave.', selfHarm: false, partnerDanger: true, note: 'a suicide threat used to stop someone leaving is a form of coercion' },
];

/**
 * What screening gets wrong, labelled with the TRUE answer. Kept out of CRISIS_CASES so that the
 * figures stay honest; `scripts/crisis-eval.ts` reports them separately, and a test fails when one
 * starts passing, so it can move into the lists above.
 */
export const KNOWN_LIMITS: readonly CrisisCase[] = [
  { text: 'I keep picturing my own funeral and feeling relieved.', selfHarm: true, partnerDanger: false, note: 'missed: said indirectly' },
  { text: 'I bought a rope.', selfHarm: true, partnerDanger: false, note: 'missed: means named without intent' },
  { text: "He's going to hurt me, I can tell.", selfHarm: false, partnerDanger: true, note: 'missed: future harm with no fear word or condition' },
  { text: "My ex said she'd kill me at tennis next time.", selfHarm: false, partnerDanger: false, note: 'over-flagged: playful "she\'d kill me"' },
  { text: 'She punched me playfully on the arm.', selfHarm: false, partnerDanger: false, note: 'over-flagged: play' },
  { text: "I'd kill myself if I had to redo that exam.", selfHarm: false, partnerDanger: false, note: 'over-flagged on purpose: hyperbole and ideation read the same' },
];

/** Every case above with its expected screening. */
export const CRISIS_CASES: readonly CrisisCase[] = [
  ...SELF_HARM_PHRASES.map((text) => ({ text, selfHarm: true, partnerDanger: false })),
  ...PARTNER_DANGER_PHRASES.map((text) => ({ text, selfHarm: false, partnerDanger: true })),
  ...EVERYDAY_PHRASES.map((text) => ({ text, selfHarm: false, partnerDanger: false })),
  ...DECIDED_CASES,
];

export type Category = keyof Screening;
export const CATEGORIES: readonly Category[] = ['selfHarm', 'partnerDanger'];

export interface CategoryFigures {
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  trueNegatives: number;
  /** NaN when nothing was flagged. */
  precision: number;
  /** NaN when nothing should have been flagged. */
  recall: number;
}

/** Screens every labelled text and counts, per category, hits, misses and false alarms. */
export function measureScreening(cases: ReadonlyArray<Pick<CrisisCase, 'text' | 'selfHarm' | 'partnerDanger'>>): Record<Category, CategoryFigures> {
  const figures = {} as Record<Category, CategoryFigures>;
  for (const category of CATEGORIES) {
    figures[category] = { truePositives: 0, falseNegatives: 0, falsePositives: 0, trueNegatives: 0, precision: NaN, recall: NaN };
  }
  for (const c of cases) {
    const got = screenText(c.text);
    for (const category of CATEGORIES) {
      const f = figures[category];
      if (c[category]) got[category] ? f.truePositives++ : f.falseNegatives++;
      else got[category] ? f.falsePositives++ : f.trueNegatives++;
    }
  }
  for (const category of CATEGORIES) {
    const f = figures[category];
    f.precision = f.truePositives / (f.truePositives + f.falsePositives);
    f.recall = f.truePositives / (f.truePositives + f.falseNegatives);
  }
  return figures;
}

/** One line of content/examples/coach-examples.jsonl. */
export interface CoachExample {
  text: string;
  context: string;
  flag: boolean;
  kinds: string[];
  crisis: null | 'self_harm' | 'partner_danger';
}

/** A coach example as a labelled crisis case. */
export function exampleAsCase(example: CoachExample): CrisisCase {
  return { text: example.text, selfHarm: example.crisis === 'self_harm', partnerDanger: example.crisis === 'partner_danger' };
}
