/**
 * The phrase patterns behind crisis screening (`crisis-screening.ts` is the public face; the
 * reasoning about what is flagged, and why negation is treated as it is, lives there).
 *
 * Speed: a text is normalised in one pass, then ONE scan looks for anchors — word beginnings that
 * every match of a rule must contain ("hit", "suic", "of what", …) — and only the rules whose
 * anchors turned up are run, each only over the stretch of text around those anchors (REACH).
 * Ordinary journal text wakes up a handful of rules at most.
 *
 * The anchors are part of each rule: if a rule is changed so that it can match without one of its
 * anchors, it silently stops firing. `crisis-patterns.test.ts` checks every rule's anchors against
 * every phrase it matches in the case lists, and that every rule matches at least one of them.
 */

/**
 * Lower-case, accents stripped, apostrophes removed ("don't" → "dont", "he'll" → "hell", so one
 * pattern covers straight, curly and missing apostrophes), hyphens and other symbols → space,
 * sentence punctuation kept as its own token (" . " / " , ") so that patterns and the negation check
 * never reach across a sentence, whitespace collapsed, one space at each end.
 *
 * A single pass over the characters: a chain of `replace` calls costs several times more on long text.
 */
export function normalise(text: string): string {
  // NFKD splits "é" into "e" + a combining accent (dropped below) and folds full-width letters.
  const s = (NON_ASCII.test(text) ? text.normalize('NFKD') : text).toLowerCase();
  if (buffer.length < s.length * 3 + 2) buffer = new Uint16Array(s.length * 3 + 2);
  const out = buffer;
  let n = 0;
  out[n++] = SPACE;
  let atSpace = true;
  let lastPunct = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const kind = CLASS[c] ?? 0;
    if (kind === KEEP) {
      out[n++] = c;
      atSpace = false;
      lastPunct = 0;
    } else if (kind !== DROP) {
      if (!atSpace) out[n++] = SPACE;
      atSpace = true;
      if (kind !== SEPARATE && kind !== lastPunct) {
        out[n++] = kind === END ? DOT : COMMA;
        out[n++] = SPACE;
        lastPunct = kind;
      }
    }
  }
  if (!atSpace) out[n++] = SPACE;
  return UTF16.decode(out.subarray(0, n));
}

const NON_ASCII = /[^\x00-\x7f]/;
const SPACE = 32;
const DOT = 46;
const COMMA = 44;
// What each UTF-16 code unit becomes: kept (a-z, 0-9), dropped (apostrophes, combining accents),
// a sentence end, a clause break, or (everything else) a word separator.
const SEPARATE = 0;
const KEEP = 1;
const DROP = 2;
const END = 3;
const BREAK = 4;
const CLASS = new Uint8Array(0x10000);
const mark = (chars: string, kind: number) => {
  for (const ch of chars) CLASS[ch.charCodeAt(0)] = kind;
};
mark('abcdefghijklmnopqrstuvwxyz0123456789', KEEP);
mark("'\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", DROP);
CLASS.fill(DROP, 0x300, 0x370);
mark('.!?;:\u2026', END);
mark(',\u2013\u2014()[]{}"\u201c\u201d\u201e\u00ab\u00bb', BREAK);

/** Turning the code units back into a string this way is several times faster than concatenating. */
const UTF16 = new TextDecoder('utf-16le');
/** Reused between calls (decode copies out of it); grows for long texts. */
let buffer = new Uint16Array(8192);

// ---------------------------------------------------------------------------------------------
// Matching

export interface Rule {
  /** Word beginnings, at least one of which occurs in any text the rule matches. */
  anchors: readonly string[];
  re: RegExp;
  /** Suppress a match when a negation is among the two words before it (partner danger only). */
  negatable: boolean;
}

/**
 * Rule lists by category, behind one anchor scan: the scan notes which anchors occur, then only the
 * rules woken by them run, each category stopping at its first match.
 */
export class PhraseMatcher<K extends string> {
  readonly rules: Readonly<Record<K, readonly Rule[]>>;
  readonly #categories: readonly K[];
  readonly #gate: RegExp;
  /** Per category, per rule: the gate's anchors that wake it (anchors reduced to a prefix-free set). */
  readonly #wakers: Readonly<Record<K, ReadonlyArray<readonly string[]>>>;

