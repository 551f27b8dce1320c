/**
 * The coach's hand-written rules: one list of regular expressions per finding kind, run over the
 * lower-cased text with quoted speech blanked out (offsets unchanged). See index.ts for the flow
 * and docs/decisions/023-the-coach.md for why rules rather than an NLP library.
 *
 * Every pattern must be anchored on the partner ("you", "your") or on an apology, so that
 * I-statements and talk about third parties stay unflagged. Adding a rule: add a case to
 * content/coach/dev.jsonl and a unit test first (never tune on content/coach/held-out.jsonl).
 */
import type { FindingKind } from './types.ts';

export interface Rule {
  kind: FindingKind;
  re: RegExp;
  /** Also report these kinds for the same span (e.g. an insult is contempt and a character attack). */
  also?: FindingKind[];
  /** Only in this context. */
  context?: 'message' | 'apology';
}

const ADV = String.raw`(?:(?:just|completely|totally|really|even|basically|literally|again|once again|deliberately|purposely|so|already|then)\s+){0,2}`;
const YOU = String.raw`\byou(?:'ve|\s+have)?\s+`;
const YOURE = String.raw`\byou(?:'re|\s+are|\s+were|'ve\s+been|\s+have\s+been|\s+act\s+so|\s+sound)\s+`;
const NEG_FEELING = String.raw`(?:stupid|small|worthless|useless|bad|awful|terrible|like\s+(?:a|an)\s+\w+|like\s+nothing|ashamed|humiliated|invisible|crazy)`;

/** Blaming verbs with the partner as subject: a behaviour of theirs described as a wrong. */
const BLAME_VERB = [
  String.raw`made\s+me\s+(?:look|feel)\s+${NEG_FEELING}`,
  String.raw`made\s+me\s+(?:angry|mad|upset|cry|wait|late|miss|lose|do\s+it|say\s+it|so\s+\w+)`,
  String.raw`made\s+(?:a\s+fool|fun)\s+of\s+me`,
  String.raw`(?:ruined|ruin|wrecked|destroyed|spoiled|spoilt|sabotaged)\b`,
  String.raw`(?:messed|screwed|blew|mucked)\s+(?:it\s+|everything\s+|things\s+)?up`,
  String.raw`broke\s+(?:your|my|our|another|every)\b`,
  String.raw`(?:forgot|forget)\b(?!\s+(?:your|the|his|her|my)\s+(?:keys|umbrella|phone|wallet|bag|coat|jacket|charger|lunch|card|glasses|passport|ticket|tickets|scarf|hat)\b)`,
  String.raw`(?:ignored|ignore)\s+(?:me|my|us|what)`,
  String.raw`(?:embarrassed|humiliated|insulted|mocked|disrespected|belittled|betrayed|abandoned|ditched|neglected|blamed)\s+(?:me|us|my)`,
  String.raw`left\s+me\s+(?:waiting|alone|hanging|out|on\s+read|stranded)`,
  String.raw`(?:lied|cheated|yelled|shouted|screamed|snapped|swore)\b`,
  String.raw`(?:hurt|upset)\s+me\b`,
  String.raw`stood\s+me\s+up`,
  String.raw`(?:let\s+me\s+down|walked\s+out|hung\s+up\s+on\s+me|blew\s+me\s+off|cut\s+me\s+off|interrupted\s+me|talked\s+over\s+me)`,
  String.raw`(?:didn't|did\s+not|couldn't|could\s+not|don't|do\s+not|won't|wouldn't|never)\s+(?:even\s+)?(?:bother|care\s+enough|call|text|reply|answer|listen|help|ask|show\s+up|turn\s+up|come|notice|apologi[sz]e|thank|tell\s+me|pick\s+up|clean|lift\s+a\s+finger|say\s+sorry|have\s+time|make\s+time|remember)`,
  String.raw`(?:change|changed)\s+the\s+subject`,
  String.raw`(?:put|puts|chose|choose)\s+(?:your|everyone|everything|work|them|him|her)\b[^.!?]{0,30}\b(?:first|over\s+me|before\s+me)`,
  String.raw`(?:flirt|flirted|flirts)\b`,
  String.raw`(?:do|did)\s+nothing\b(?!\s+wrong)`,
  String.raw`(?:have|has)\s+to\s+be\s+right`,
].join('|');

