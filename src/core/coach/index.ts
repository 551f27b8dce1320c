/**
 * The "I"-statement coach: reads a message (or an apology) and points at wording that tends to
 * start a fight instead of a conversation — blame, absolutes, character attacks, mind reading,
 * contempt, vague complaints, demands to monitor or restrict, and excuses inside apologies — and,
 * where it can, proposes a rewrite shaped "I feel … when … because … Could we …?" that keeps the
 * specific behaviour. The same code runs on the server (POST /api/v1/coach/analyze) and in the
 * browser as one types (src/web/components/coach/CoachedText.tsx imports it dynamically).
 *
 * Pure and dependency-free apart from the crisis screening (src/core/safety), which runs on the
 * same text. Nothing is stored or logged. Figures and the choice of rules over an NLP library:
 * docs/decisions/023-the-coach.md; `npm run eval:coach` prints them.
 *
 * Flow: lower-case the text and blank out quoted speech (offsets stay the same), run RULES
 * (rules.ts), then drop matches that are praise ("you always make me laugh"), blame described
 * inside an I-statement ("I felt hurt when you forgot…"), general complaints that do name an
 * occasion, and mind reading asked as a question; merge overlapping spans of one kind.
 *
 * @example
 *   analyze('You never tell me where you are.').findings.map((f) => f.kind)  // ['absolute', 'accusation']
 *   analyze('You always make me laugh.').findings                          // []
 */
import { screenText } from '../safety/crisis-screening.ts';
import { I_FRAME, POSITIVE, RULES, SPECIFIC } from './rules.ts';
import type { Analysis, CoachContext, CoachCrisis, Finding, FindingKind } from './types.ts';

export { FINDING_KINDS } from './types.ts';
export type { Analysis, CoachContext, CoachCrisis, Finding, FindingKind } from './types.ts';

/** The plain explanation shown with each finding. */
export const FINDING_MESSAGES: Record<FindingKind, string> = {
  accusation: 'This puts the blame on your partner, which often makes people defend themselves rather than listen. You could describe what happened and how it felt for you.',
  absolute: 'Words like “always” and “never” turn one moment into a verdict on everything, and the talk can drift to the exceptions. You could name the specific time instead.',
  character_attack: 'This describes who your partner is rather than something they did. A specific behaviour is easier to hear — and to change.',
  mind_reading: 'This says what your partner thinks, feels or intends. Only they know that for sure — you could say what you noticed and ask them.',
  contempt: 'Sarcasm or a put-down can sting more than the point you want to make. You could say plainly what you need.',
  vague: 'This is a big, general complaint. Naming one specific moment makes it easier for your partner to understand what you mean and respond.',
  control: 'This asks to watch or limit your partner. Feeling insecure makes sense; you could say what you feel and ask for something you can agree on together.',
  excuse: 'A “but”, an “if” or “you feel” can take an apology back. A full apology names what you did and how it affected them, without conditions.',
};

/** Lower-case without changing length, and blank out text inside quotation marks (quoted speech). */
export function prepare(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const c = lower.length === ch.length ? lower : ch;
    out += c === '’' || c === '‘' ? "'" : c;
  }
  // Quoted speech: "…", “…”. Single quotes are apostrophes too often to treat as quotes.
  return out.replace(/"[^"\n]{1,300}"|“[^”\n]{1,300}”/g, (m) => ' '.repeat(m.length));
}

function sentenceAround(s: string, start: number, end: number): { from: number; text: string } {
  let from = start;
  while (from > 0 && !/[.!?;\n]/.test(s[from - 1]!)) from--;
  let to = end;
  while (to < s.length && !/[.!?;\n]/.test(s[to]!)) to++;
  if (to < s.length) to++;
  return { from, text: s.slice(from, to) };
}