  constructor(rules: Record<K, readonly Rule[]>) {
    this.rules = rules;
    this.#categories = Object.keys(rules) as K[];
    const all = [...new Set(this.#categories.flatMap((k) => rules[k].flatMap((r) => r.anchors)))];
    // Prefix-free: "kil" stands for "kill" too, so at any word start at most one anchor can match.
    const minimal = all.filter((a) => !all.some((b) => b !== a && a.startsWith(b)));
    const reduce = (a: string) => minimal.find((m) => a.startsWith(m)) ?? a;
    const wakers = {} as Record<K, Array<readonly string[]>>;
    for (const k of this.#categories) wakers[k] = rules[k].map((r) => [...new Set(r.anchors.map(reduce))]);
    this.#wakers = wakers;
    // A lookahead, so that an anchor of several words ("i cut") does not hide one inside it ("cut").
    this.#gate = new RegExp(`\\b(?=(${minimal.join('|')}))`, 'g');
  }

  /** Which categories match the normalised text. */
  test(text: string): Record<K, boolean> {
    // Where each anchor first and last occurs.
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    const gate = this.#gate;
    gate.lastIndex = 0;
    for (let m = gate.exec(text); m; m = gate.exec(text)) {
      const anchor = m[1]!;
      if (!first.has(anchor)) first.set(anchor, m.index);
      last.set(anchor, m.index);
      gate.lastIndex = m.index + 1;
    }
    const result = {} as Record<K, boolean>;
    for (const k of this.#categories) result[k] = first.size > 0 && this.#anyRule(text, this.rules[k], this.#wakers[k], first, last);
    return result;
  }

  #anyRule(text: string, rules: readonly Rule[], wakers: ReadonlyArray<readonly string[]>, first: Map<string, number>, last: Map<string, number>): boolean {
    for (let i = 0; i < rules.length; i++) {
      // Only the stretch of text from REACH before the rule's first anchor to REACH after its last.
      let from = Infinity;
      let to = -1;
      for (const a of wakers[i]!) {
        const f = first.get(a);
        if (f === undefined) continue;
        from = Math.min(from, f);
        to = Math.max(to, last.get(a)!);
      }
      if (to < 0) continue;
      const start = from <= REACH ? 0 : text.lastIndexOf(' ', from - REACH);
      const end = to + REACH >= text.length ? text.length : text.indexOf(' ', to + REACH) + 1;
      const part = start === 0 && end === text.length ? text : text.slice(start, end);
      const rule = rules[i]!;
      if (!rule.negatable) {
        if (rule.re.test(part)) return true;
        continue;
      }
      for (const m of allMatches(rule.re, part)) if (!negatedBefore(part, m.index)) return true;
    }
    return false;
  }
}

/**
 * How far, in characters, a match may reach on either side of the anchor it contains (patterns
 * span a handful of words; 200 characters leaves a wide margin). The stretch a rule searches is cut
 * at spaces, so no word is split.
 */
const REACH = 200;

/** Every match of a global regex (`matchAll` would clone the regex on each call, which costs more than the search). */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) found.push(m);
  return found;
}

const NEGATION = /\b(?:not|never|dont|doesnt|didnt|isnt|wasnt|arent|werent|wont|wouldnt|hasnt|havent|hadnt|cant|couldnt|shouldnt|nobody|no longer|no one)\b/;

/** True when one of the (at most) two words before `index`, within the same clause, negates. */
function negatedBefore(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index).trimEnd().split(' ');
  const words: string[] = [];
  for (let i = before.length - 1; i >= 0 && words.length < 2; i--) {
    const w = before[i] ?? '';
    if (w === '.' || w === ',' || w === '') break;
    words.unshift(w);
  }
  return NEGATION.test(words.join(' '));
}

/** A rule that flags on any match. Non-global, so `test` keeps no state between calls. */
function plain(anchors: readonly string[], source: string): Rule {
  return { anchors, re: new RegExp(source), negatable: false };
}
/** A partner-danger rule; when negatable, global so that every match can be checked. */
function rule(anchors: readonly string[], source: string, negatable = false): Rule {
  return negatable ? { anchors, re: new RegExp(source, 'g'), negatable } : plain(anchors, source);
}

// Building blocks. Every pattern runs on normalised text: lower-case words separated by single
// spaces, no apostrophes ("I'm" → "im", "he'll" → "hell"), " . " and " , " between clauses.

const NEG = '(?:not|never|dont|doesnt|didnt|isnt|wasnt|arent|werent|wont|wouldnt|hasnt|havent|hadnt|cant|couldnt|shouldnt|no)';
/** Any one word that is not a negation. */
const W = `(?!${NEG}\\b)[a-z]+`;
/** "myself", "my self" and a couple of common slips. */
const MYSELF = '(?:my ?(?:self|slef|sefl|selfe)|myslef|mysefl)';

const PARTNER_NOUN =
  '(?:partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|fiance|fiancee|spouse|other half|significant other|ex(?: (?:husband|wife|boyfriend|girlfriend|partner))?)';
/** The person who might be dangerous, with the contractions apostrophe removal leaves ("hes", "shed", "theyve"). */
const SUBJ = `(?:(?:he|she|they)(?:s|d|ll|ve|re)?|my ${PARTNER_NOUN})`;
/** The same person as an object: "afraid of him". */
const OBJ = `(?:him|her|my ${PARTNER_NOUN})`;
/** Words that may sit between the person and what they did ("he has just hit me again"). Never a negation. */
const FILLER =
  '(?: (?:has|had|have|just|again|then|also|even|actually|literally|once|twice|sometimes|often|always|would|will|used to|tried to|started to|started|almost|nearly|really|physically|repeatedly|finally|suddenly|did|does|was|is|keeps|kept|still|been))*';
