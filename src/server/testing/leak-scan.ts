/**
 * The leak scan (docs/decisions/032): the browser suite records the free text people typed (the
 * JSON bodies their pages sent), and at the end every email and push the server sent is searched
 * for it. Pure functions here; tests/e2e/global-setup.ts runs them.
 */

/** Keys whose values are not a person's words (credentials, ids, addresses, settings). */
const NOT_WORDS = new Set([
  'email', 'newemail', 'password', 'currentpassword', 'newpassword', 'token', 'code', 'id', 'endpoint', 'keys', 'p256dh', 'auth',
  'timezone', 'callbackurl', 'name', 'displayname', 'slug', 'url', 'state', 'usstate', 'language', 'kind', 'mode', 'phase',
  'occurredat', 'date', 'day', 'reviewday', 'plannedday', 'starts', 'startsat', 'reminderTime'.toLowerCase(), 'category', 'activityid',
]);

const MIN_LENGTH = 12;
const looksLikeData = (s: string) =>
  /^[^\s@]+@[^\s@]+$/.test(s) || /^https?:\/\//.test(s) || /^[0-9a-f-]{36}$/i.test(s) || /^\d{4}-\d{2}-\d{2}/.test(s) || !/\s/.test(s.trim());

/** The free text in one request body: strings of 12+ characters with a space, not under a data key. */
export function userTextsIn(body: unknown, key = ''): string[] {
  if (typeof body === 'string') {
    const text = body.trim();
    return text.length >= MIN_LENGTH && !NOT_WORDS.has(key.toLowerCase()) && !looksLikeData(text) ? [text] : [];
  }
  if (Array.isArray(body)) return body.flatMap((v) => userTextsIn(v, key));
  if (body && typeof body === 'object') return Object.entries(body).flatMap(([k, v]) => userTextsIn(v, k));
  return [];
}

export const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Every 5-word run of a text (or the whole text when shorter): what counts as quoting it. */
export function phrasesOf(text: string): string[] {
  const words = normalise(text).split(' ');
  if (words.length <= 5) return [words.join(' ')];
  return Array.from({ length: words.length - 4 }, (_, i) => words.slice(i, i + 5).join(' '));
}

/** A raw email as readable text: quoted-printable and base64 parts decoded, HTML entities and tags undone. */
export function readableMail(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const decoded = parts.map((part) => {
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(head)) {
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('utf8');
    }
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      return `${head}\n${Buffer.from(bytes, 'latin1').toString('utf8')}`;
    }
    return part;
  });
  return decoded
    .join('\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

export interface Leak {
  where: string;
  phrase: string;
}

/** The first phrase of any user text found in any message; one finding per message. */
export function findLeaks(messages: Array<{ where: string; text: string }>, userTexts: Iterable<string>): Leak[] {
  const phrases = new Set([...userTexts].flatMap(phrasesOf).filter((p) => p.length >= MIN_LENGTH));
  const leaks: Leak[] = [];
  for (const m of messages) {
    const text = normalise(m.text);
    for (const phrase of phrases) {
      if (text.includes(phrase)) {
        leaks.push({ where: m.where, phrase });
        break;
      }
    }
  }
  return leaks;
}