const NEVER_NEGATIVE = /\bnever\s+(?:fail|have\s+to\s+(?:ask|worry|wonder)|\w+\s+anything\s+(?:mean|bad|wrong|unkind|hurtful)|let\s+me\s+down|disappoint|judge|complain|give\s+up\s+on|stop\s+(?:making|surprising|trying|caring)|forget\s+(?:to\s+)?(?:kiss|hug|say|thank|call)|make\s+me\s+feel\s+(?:bad|small|stupid|alone))/;
const NEVER_WORD = /\b(?:never|no\s+longer)\b/;
/** Teasing said with affection: "you're so lazy on Sundays and I love it". */
const AFFECTIONATE = /\b(?:and\s+i\s+love\s+(?:it|that|you)|i\s+love\s+that\s+about\s+you|in\s+a\s+good\s+way|haha+|lol)\b|😂|😄|😘/u;
/** A request that leaves the choice with the partner is not a demand. */
const CONSENT = /\b(?:only\s+if\s+you(?:'re|\s+are)\s+(?:comfortable|ok|okay|happy)|if\s+you(?:'re|\s+are)\s+(?:comfortable|ok|okay|happy)\s+with|no\s+pressure|totally\s+up\s+to\s+you)\b/;
const YES_NO_QUESTION = /^\s*(?:do|does|did|would|could|are|were|is|can|will|should|have|has)\b[^]*\?\s*$/;

function keep(s: string, kind: FindingKind, start: number, end: number): boolean {
  const { from, text: sentence } = sentenceAround(s, start, end);
  const before = s.slice(from, start);
  if (kind === 'absolute') {
    const matched = s.slice(start, end);
    if (NEVER_WORD.test(matched) || (/\bnever\b/.test(sentence) && !/\balways|every\b/.test(matched))) {
      if (NEVER_NEGATIVE.test(sentence)) return false;
    } else if (POSITIVE.test(sentence)) return false;
  }
  if (kind === 'accusation') {
    if (I_FRAME.test(before)) return false;
    // "you never …" praise: "you never let me down"
    if (NEVER_NEGATIVE.test(sentence)) return false;
    if (POSITIVE.test(sentence) && /\b(?:always|every\s+time|whenever|constantly)\b/.test(sentence)) return false;
  }
  if ((kind === 'accusation' || kind === 'absolute') && /^\s*(?:did|do|have|are)\s+you\b/.test(sentence) && sentence.trimEnd().endsWith('?') && !/\b(?:even|bother|ever|again\s+and\s+again)\b/.test(sentence)) return false;
  if (kind === 'character_attack' && AFFECTIONATE.test(sentence)) return false;
  if (kind === 'control' && CONSENT.test(s)) return false;
  if (kind === 'vague' && SPECIFIC.test(sentence)) return false;
  if (kind === 'mind_reading' && YES_NO_QUESTION.test(sentence)) return false;
  return true;
}

function findingsIn(s: string, context: CoachContext): Finding[] {
  const found: Finding[] = [];
  for (const rule of RULES) {
    if (rule.context && rule.context !== context) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(s); m; m = rule.re.exec(s)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      // Trim leading punctuation/space captured by "(?:^|[.!?]\s*)" style anchors.
      const lead = m[0].length - m[0].replace(/^[\s.!?]+/, '').length;
      const start = m.index + lead;
      const end = m.index + m[0].replace(/[\s,]+$/, '').length;
      for (const kind of [rule.kind, ...(rule.also ?? [])]) {
        if (keep(s, kind, start, end)) found.push({ kind, start, end, message: FINDING_MESSAGES[kind] });
      }
    }
  }
  // In an apology, blame-shifting is the excuse, not a separate accusation.
  const hasExcuse = found.some((f) => f.kind === 'excuse');
  const kept = hasExcuse ? found.filter((f) => f.kind !== 'accusation' || !found.some((e) => e.kind === 'excuse' && e.start <= f.start && f.start <= e.end + 40)) : found;
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const f of kept) {
    const same = merged.find((g) => g.kind === f.kind && f.start < g.end && g.start < f.end);
    if (same) same.end = Math.max(same.end, f.end);
    else merged.push({ ...f });
  }
  return merged;
}

function crisisOf(text: string): CoachCrisis {
  const s = screenText(text);
  if (s.partnerDanger) return 'partner_danger';
  if (s.selfHarm) return 'self_harm';
  return null;
}