/** Future or possibility: "he'll" (→ "hell", read as "he" + "ll"), "she is going to", "they might". */
const FUT = '(?: ?ll| ?d| will| might| could| would| may| gonna| wants to| want to|(?:s| is|re| are| was| were) (?:going to|gonna|about to|trying to))';
/** Objects a blow can come with; any other "hit me with …" is an idiom ("hit me with the news"). */
const HARD_OBJECT = '(?:belt|fist|bottle|shoe|phone|pan|stick|bat|hand|chair|remote|plate|glass|cup|hammer|book|cord|cable|knife|gun|hanger|lamp|pot|mug|bowl)';
/** What may follow "hit me" and keep its literal sense: not "hit me up", "hit me with an idea", "hit me where it hurts". */
const HIT_TAIL = `(?! up\\b| where it hurts| back\\b(?! (?:hard|harder|so hard|in|across))| with(?! (?:a|an|his|her|their|the)(?: [a-z]+)? ${HARD_OBJECT}))`;
/** Who is harmed. */
const VICTIM = `(?:me|us|the (?:kids|children|baby)|my (?:kids|children|baby|son|daughter)|our (?:kids|children|baby|son|daughter))\\b${HIT_TAIL}`;
const HARM_VERB = '(?:hurt|kill|hit|harm|attack|beat|choke|strangle|rape|stab|shoot|punch|slap|kick|murder)';
const FEAR = '(?:afraid|scared|terrified|frightened|fear|fearful|feared|worried|petrified)';
const HARM_ANCHORS = ['hurt', 'kill', 'hit', 'harm', 'attack', 'beat', 'chok', 'strangl', 'rap', 'stab', 'shoot', 'punch', 'slap', 'kick', 'murder'];

/** Physical acts against "me", each with the everyday uses it must not catch. */
const ACT_ON_ME = [
  `hit(?:s|ting)? me\\b${HIT_TAIL}`,
  'slap(?:s|ped|ping)? me\\b',
  'smack(?:s|ed|ing)? me\\b',
  'punch(?:es|ed|ing)? me\\b',
  'kick(?:s|ed|ing)? me\\b(?! out| off| under the table| in (?:his|her|their) sleep)',
  'shov(?:e|es|ed|ing) me\\b',
  'knock(?:s|ed|ing)? me (?:down|out|over|to the (?:ground|floor)|unconscious)',
  'push(?:es|ed|ing)? me\\b(?! away| aside| to\\b| towards?\\b| too\\b| forward| harder| further| past| beyond| around| out of my comfort| into (?:doing|it|this|that|therapy|a corner|trying))',
  'chok(?:e|es|ed|ing) me\\b(?! up)',
  'strangl(?:e|es|ed|ing) me\\b',
  'beat(?:s|en|ing)? me(?= (?:\\.|,|up|badly|black|senseless|so|until|til|when|whenever|every|if|and|$))',
  'bit(?:e|es|ing)? me\\b',
  'stab(?:s|bed|bing)? me\\b',
  'burn(?:s|ed|t|ing)? me with',
  'spit(?:s|ting)? (?:on|at) me|spat (?:on|at) me',
  'assault(?:s|ed|ing)? me\\b',
  'physically (?:hurt|hurts|hurting|attacked|attacks|harmed|harms) me\\b',
  'attack(?:s|ed|ing)? me physically',
  '(?:grab|grabs|grabbed|grabbing) me by (?:the|my) (?:throat|neck|hair|arm|arms|wrist|wrists|face|shoulders)',
  '(?:grab|grabs|grabbed|grabbing|squeez(?:e|es|ed|ing)) my (?:throat|neck)',
  '(?:pull|pulls|pulled|pulling) my hair',
  '(?:pin|pins|pinned|pinning) me (?:down|against|to)\\b|(?:hold|holds|held|holding) me down',
  '(?:shook|shakes|shaking) me\\b(?! (?:up|awake|to the core))',
  '(?:throw|throws|threw|thrown|throwing) me (?:against|down|across|into|onto|on the|to the|out of bed)',
  '(?:drag|drags|dragged|dragging) me (?:across|by|down the|out of bed|along)',
  '(?:throw|throws|threw|throwing) (?:things|something|stuff|objects|a (?:glass|plate|bottle|chair|phone|knife|lamp|mug|shoe)) at me',
  '(?:lock|locks|locked|locking) me out of (?:the|our|my) (?:house|flat|apartment|home)',
  'cut(?:s|ting)? me with',
  '(?:lock|locks|locked|locking) me (?:in|inside) (?:the|a|our|his|her|my) ?(?:room|bedroom|bathroom|house|flat|apartment|car|closet|basement|garage|cupboard)',
  '(?:put|puts|putting) (?:his|her|their) hands? (?:around|on) my (?:throat|neck)',
].join('|');
const ACT_ANCHORS = ['cut', 'hit', 'slap', 'smack', 'punch', 'kick', 'shov', 'knock', 'push', 'chok', 'strangl', 'beat', 'bit me', 'bite', 'bites', 'biting', 'stab', 'burn', 'spit', 'spat', 'assault', 'physically', 'attack', 'grab', 'squeez', 'pull', 'pin me', 'pins me', 'pinned me', 'pinning me', 'hold', 'held', 'shook', 'shak', 'throw', 'threw', 'drag', 'lock', 'hands'];

