import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeKey } from '../config.ts';

export interface ServerKey {
  /** Short fingerprint stored beside each wrapped key, so keys can be rotated later. */
  id: string;
  key: Buffer;
}

/**
 * The server key wraps every user's data key. It comes from TRELLIS_SECRET_KEY, or, in the
 * embedded setup, from `<dataDir>/secret.key`, created on first start with mode 0600.
 */
export function loadServerKey(opts: { envKey?: string; dataDir: string; allowKeyFile: boolean }): ServerKey {
  if (opts.envKey) {
    const key = decodeKey(opts.envKey);
    if (!key) throw new Error('TRELLIS_SECRET_KEY must be 32 bytes as base64 or hex');
    return { id: fingerprint(key), key };
  }
  if (!opts.allowKeyFile) {
    throw new Error('TRELLIS_SECRET_KEY is required in production (generate one with: openssl rand -base64 32)');
  }
  const file = path.join(opts.dataDir, 'secret.key');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  try {
    const fresh = crypto.randomBytes(32);
    fs.writeFileSync(file, fresh.toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
    return { id: fingerprint(fresh), key: fresh };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = decodeKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return { id: fingerprint(key), key };
}

export function fingerprint(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** A sub-key for one purpose (HKDF-SHA-256), so one secret never serves two uses directly. */
export function deriveKey(serverKey: ServerKey, purpose: string, length = 32): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', serverKey.key, Buffer.alloc(0), `trellis:${purpose}`, length));
}