const PAST = /\b(?:didn't|did|made|forgot|broke|left|lied|said|told|went|came|stood|blew|walked|hung|cut|wasn't|weren't|\w{3,}ed)\b/;

function tidyBehaviour(b: string): string {
  return b
    .replace(/\b(?:always|constantly|forever|continually|perpetually)\s+/g, '')
    .replace(/\s*\b(?:every\s+(?:single\s+)?(?:time|day|night)|all\s+the\s+time|again|even|completely|totally|just)\b/g, '')
    .replace(/\byou've\s+never\b/g, 'you haven’t')
    .replace(/\byou\s+never\s+have\b/g, 'you don’t have')
    .replace(/\byou\s+never\s+(\w+)ed\b/g, 'you didn’t $1')
    .replace(/\byou\s+never\b/g, 'you don’t')
    .replace(/\byou(?:'re|\s+are)\s+never\b/g, 'you aren’t')
    .replace(/\byou\s+do\s+nothing\b/g, 'you don’t pitch in')
    .replace(/\byou\s+did\s+nothing\b/g, 'you didn’t pitch in')
    .replace(/\s+(?:and|,)\s*you\s+know\s+it\b/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const FEELING: Partial<Record<FindingKind, string>> = { accusation: 'hurt', absolute: 'frustrated', control: 'anxious', mind_reading: 'unsure' };

function clean(candidate: string, context: CoachContext): boolean {
  return findingsIn(prepare(candidate), context).length === 0;
}

function suggestionFor(text: string, s: string, findings: Finding[], context: CoachContext): string | null {
  if (findings.length === 0) return null;
  const first = findings[0]!;
  const generic = 'I feel … when … because … Could we …?';

  if (findings.some((f) => f.kind === 'excuse')) {
    const own = /\bsorry\s+(?:that\s+|for\s+(?:the\s+way\s+)?)?(i\s+[^,.!?]{3,80}?)(?=\s*,?\s*(?:but|if)\b|[.!?]|$)/.exec(s);
    const opening = own ? `I’m sorry ${text.slice(own.index + own[0].length - own[1]!.length, own.index + own[0].length).replace(/^i\b/, 'I')}.` : 'I’m sorry for what I did.';
    const candidate = `${opening} I can see it hurt you, and that’s on me. Next time I’ll …`;
    return clean(candidate, context) ? candidate : 'I’m sorry for what I did. I can see it hurt you, and that’s on me. Next time I’ll …';
  }

  if (first.kind === 'control') {
    const candidate = /where\s+you\s+are|location|photo|picture/.test(s)
      ? 'I feel anxious when I don’t know where you are, because I start to worry. Could we agree together on a way to check in that feels fair to both of us?'
      : 'I feel anxious when …, because … Could we talk about what would help me feel more secure, in a way that feels fair to you too?';
    return candidate;
  }

  const behaviourKinds: FindingKind[] = ['accusation', 'absolute'];
  const anchor = findings.find((f) => behaviourKinds.includes(f.kind));
  if (anchor) {
    const { from, text: sentence } = sentenceAround(s, anchor.start, anchor.end);
    const you = sentence.search(/\byou\b/);
    if (you >= 0) {
      const raw = text.slice(from + you, from + sentence.length).replace(/[.!?;\s]+$/, '');
      const behaviour = tidyBehaviour(raw.replace(/^you\b/i, 'you').replace(/^(\w)/, (c) => c.toLowerCase()));
      if (behaviour.split(/\s+/).length >= 2 && behaviour.length <= 200) {
        const feel = PAST.test(behaviour) ? 'felt' : 'feel';
        const feeling = FEELING[anchor.kind] ?? 'hurt';
        const candidate = `I ${feel} ${feeling} when ${behaviour}, because it matters to me. Could we talk about what would help next time?`;
        if (clean(candidate, context)) return candidate;
      }
    }
  }
  const feeling = FEELING[first.kind];
  const candidate = feeling ? `I feel ${feeling} when … because … Could we …?` : generic;
  return candidate;
}

/** Analyses one message or apology. Pure: nothing is stored, nothing leaves the caller. */
export function analyze(text: string, context: CoachContext = 'message'): Analysis {
  const s = prepare(text);
  const findings = findingsIn(s, context);
  return { findings, crisis: crisisOf(text), suggestion: suggestionFor(text, s, findings, context) };
}