/**
 * Words that start a clause before "hit me" / "pushed me" in their everyday senses, or that are not
 * a person at all; any other single word there is read as someone's name.
 */
const NAME_EXCLUDED =
  '(?:it|its|that|thats|this|what|which|who|reality|realisation|realization|then|suddenly|finally|and|but|so|or|something|everything|nothing|anything|panic|anxiety|grief|sadness|exhaustion|tiredness|fatigue|jetlag|nostalgia|guilt|shame|fear|loneliness|depression|emotion|emotions|memories|memory|music|life|work|stress|pressure|fate|karma|tears|news|truth|sleep|hunger|heat|cold|rain|wind|sunlight|light|wave|waves|thoughts|thought|words|everyone|everybody|somebody|someone|people|therapy|parenting|you|we|i|im|ive|id|also|just|really|even|when|once|again|please|dont|lol|haha|ok|okay|oh|wow|yes|no|yeah|well|now|today|tonight|yesterday|later|still|because|if|as|cos|cause|the|a|an|my|your|our|their|his|her)'
/** "I'd rather die than …" is usually hyperbole (karaoke, that jacket) — but not before these. */
const DISTRESS_AFTER_THAN = '(?:go through|live|living|be alone|be without|lose|losing|feel|feeling|face|keep|carry on|deal)';

/** Figures of speech after "cut / hurt / kill … myself" ("cut myself some slack", "killing myself laughing"). */
const SELF_IDIOM_TAIL =
  '(?! (?:some slack|a break|a bit of slack|off|short|out of|loose|free|laughing|by (?:checking|staying|looking|reading|thinking|overthinking|comparing|holding|going back|letting|trying|waiting|scrolling)))';

