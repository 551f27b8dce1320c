import crypto from 'node:crypto';

/**
 * Two-factor backup codes are stored as keyed hashes (HMAC-SHA-256 with a key derived from the
 * server key), never as the codes. better-auth compares stored values with the submitted code, so
 * the submitted code is hashed the same way before it reaches the comparison (see auth.ts).
 */
const PREFIX = 'h1:';

export function backupCodeHasher(key: Buffer) {
  /** Always hashes: a submitted value that looks like a stored hash is hashed again, so it fails. */
  const hashSubmitted = (code: string) => PREFIX + crypto.createHmac('sha256', key).update(code.trim()).digest('base64url');
  return {
    hashSubmitted,
    /**
     * better-auth `storeBackupCodes.encrypt`: a JSON array of fresh codes, or of the remaining
     * stored hashes after one was used, → a JSON array of hashes.
     */
    encrypt: async (json: string) =>
      JSON.stringify((JSON.parse(json) as string[]).map((c) => (c.startsWith(PREFIX) ? c : hashSubmitted(c)))),
    /** better-auth `storeBackupCodes.decrypt`: the stored hashes, as they are. */
    decrypt: async (stored: string) => stored,
  };
}
