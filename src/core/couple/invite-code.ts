/**
 * Invitation codes for linking two accounts: short enough to read aloud or type from another
 * phone, random enough to guess only by luck within their 72 hours (docs/decisions/013).
 *
 * Ten characters from Crockford's base-32 alphabet (digits and letters without I, L, O, U),
 * shown as XXXXX-XXXXX. What a person types is forgiven: case, spaces, dashes, and the look-alikes
 * O→0, I/L→1. Pure: randomness comes from globalThis.crypto (browser and Node alike).
 */

export const INVITE_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_CODE_LENGTH = 10;
/** How long an invitation stays usable. */
export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;

/** A new random code, canonical (no dash): 10 × 5 bits = 50 bits of chance. */
export function generateInviteCode(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(INVITE_CODE_LENGTH));
  // 256 is a multiple of 32, so taking the low five bits keeps every character equally likely.
  return Array.from(bytes, (b) => INVITE_CODE_ALPHABET[b & 31]).join('');
}

/** XXXXX-XXXXX, for showing a canonical code. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The canonical code for what a person typed or pasted, or null when it cannot be one
 * (wrong length or a character outside the alphabet once look-alikes are mapped).
 */
export function normaliseInviteCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== INVITE_CODE_LENGTH) return null;
  for (const ch of cleaned) if (!INVITE_CODE_ALPHABET.includes(ch)) return null;
  return cleaned;
}