export const SELF_HARM_RULES: readonly Rule[] = [
  // Wanting, planning or struggling not to hurt oneself: "I want to cut myself", "I keep hurting myself".
  plain(['hurt', 'harm', 'cut', 'burn', 'hit', 'kil', 'hang'],
    `\\b(?:want(?:ed|ing)? to|wanna|going to|gonna|thinking (?:about|of)|think about|thought about|thoughts of|urges? to|feel like|tempted to|might|will|trust myself not to|keep|kept|started|start|stopped|stop|used to|tried to|try to|trying to|plan(?:ning)? to|need to|deserve to|about to) (?:just |really |actually )?(?:hurt(?:ing)?|harm(?:ing)?|cut(?:ting)?|burn(?:ing)?|hit(?:ting)?|kill(?:ing)?|hang(?:ing)?) ${MYSELF}\\b${SELF_IDIOM_TAIL}`,
  ),
  // "kill myself", but not "killing myself at work / trying to …".
  plain(['kil'], `\\bkil?l(?:s|ed|ing)? ${MYSELF}\\b${SELF_IDIOM_TAIL}(?! (?:trying|to (?:finish|get|make|keep|please|meet)|at (?:work|the gym)|over (?:this|that|work)|working|studying|for (?:this|that|nothing|work)))`),
  plain(['unaliv', 'kms'], '\\bunaliv(?:e|ing|ed)\\b|(?<![0-9] )\\bkms\\b'),
  plain(['hang', 'hung'], `\\b(?:hang|hanging|hanged|hung) ${MYSELF}\\b`),
  // Self-harm named, and acts that are only rarely accidents or idioms once those are excluded.
  plain(['self', 'harm'], `\\bself (?:harm|harming|harmed|injury|injure|injuring|mutilation)|\\bselfharm|\\bharm(?:s|ed|ing)? ${MYSELF}\\b`),
  plain(['cut'],
    `\\bcut(?:s|ting)? ${MYSELF}\\b${SELF_IDIOM_TAIL}(?! (?:shaving|cooking|chopping|slicing|peeling|opening|gardening|on\\b|while|by accident|accidentally|in the kitchen))`,
  ),
  plain(['hurt'],
    `\\bhurt(?:s|ing)? ${MYSELF}\\b${SELF_IDIOM_TAIL}(?! (?:playing|running|lifting|falling|skiing|training|working out|exercising|at (?:the gym|work|football|practice)|by accident|accidentally|on (?:the|a)|in the (?:gym|garden|kitchen)|slipping|tripping|when i (?:fell|tripped|slipped)|moving))`,
  ),
  plain(['hit'], `\\bhit(?:s|ting)? ${MYSELF}\\b(?! (?:on|in the|with the door|by accident|accidentally))`),
  // Suicide, minus the figures of speech ("career suicide", "Suicide Squad").
  plain(['suic', 'sucid', 'suis'],
    '(?<!(?:career|political|social|commercial|professional|fashion|financial|electoral) )\\b(?:suicid\\w*|suicde|sucide|suicdal|sucidal|suiside|suisidal)\\b(?! squad| doors?\\b)',
  ),
  // Ending one's life.
  plain(['end my', 'ends my', 'ended my', 'ending my', 'end it all', 'ending it all', 'end everything', 'ending everything'], '\\b(?:end|ends|ended|ending) (?:my (?:own )?life|it all|everything|my (?:own )?existence)\\b'),
  plain(['life'], '\\btak(?:e|ing|en) my (?:own life|life\\b(?! back| in\\b| into| to\\b| seriously| forward| more| one day| step| apart| away from| easy))|\\btook my own life'),
  // Wishing to die or not to be alive — minus hyperbole ("I wanted to die of embarrassment").
  plain(['die', 'dying'],
    '\\b(?:want(?:ed|ing)?|wanna|wish i could|ready to|deserve to|prefer to|i should) (?:to )?(?:just |really |simply )?die\\b(?! (?:of|from|laughing|alone|happy|old|doing|trying|in (?:peace|my sleep|your arms)|with you|next to))|\\bfeel like dying\\b',
  ),
  plain(['dead'], `\\b(?:want(?:ed)? to be|wish i (?:was|were)|id be|i would be|better off|rather be) dead\\b(?! (?:tired|than(?! ${DISTRESS_AFTER_THAN})|serious|on|wrong|set|center|centre|last|ahead))`),
  plain(['die'], `\\b(?:id|i would|i) rather die\\b(?! than(?! ${DISTRESS_AFTER_THAN}))`),
  plain(['want to', 'wish to'],
    '\\b(?:dont|do not|didnt|did not|no longer)(?: (?:think i|really|even|actually))? (?:want|wish) to (?:be alive|exist|live\\b(?! (?:here|there|in|with|near|like|so|at|on|together|apart|without|alone|far))|wake up|be here any ?more|go on living|keep living|be around any ?more)',
  ),
  plain(['wish'],
    '\\bwish (?:i (?:was|were) ?(?:nt|not)|im not) (?:alive|born|around any ?more|here\\b(?! (?:right now|today|tonight|at|with|in)))|\\bwish i (?:had|d) never been born\\b|\\bwish i (?:was|were) never born|\\bwish i (?:didnt|did not) exist',
  ),
  plain(['wake', 'sleep forever'], '\\b(?:(?:go to )?sleep and (?:never|not) wake up|hope i (?:dont|do not|never) wake up|not wake up tomorrow|never wake up again)|\\bsleep forever\\b'),
  plain(['reason', 'point', 'purpose'],
    '\\b(?:no|not (?:a|one|any)|nothing|zero) (?:single )?(?:reason|reasons|point|purpose) (?:to|in|of) (?:me )?(?:live|living|being alive|stay alive|staying alive|(?:go|going) on\\b(?! (?:with|about|like|and))|keep going\\b(?! (?:with|like)))',
  ),
  plain(['point', 'reason'], '\\b(?:whats|what is|is there|dont see|do not see|cant see|cannot see) (?:any|the|a) (?:point|reason) (?:to|in|of) (?:living|being alive|life|going on|staying alive|keep going|keep living|carry on|carrying on)\\b'),
  plain(['being alive', 'live for', 'worth living', 'of living', 'of being alive', 'with life', 'with living', 'with being alive', 'existing', 'to exist', 'the point any', 'on any', 'going any'],
    '\\bnothing (?:left )?to live for\\b|\\b(?:not|isnt|is not|aint) worth living\\b|\\b(?:tired|sick|weary) of (?:living|being alive)\\b|\\bdone with (?:life|living|being alive)\\b|\\b(?:stop|cease) (?:being alive|existing|to exist)\\b|\\bdont see the point any ?more(?= (?:\\.|,|$))|\\b(?:cant|cannot|can not) (?:go on|keep going) any ?more\\b',
  ),
  plain(['being here', 'be here', 'being around', 'be around', 'being alive', 'be alive', 'miss me', 'burden'], '\\bnot (?:being|be|to be) (?:here|around|alive) any ?more\\b|\\b(?:nobody|no one) would (?:miss me|even miss me)\\b|\\b(?:im|i am|i feel like|feel like) (?:just )?(?:a|such a) burden (?:to|on|for) (?:everyone|everybody|the world|my family|all of them|people)\\b'),
  // The world "better off" without me.
  plain(['if i'],
    '\\b(?:better off|happier|easier|be fine|relieved|care|notice|miss me|matter)(?: [a-z]+){0,3} if i (?:(?:was|were|am|im) (?:dead|gone|not (?:here|around|alive))|(?:wasnt|werent|was not|were not|am not) (?:here|around|alive)|died|disappeared|killed myself|didnt exist|did not exist|never existed|was never born|ended it)\\b',
  ),
  plain(['better', 'happier', 'a better'], '\\b(?:everyone|everybody|the world|world|my family|my kids|my children|people|they|all of them|they all)(?:d| would| will)? (?:be )?(?:better off|happier|a better place|better) (?:without me|with me gone|if i was gone)\\b'),
  // Means.
  plain(['overdos'],
    '\\boverdos(?:e|ed|es|ing)\\b(?! on (?!(?:my |the |all |some |a |those |these |her |his )?(?:pills|meds|medication|medicine|tablets|painkillers|sleeping pills|insulin|drugs|paracetamol|tylenol|acetaminophen|ibuprofen|xanax|heroin|fentanyl|opioids|antidepressants)))',
  ),
  plain(['pill', 'meds', 'tablet', 'painkill'], '\\b(?:take|taking|took|swallow|swallowing|swallowed) (?:all|a bunch|a handful|a lot|too many|the whole (?:bottle|packet|box)|every one) (?:of )?(?:my |the |these |those )?(?:pills|meds|tablets|sleeping pills|painkillers)\\b'),
  plain(['jump', 'throw', 'step'], '\\b(?:jump|jumping|throw myself) (?:off|from) (?:a|the|this) (?:bridge|roof|building|balcony|cliff|window)|\\b(?:jump|jumping|step|stepping|throw myself) in front of (?:a|the) (?:train|car|bus|truck)'),
  plain(['slit'], '\\bslit(?:ting)? my wrists?\\b'),
  // Self-injury described without "myself": "I cut again", "scratched my arms until they bled".
  plain(['i cut', 'i burn', 'i scratch', 'relaps'], '\\bi (?:cut|burned|burnt|scratched) (?:again|my (?:arms?|wrists?|legs?|thighs?|skin|stomach))\\b|\\brelaps(?:e|ed|ing) (?:and|into) (?:cutting|cut|self harm|hurting|burning)'),
  plain(['until', 'till', 'til'], '\\bmy (?:arms?|wrists?|legs?|thighs?|skin)\\b(?: [a-z]+){0,3} (?:until|till|til) (?:it|they|i) (?:bled|bleed|was bleeding|were bleeding)'),
  // Stockpiling means.
  plain(['saved', 'saving', 'stockpil', 'hoard', 'collect', 'how many', 'pills', 'meds', 'tablets', 'painkillers'], '\\b(?:saved|saving|stockpil\\w*|hoard\\w*|collect\\w*) (?:up )?(?:(?:my|some|enough|the) )?(?:pills|meds|tablets|sleeping pills|painkillers)\\b|\\b(?:pills|meds|tablets|painkillers) (?:saved|stashed|stockpiled|hidden|put aside)\\b|\\b(?:the|my) (?:pills|meds|tablets|painkillers) ready\\b|\\bhow many (?:pills|tablets|sleeping pills|painkillers) (?:it would take|would it take|it takes|does it take|would kill|to take)'),
  // Other ways of saying it: ending it, disappearing for good, goodbye letters, not being around.
  plain(['end it', 'ending it'], '\\b(?:feel like|thinking (?:about|of)|think about|thought about|want to|wanna|going to|gonna|ready to|plan(?:ning)? to|might|just) end(?:ing)? it(?= (?:\\.|,|all|tonight|today|now|soon|for good|$))'),
  plain(['it all', 'everything'], '\\b(?:want|need|wish) (?:it all|everything) (?:to|would) (?:stop|end)(?= (?:\\.|,|permanently|forever|for good|$))'),
  plain(['what if'], '\\bwhat if i (?:just )?(?:wasnt|werent|was not|were not) (?:here|around|alive)|\\bwhat if i (?:just )?(?:died|disappeared|was gone|were gone|didnt wake up|never woke up)\\b'),
  plain(['disappear'], '\\bdisappear(?:ing)? (?:forever|for good|and never come back)'),
  plain(['goodbye', 'farewell', 'last letter', 'last note'], '\\b(?:goodbye|farewell) (?:letters?|notes?|messages?)\\b|\\b(?:wrote|write|writing|written) (?:a|my) (?:goodbye|farewell|last) (?:letter|note)'),
  plain(['out of life', 'out of this life', 'living'], '\\bwant out of (?:this )?life\\b|\\bdone living\\b'),
  plain(['be around', 'be here'], '\\b(?:wont|will not|not going to|not gonna) be (?:around|here) (?:much|for much|a lot) longer\\b'),
  plain(['driv', 'crash'], '\\b(?:drive|driving|drove|crash|crashing) (?:my car |the car )?(?:into|off) (?:a|the) (?:wall|tree|river|bridge|cliff|oncoming)'),
];