/** Traits that turn a behaviour into who someone is. */
const TRAITS = String.raw`selfish|lazy|liar|cheat(?:er)?|irresponsible|manipulative|cold|heartless|secretive|childish|immature|inconsiderate|thoughtless|careless|unreliable|untrustworthy|dishonest|ungrateful|spoil(?:ed|t)|arrogant|self[- ]?cent(?:red|ered)|narcissist(?:ic)?|toxic|controlling|cruel|crazy|psycho|insane|hopeless|incapable|useless|worthless|weak|spineless|needy|clingy|dramatic|hysterical|paranoid|jealous\s+freak|mean|nasty|fake|two[- ]faced|a\s+mess|a\s+failure|a\s+joke|a\s+coward|coward|hypocrite|abusive|evil|sick|lost\s+cause|disaster`;
/** Insults: contempt and a character attack at once. */
const INSULTS = String.raw`pathetic|disgusting|stupid|idiot(?:ic)?|moron(?:ic)?|dumb|loser|imbecile|clown|joke\s+of\s+a\s+\w+|waste\s+of\s+space|piece\s+of\s+\w+|embarrassment|pig|slob|bitch|bastard|jerk|prick|dick|freak|brat|child`;

const CHAR_GAP = String.raw`(?:(?:so|such|a|an|just|completely|totally|really|being|truly|utterly|always|the\s+most|such\s+a|a\s+real|an\s+absolute|a\s+complete|a\s+total|manipulative|selfish|lazy|lying|cheating|cold|stupid|such\s+an|nothing\s+but|basically|honestly|kind\s+of|pretty|very|incredibly|unbelievably|person\s+who\s+is)\s+){0,3}`;

