import crypto from 'node:crypto';
import type { Db } from '../db/client.ts';
import { open, seal } from './aead.ts';
import type { ServerKey } from './server-key.ts';
import { userKeyRepo } from './user-key-repo.ts';

/**
 * Per-user envelope encryption. Each user has a random 256-bit data key, stored only wrapped by
 * the server key. Text is sealed under the data key with the owner and purpose as associated data.
 * Deleting the user's key row (shredKey, or the cascade on account deletion) leaves every
 * ciphertext of theirs unreadable — including copies in old backups.
 */
export class DataKeys {
  constructor(
    private readonly db: Db,
    private readonly serverKey: ServerKey,
  ) {}

  private wrapAad(userId: string) {
    return `user-key:${userId}`;
  }

  /** The user's data key, created on first use. */
  async keyFor(userId: string): Promise<Buffer> {
    const existing = await userKeyRepo.find(this.db, userId);
    if (existing) return this.unwrap(existing.wrappedKey, userId);
    const fresh = crypto.randomBytes(32);
    const stored = await userKeyRepo.insertIfAbsent(this.db, {
      userId,
      serverKeyId: this.serverKey.id,
      wrappedKey: seal(this.serverKey.key, fresh, this.wrapAad(userId)),
    });
    return this.unwrap(stored.wrappedKey, userId);
  }

  /** The user's data key if it still exists; null after shredding. */
  async existingKeyFor(userId: string): Promise<Buffer | null> {
    const existing = await userKeyRepo.find(this.db, userId);
    return existing ? this.unwrap(existing.wrappedKey, userId) : null;
  }

  private unwrap(wrapped: Buffer, userId: string): Buffer {
    return open(this.serverKey.key, wrapped, this.wrapAad(userId));
  }

  async encryptText(userId: string, purpose: string, text: string): Promise<Buffer> {
    return seal(await this.keyFor(userId), Buffer.from(text, 'utf8'), `${userId}:${purpose}`);
  }

  /** Throws DecryptError (or returns null when the key was shredded). */
  async decryptText(userId: string, purpose: string, sealed: Buffer): Promise<string | null> {
    const key = await this.existingKeyFor(userId);
    if (!key) return null;
    return open(key, sealed, `${userId}:${purpose}`).toString('utf8');
  }

  /** Destroys the user's data key: their encrypted text can never be read again. */
  async shredKey(userId: string): Promise<void> {
    await userKeyRepo.delete(this.db, userId);
  }
}