export const PARTNER_DANGER_RULES: readonly Rule[] = [
  // "he hit me", "she has just shoved me again", "my husband choked me".
  rule(ACT_ANCHORS, `\\b${SUBJ}${FILLER} (?:${ACT_ON_ME})`, true),
  // "he got drunk and hit me", "she screamed then slapped me".
  rule(ACT_ANCHORS, `\\b${SUBJ}(?: ${W}){1,5} (?:and|then|and then) (?:${ACT_ON_ME})`, true),
  // A person named at the start of a clause: "Sam hit me last night", "Alex choked me". Normalising
  // loses capitals, so the words that start the idioms ("it hit me", "reality hit me") are excluded.
  rule(ACT_ANCHORS, `(?:^|[.,]|\\b(?:and|then|but|when|so|until)) (?!${NAME_EXCLUDED}\\b)[a-z]+${FILLER} (?:${ACT_ON_ME})`, true),
  // "my partner hurts me when he's drunk": hurting tied to drink, drugs or rage is read as physical.
  rule(['hurt'], `\\b${SUBJ}${FILLER} (?:hurt|hurts|hurting) ${VICTIM} (?:when|whenever|every time|if) ${SUBJ}(?: (?:is|was|gets|got|get|are|were))? (?:drunk|high|wasted|angry|mad|furious|in a rage|raging|jealous|drinking|using)\\b`, true),
  // "I was hit by him", "I've been choked by my partner".
  rule(['by him', 'by her', 'by my'],
    `\\b(?:i|ive|im)(?: (?:was|got|get|have|had|been|am|being|keep getting|kept getting|just|also|even|repeatedly))* (?:hit|slapped|punched|kicked|choked|strangled|beaten|beat up|shoved|pushed|attacked|assaulted|raped|abused|threatened|physically hurt|hurt physically) by ${OBJ}`,
    true,
  ),
  // Fear of what the person will do: "I'm scared he will hurt me", "afraid that one day she'll kill me".
  rule(HARM_ANCHORS, `\\b${FEAR}(?: ${W}){0,3} ${SUBJ}${FUT}(?:(?: ${W}){1,6} and(?: then)?)?(?: ${W})? ${HARM_VERB} ${VICTIM}`, true),
  rule(HARM_ANCHORS, `\\b(?:i think|i worry|i feel like|i know|i just know)(?: ${W}){0,2} ${SUBJ}${FUT}(?: ${W})? (?:hurt|hit|harm|attack|beat|choke|strangle|rape|stab|shoot|punch|slap|kick) ${VICTIM}`, true),
  rule(['of what'], `\\b${FEAR} of what ${SUBJ}(?:${FUT})? (?:do|does|did|might do|could do|would do) (?:to ${VICTIM}|if i (?:leave|left|go|try to leave|tell))`, true),
  // "afraid of him" — but not "afraid of him leaving" (ordinary insecurity).
  rule(['of him', 'of her', 'of my'], `\\b${FEAR} of ${OBJ}(?= (?:\\.|,|and|but|because|when|sometimes|now|lately|at times|so|too|physically|most of the time|again|every day|these days|whenever|$))`, true),
  rule(['for my life', 'for my safety', 'is in danger'], `\\b${FEAR} for my (?:life|safety)|\\bmy (?:life|safety) is in danger`),
  rule(['safe', 'unsafe'],
    `\\b(?:dont|do not|never|no longer) feel safe (?:at home|in my (?:own )?(?:home|house|bed)|with ${OBJ}|around ${OBJ}|near ${OBJ}|when ${SUBJ} (?:is|gets|comes))|\\b(?:not|never) safe (?:at home|with ${OBJ}|around ${OBJ})|\\bunsafe (?:at home|with ${OBJ}|around ${OBJ}|in my (?:own )?(?:home|house))`,
  ),
  // Threats of harm, from whoever makes them ("threatened to leave me" is not one).
  rule(['threat', 'death'],
    `\\bthreat(?:en|ens|ened|ening) (?:me\\b(?! (?:about|with(?! (?:a|an|his|her|their|the)(?: [a-z]+)? (?:knife|gun|weapon|bat|hammer|belt|fist|bottle))))|my life|to (?:${HARM_VERB}|burn|shoot) |to take (?:the|my|our) (?:kids|children|kid|baby|son|daughter)|to (?:hurt|kill|harm) (?:himself|herself|themselves|themself)|to (?:share|post|send|leak|publish|release) (?:my|our|the) (?:photos|pictures|pics|nudes|videos|intimate))|\\bdeath threats?\\b`,
    true,
  ),
  rule(HARM_ANCHORS, `\\b(?:said|says|told me|tells me|swore|promised|warned me|keeps saying|kept saying) (?:that )?${SUBJ}${FUT}(?: ${W})? ${HARM_VERB} ${VICTIM}`, true),
  rule(HARM_ANCHORS, `\\b${SUBJ}${FUT}(?: ${W})? ${HARM_VERB} ${VICTIM}(?: ${W}){0,2} if i (?:leave|left|go|try to leave|tried to leave|tell|told|call|called|report|break up|end it)\\b`, true),
  // Not letting me leave, go out, see people or call for help.
  rule(['let'],
    `\\b${SUBJ} (?:wont|wouldnt|doesnt|didnt|will not|would not|does not|did not|never lets?|refuses to let|refused to let) (?:let )?me (?:leave(?= (?:\\.|,|him|her|them|the (?:house|flat|apartment|room|relationship)|home|when|and|without|even|alone|$))|go out|out of the house|out of the room|outside|go anywhere|see (?:anyone|my (?:friends|family))|call (?:anyone|my|the police|for help)|have my phone|talk to (?:anyone|my (?:friends|family)))\\b(?! (?:early|work|the office|till|until|before|for work))`,
  ),
  rule(['my key', 'my car', 'my passport', 'my phone', 'my id', 'my document', 'my money'], `\\b(?:takes|took|hides|hid|keeps|kept) my (?:car )?(?:keys|passport|phone|id|documents|money)(?: ${W}){0,3} so (?:that )?i (?:cant|couldnt|cannot|could not|wont be able to) (?:leave|go|call|get out|get help|drive)`),
  // Violence around me: smashing my things, punching walls, weapons.
  rule(['smash', 'destroy', 'threw', 'throw'], `\\b${SUBJ}${FILLER} (?:smash(?:es|ed)?|destroy(?:s|ed)?|threw|throws) my (?:phone|laptop|things|stuff|belongings)\\b`, true),
  rule(['punch', 'kick'], `\\b${SUBJ}${FILLER} (?:punch(?:es|ed)?|kick(?:s|ed)?) (?:a hole in )?(?:the|a) (?:wall|door|window)`, true),
  rule(['gun', 'knife', 'weapon', 'blade'],
    '\\b(?:pulled|pulls|pointed|points|held|holds|aimed|aims|waved|waves) (?:a|his|her|their|the) (?:gun|knife|weapon|blade) (?:on|at|to) (?:me|my)\\b|\\bcame at me with (?:a|his|her|the) (?:knife|gun|bat|hammer|weapon|bottle)',
  ),
  rule(['gun', 'knife', 'weapon'], `\\b(?:has|owns|keeps|bought|got|carries) a (?:gun|knife|weapon)(?: ${W}){0,6} (?:use it|shoot|kill|hurt|threat\\w*)`, true),
  rule(['so hard'], `\\b${SUBJ}${FILLER} (?:grab|grabs|grabbed|grabbing|squeez\\w*|twist\\w*|yank\\w*) my (?:arm|arms|wrist|wrists|hand|neck|throat) so hard|\\bso hard (?:that )?(?:it|i) (?:bruised|left (?:a )?(?:bruises?|marks?)|bled|couldnt breathe)`, true),
  rule(['scared to go', 'afraid to go', 'terrified to go', 'frightened to go', 'scared of going', 'afraid of going', 'terrified of going'], '\\b(?:afraid|scared|terrified|frightened) (?:to go|of going) home\\b', true),
  rule(['find me', 'hunt me', 'find my body', 'find your body'], '\\b(?:find|hunt|track) me (?:down )?(?:wherever|anywhere|no matter where)|\\b(?:find|finds|found) (?:my|your) body'),
  rule(['stalk'], '\\bstalk(?:s|ed|ing)? me\\b|\\b(?:is|s|been) stalking me\\b', true),
  // Hurting children or pets.
  rule(['kid', 'children', 'son', 'daughter', 'baby', 'dog', 'cat', 'pupp', 'pet'],
    `\\b${SUBJ}${FILLER} (?:hit|hits|hurt|hurts|beat|beats|kicked|kicks|slapped|slaps|choked|chokes|strangled|punched|punches|shook|shakes|threw|throws|killed|drowned) (?:the|my|our) (?:kids|children|kid|son|daughter|baby|dog|cat|puppy|pet|pets)\\b(?! (?:feelings|up))`,
    true,
  ),
  // Abuse and violence named as such ("he abused my trust" is not this).
  rule(['abus'], `\\b${SUBJ}${FILLER}(?: (?:is|was|been|can be|gets|got|became|becomes|turns|turned))?(?: ${W})? (?:abusive|abus(?:es|ed|ing) me)\\b`, true),
  rule(['abus'], `\\bmy abusive ${PARTNER_NOUN}\\b|\\b(?:in|im in|am in) an abusive relationship\\b|\\bmy relationship is abusive\\b|\\bi (?:am|m) being abused\\b|\\bim being abused\\b`, true),
  rule(['violent', 'physical', 'rough'],
    `(?:\\b${SUBJ}${FILLER} (?:is|was|gets|got|can get|becomes|became|turns|turned|can be|been)|\\b(?:hes|shes|theyre))(?: ${W})? violent\\b(?! (?:movies|films|games|video|shows|books|music|sports?))|\\bviolent (?:towards?|with) me\\b|\\b(?:gets|got|getting) (?:physical|rough) with me\\b`,
    true,
  ),
  // Sexual violence.
  rule(['rap', 'sexual', 'forc', 'makes me have', 'make me have'],
    '\\b(?:rap(?:ed|es|ing)|sexually (?:assaulted|abused)) me\\b|\\bforc(?:ed|es|ing) (?:himself|herself|themselves) on me\\b|\\bforc(?:ed|es|ing) me (?:to have sex|into sex|to sleep with|to do sexual)|\\bmakes? me have sex when i (?:dont|do not)',
    true,
  ),
  // Injuries left behind.
  rule(['bruis', 'mark', 'black', 'split'], `\\b(?:left|leaves|leaving|gave me|gives me) (?:me )?(?:with )?(?:bruises|marks|a black eye|a split lip)\\b|\\bbruis(?:e|es|ed)(?: ${W}){0,3} from ${OBJ}\\b`, true),
];

/** Both categories, as `screenText` reports them. */
export const CRISIS_MATCHER = new PhraseMatcher({ selfHarm: SELF_HARM_RULES, partnerDanger: PARTNER_DANGER_RULES });