export const RULES: Rule[] = [
  // accusation — blame aimed at the partner
  { kind: 'accusation', re: new RegExp(String.raw`${YOU}${ADV}(?:${BLAME_VERB})`, 'g') },
  { kind: 'accusation', re: /\bbecause\s+of\s+you\b|\b(?:it's|it\s+is|it\s+was|that's|that\s+is|this\s+is|all)\s+(?:all\s+)?your\s+fault\b|\byour\s+fault\b/g },
  { kind: 'accusation', re: /\byou\s+(?:did|said)\s+that\s+on\s+purpose\b/g, also: ['mind_reading'] },

  // absolute — always, never, every time… about the partner (positive uses are dropped in index.ts)
  {
    kind: 'absolute',
    also: ['accusation'],
    re: new RegExp(String.raw`\byou(?:'re|\s+are|'ve|\s+have|\s+just)?\s+(?:(?:so|just|really)\s+)?(?:always|never|constantly|forever|continually|perpetually)\b`, 'g'),
  },
  { kind: 'absolute', also: ['accusation'], re: /\b(?:every\s+(?:single\s+)?(?:time|day|night|weekend|week|morning|evening)|each\s+time|whenever)\b[^.!?]{0,60}?\byou\b|\byou\b[^.!?]{0,60}?\bevery\s+(?:single\s+)?(?:time|day|night|chance|weekend)\b/g },
  { kind: 'absolute', also: ['accusation'], re: /\byou\s+(?:do|did|say|said|give|gave|contribute|offer|bring)\s+nothing\b(?!\s+wrong)|\bnothing\s+(?:you\s+do|you\s+say|from\s+you)\b|\byou\s+(?:ever|once)\s+(?:in\s+your\s+life\s+)?\?/g },
  { kind: 'absolute', re: /\byour\s+fault\b[^.!?]{0,40}\b(?:always|never|every\s+time)\b/g },

  // character_attack — who the partner is, not what they did
  { kind: 'character_attack', re: new RegExp(String.raw`${YOURE}${CHAR_GAP}(?:${TRAITS})\b(?!\s+(?:good|talented|smart|beautiful|fast|funny|cute|strong|clever|sweet|kind))`, 'g') },
  { kind: 'character_attack', re: /\byou(?:'re|\s+are)\s+(?:such\s+)?(?:a|an)\s+(?:\w+\s+)?(?:terrible|awful|horrible|lousy|useless|bad|rubbish|shit|crap|pathetic|poor\s+excuse\s+for\s+a)\s+(?:partner|person|listener|friend|husband|wife|boyfriend|girlfriend|father|mother|parent|human|human\s+being|man|woman|lover|dad|mum|mom)\b/g },
  { kind: 'character_attack', re: /\bthat's\s+(?:just\s+)?who\s+you\s+are\b|\byou're\s+the\s+(?:kind|type|sort)\s+of\s+(?:person|man|woman|guy|girl)\s+who\b/g },
  { kind: 'character_attack', re: /\bwhat\s+(?:kind|sort|type)\s+of\s+(?:person|partner|man|woman|husband|wife|boyfriend|girlfriend|human|adult|mother|father|parent)\b/g },
  { kind: 'contempt', also: ['character_attack'], re: new RegExp(String.raw`${YOURE}${CHAR_GAP}(?:${INSULTS})\b`, 'g') },

  // contempt — insult, mockery, sarcasm
  { kind: 'contempt', re: /\b(?:genius|einstein|sherlock|smart\s+guy|mr\.?\s+perfect|miss\s+perfect|princess|your\s+majesty)\b(?=[^.!?]*[.!?,]|\s*$)/g },
  { kind: 'contempt', re: /\b(?:oh|wow)\s*,?\s+(?:great|perfect|wonderful|brilliant|fantastic|lovely|terrific|nice)\b(?=[^.!?]*\byou)/g },
  { kind: 'contempt', re: /\banother\s+(?:brilliant|genius|great|fantastic|amazing|stellar)\s+(?:idea|decision|move|plan|choice|performance)\b/g },
  { kind: 'contempt', re: /\b(?:nice|great|good)\s+(?:going|one|job)\s*,\s*\w+/g },
  { kind: 'contempt', re: /\b(?:grow\s+up|shut\s+up|get\s+over\s+yourself|get\s+a\s+life|give\s+me\s+a\s+break|cry\s+me\s+a\s+river|boo[- ]?hoo|who\s+cares|yeah,?\s+right|real\s+mature|big\s+surprise|what\s+a\s+surprise|as\s+if\s+you|oh\s+poor\s+(?:you|baby|thing)|poor\s+baby|must\s+be\s+so\s+hard\s+being\s+you|get\s+lost|drop\s+dead)\b/g },
  { kind: 'contempt', re: /(?:^|[.!?]\s*)whatever\s*[.!,]/g },
  { kind: 'contempt', re: /\blike\s+(?:your|you|anyone|i)\s+(?:\w+\s+){0,2}(?:matter|matters|care|cares|count|counts)\b/g },
  { kind: 'contempt', re: /🙄/gu },

  // mind_reading — claims about the partner's intent or feelings
  { kind: 'mind_reading', re: /\byou\s+(?:don't|do\s+not|never|no\s+longer)\s+(?:even\s+|really\s+|actually\s+)?(?:care|love|want|respect|value|like|think\s+about|listen\s+to)\s+(?:about\s+)?(?:me|us|my|this|what|to\s+be)\b/g },
  { kind: 'mind_reading', re: /\byou\s+(?:obviously|clearly|secretly|just|only|really|actually)\s+(?:don't\s+)?(?:want|wanted|hate|hated|think|thought|care|love|enjoy|like)\b/g },
  { kind: 'mind_reading', re: /\byou(?:'re|\s+are)\s+(?:obviously|clearly|secretly|just|only)\s+(?:being|doing|saying|acting|pretending|trying|here|\w+ing)\b[^.!?]{0,50}?(?:because|to\b|for\b)|\byou\s+only\s+(?:said|did|apologi[sz]ed|called|came|helped|care|cared)\b[^.!?]{0,40}\bbecause\b/g },
  { kind: 'mind_reading', re: /\byou\b[^.!?]{0,60}?\b(?:on\s+purpose|deliberately|intentionally|to\s+(?:hurt|upset|punish|spite|annoy|humiliate|provoke)\s+me|just\s+to\s+get\s+(?:back\s+at|at)\s+me)\b/g },
  { kind: 'mind_reading', re: /\byou\s+think\s+you're\b|\bi\s+know\s+(?:that\s+)?you(?:(?:'re|\s+are)\s+(?:hiding|lying|cheating|seeing|not\s+telling|just|only|bored|sick\s+of|tired\s+of\s+me)|\s+don't|\s+want|\s+hate|\s+think|\s+wish|\s+secretly|'d\s+rather|\s+would\s+rather)\b|\band\s+you\s+know\s+it\b|\byou\s+(?:don't|never)\s+want\s+to\s+be\s+with\s+me\b|\byou\s+want\s+to\s+(?:leave|get\s+rid\s+of\s+me|break\s+up)\b|\byou(?:'re|\s+are)\s+(?:just\s+)?(?:looking\s+for\s+an\s+excuse|waiting\s+for\s+(?:me|a\s+reason))\b/g },

  // vague — a global complaint with no specific behaviour (dropped in index.ts when "when/because…" follows)
  { kind: 'vague', re: /\byou\s+know\s+(?:exactly\s+|very\s+well\s+|full\s+well\s+)?what\s+you(?:\s+did|\s+did\s+wrong|\s+said|\s+are\s+doing|\s+have\s+done|'ve\s+done)\b/g },
  { kind: 'vague', re: /\bi\s+(?:just\s+|really\s+|simply\s+)?(?:can't|cannot|can\s+not|don't|do\s+not)\s+(?:trust|believe|stand|rely\s+on)\s+you(?:\s+anymore|\s+any\s+more)?\s*(?:[.!?]|$)/g },
  { kind: 'vague', re: /\b(?:things|everything|it|life)\s+(?:between\s+us\s+|with\s+us\s+|with\s+you\s+)?(?:is|are|has\s+been|have\s+been|feels?)\s+(?:just\s+|so\s+|all\s+|really\s+)?(?:bad|terrible|awful|wrong|broken|horrible|a\s+mess|off|not\s+working|falling\s+apart)\b/g },
  { kind: 'vague', re: /\b(?:our\s+relationship|this\s+relationship|we|us)(?:\s+is|\s+are|'re|\s+has\s+become|\s+feels?)\s+(?:just\s+|so\s+|such\s+)?(?:a\s+mess|broken|a\s+disaster|toxic|doomed|falling\s+apart|a\s+joke|hopeless|over|dead)\b/g },
  { kind: 'vague', re: /\byou(?:'re|\s+are)\s+the\s+(?:whole\s+|real\s+)?problem\b|\bthe\s+problem\s+is\s+you\b|\bit's\s+always\s+something\s+with\s+you\b|\byou(?:'re|\s+are)\s+impossible\b|\bsomething(?:'s|\s+is)\s+(?:off|wrong)\s+with\s+you\b|\beverything\s+about\s+you\b/g },

  // control — demands to monitor or restrict the partner
  { kind: 'control', re: /\b(?:give|hand|show|send|forward)\s+me\s+(?:your|all\s+your)\s+(?:\w+\s+)?(?:phone|password|passwords|passcode|pin|login|logins|messages|texts|chats|emails|email|dms|inbox|accounts?|call\s+log|location|screenshots?)\b/g },
  { kind: 'control', re: /\bi\s+(?:want|need|demand|expect|get)\s+(?:to\s+(?:see|read|check|have|know)\s+)?(?:your|all\s+your)\s+(?:\w+\s+)?(?:phone|password|passwords|passcode|pin|login|logins|messages|texts|chats|emails|dms|location)\b/g },
  { kind: 'control', re: /\b(?:tell|show|text|let)\s+me\s+(?:know\s+)?where\s+you\s+are\s+(?:at\s+all\s+times|all\s+the\s+time|every\s+\w+|24\/7)|\bat\s+all\s+times\b|\bso\s+(?:that\s+)?i\s+(?:can\s+see|know|can\s+check|can\s+track)\s+where\s+you\s+(?:are|go|were)\b/g },
  { kind: 'control', re: /\bi\s+(?:don't|do\s+not)\s+want\s+you\s+(?:seeing|talking|texting|going|hanging|spending|meeting|to\s+see|to\s+talk|to\s+go|to\s+text|to\s+meet|to\s+hang)\b|\byou(?:'re|\s+are)\s+not\s+(?:allowed|going\s+out|going\s+anywhere|to\s+(?:see|go|talk|text))\b|\bi\s+(?:forbid|won't\s+let|will\s+not\s+let)\s+you\b|\byou\s+(?:can't|cannot|can\s+not|may\s+not)\s+(?:go|see|talk\s+to|text|leave|meet|hang\s+out)\b[^.!?]{0,40}\bwithout\s+(?:me|asking|my\s+permission)\b/g },
  { kind: 'control', re: /\b(?:you\s+(?:have|need|must|better|'d\s+better)\s+to\s+|you\s+must\s+)(?:answer|pick\s+up|reply|respond|check\s+in|tell\s+me\s+(?:where|who|everything|what\s+you're\s+doing|when\s+you|each|every)|text\s+me|call\s+me|send\s+me|ask\s+(?:me|my\s+permission))\b|\b(?:turn\s+on|share|switch\s+on)\s+(?:your\s+)?location(?:\s+sharing)?\b|\blocation\s+sharing\s+so\b/g },
  { kind: 'control', re: /\b(?:delete|block|unfollow|unfriend)\s+(?:his|her|their|them|him|that)\b(?:\s+\w+)?[^.!?]{0,30}\b(?:or\s+(?:we're|we\s+are|i'm|i\s+am|else)|now|tonight|today)\b|\bstop\s+(?:talking|texting|seeing)\s+(?:to\s+)?(?:him|her|them)\b[^.!?]{0,20}\bor\b|\bsend\s+me\s+a\s+(?:photo|picture|selfie|video)\b[^.!?]{0,40}\bso\s+i\b|\bgive\s+me\s+your\s+phone\b/g },

  // excuse — in apologies: "sorry, but…", "sorry if…", "sorry you feel…", blame-shifting
  { kind: 'excuse', re: /\b(?:sorry|apologi[sz]e)\s*,?\s+but\s+(?:you|it\s+was|it\s+wasn't|i\s+was|i\s+had|i\s+didn't|i'm\s+only|i\s+only|i'd|i've\s+been|in\s+my\s+defen[cs]e|at\s+least|everyone|that's|honestly|come\s+on|to\s+be\s+fair|you\s+know|i\s+was\s+just)\b/g },
  { kind: 'excuse', context: 'apology', re: /\b(?:sorry|apologi[sz]e)\s*,?\s+but\b/g },
  { kind: 'excuse', context: 'apology', re: /\b(?:sorry|apologi[sz]e)\s+if\s+i\b/g },
  { kind: 'excuse', re: /\b(?:sorry|apologi[sz]e)\s+if\s+(?:you|anything|that|it|my|what|this|something|someone|your)\b/g },
  { kind: 'excuse', re: /\bsorry\s+(?:that\s+)?you\s+(?:feel|felt|took|take|were|are|'re|got|get|think|thought|see|saw|chose|decided|misunderstood|couldn't\s+take)\b(?!\s+(?:a\s+|such\s+a\s+|so\s+)?(?:bad|rough|hard|tough|long|terrible|awful)\s+(?:day|week|time|night))/g },
  { kind: 'excuse', context: 'apology', re: /\b(?:(?:was|i'm|i\s+am|it\s+was)\s+(?:only|just)\s+(?:joking|kidding|teasing)|can't\s+take\s+a\s+joke|you\s+(?:pushed|drove|provoked|made)\s+me\s+(?:to\s+it|do\s+it|say\s+it|angry|mad|react|snap)|you\s+started\s+it|it\s+wasn't\s+(?:really\s+)?my\s+fault|if\s+you\s+hadn't)\b/g },
];

/** Positive or kind words that turn "you always…" into praise ("you always make me laugh"). */
export const POSITIVE = /\b(?:laugh|laughing|smile|smiling|cheer|cheers|happy|happier|calm|calmer|patient|kind|kindest|sweet|thoughtful|generous|support|supportive|welcome|supported|know\s+how\s+to|fail\s+to|let\s+me\s+down|lovely|wonderful|amazing|great\s+at|good\s+at|so\s+good|beautiful|brilliant\s+at|thank|thanks|appreciate|proud|remember|better|love\s+(?:how|that|it\s+when|the\s+way)|brighten|brightens|safe|loved|special|warm|gentle|funny|fun|best|surprise\s+me|make\s+time\s+for\s+me|there\s+for\s+me|have\s+my\s+back|cheer\s+me\s+up|comfort|forget\s+to\s+(?:kiss|hug|say\s+i\s+love))\b/;

/** Clauses that name a specific occasion or reason: a complaint with these is not "vague". */
export const SPECIFIC = /\b(?:when|because|after|since|if|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|last\s+night|this\s+morning|at\s+dinner)\b/;

/** An I-statement frame before "you…": "I felt hurt when you…". Blame inside it is a described behaviour. */
export const I_FRAME = /\bi\s+(?:feel|felt|get|got|was|am|'m|become|became|start\s+to\s+feel|feel\s+a\s+bit|get\s+a\s+bit)\b[^.!?]{0,40}\b(?:when|that|because|after|if|whenever|each\s+time|every\s+time)\s*$/;
