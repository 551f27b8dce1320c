import crypto from 'node:crypto';
import type { Db } from '../db/client.ts';
import { open, seal } from './aead.ts';
import type { ServerKey } from './server-key.ts';
import { databaseKeyStore, type KeyStore } from './key-store.ts';

/**
 * Per-user envelope encryption. Each user has a random 256-bit data key, stored only wrapped by
 * the server key, in a key store (crypto/key-store.ts). Text is sealed under the data key with the
 * owner and purpose as associated data. Destroying the key (shredKey, run after an account is
 * deleted) leaves every ciphertext of theirs unreadable. With the directory key store — the
 * embedded default — that includes every copy in database backups, taken before or after
 * (docs/decisions/035).
 */
/** How long an unwrapped data key is remembered in this process, and how many at most. */
export const KEY_MEMORY_MS = 60_000;
export const KEY_MEMORY_SIZE = 10_000;

export class DataKeys {
  /**
   * Unwrapped keys read from the store in the last KEY_MEMORY_MS, most recently used last (docs/decisions/041): a person's
   * requests in a row read and unwrap their key once. Shredding drops it here at once; another
   * instance forgets it within KEY_MEMORY_MS — by then the person's rows and sessions are gone.
   */
  private readonly memory = new Map<string, { key: Buffer; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly serverKey: ServerKey,
    readonly store: KeyStore = databaseKeyStore(),
    private readonly now: () => number = Date.now,
  ) {}

  private recall(userId: string): Buffer | undefined {
    const known = this.memory.get(userId);
    if (!known) return undefined;
    if (this.now() - known.at > KEY_MEMORY_MS) {
      this.memory.delete(userId);
      return undefined;
    }
    // Most recently used last; the time stays that of the read from the store.
    this.memory.delete(userId);
    this.memory.set(userId, known);
    return known.key;
  }

  private remember(userId: string, key: Buffer): Buffer {
    this.memory.delete(userId);
    this.memory.set(userId, { key, at: this.now() });
    // Oldest first in a Map: drop from the front past the bound.
    while (this.memory.size > KEY_MEMORY_SIZE) this.memory.delete(this.memory.keys().next().value!);
    return key;
  }

  /** Forgets every remembered key (the benchmarks measure a person's first request with this). */
  forgetRemembered(): void {
    this.memory.clear();
  }

  private wrapAad(userId: string) {
    return `user-key:${userId}`;
  }

  /**
   * The user's data key, created on first use. Pass the transaction when called inside one: the
   * embedded engine has a single connection, so a query outside the open transaction would wait
   * for it forever.
   */
  async keyFor(userId: string, db: Db = this.db): Promise<Buffer> {
    const known = this.recall(userId);
    if (known) return known;
    const existing = await this.store.find(db, userId);
    if (existing) return this.remember(userId, this.unwrap(existing.wrappedKey, userId));
    const fresh = crypto.randomBytes(32);
    const stored = await this.store.insertIfAbsent(db, {
      userId,
      serverKeyId: this.serverKey.id,
      wrappedKey: seal(this.serverKey.key, fresh, this.wrapAad(userId)),
    });
    return this.remember(userId, this.unwrap(stored.wrappedKey, userId));
  }

  /** The user's data key if it still exists; null after shredding. */
  async existingKeyFor(userId: string): Promise<Buffer | null> {
    const known = this.recall(userId);
    if (known) return known;
    const existing = await this.store.find(this.db, userId);
    return existing ? this.remember(userId, this.unwrap(existing.wrappedKey, userId)) : null;
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

  /**
   * Everything needed to read and write one person's sealed text in a request, with their data
   * key fetched once (a list of twenty entries is one key lookup, not twenty).
   */
  async cipherFor(userId: string, db: Db = this.db): Promise<UserCipher> {
    return new UserCipher(userId, await this.keyFor(userId, db));
  }

  /** Destroys the user's data key: their encrypted text can never be read again. */
  async shredKey(userId: string): Promise<void> {
    this.memory.delete(userId);
    try {
      await this.store.delete(this.db, userId);
    } finally {
      // A read that was in flight while the key was deleted must not leave it remembered.
      this.memory.delete(userId);
    }
  }
}

/** Seals and opens one person's text; see DataKeys.cipherFor. */
export class UserCipher {
  private indexKey: Buffer | undefined;
  constructor(
    readonly userId: string,
    private readonly key: Buffer,
  ) {}

  sealJson(purpose: string, value: unknown): Buffer {
    return seal(this.key, Buffer.from(JSON.stringify(value), 'utf8'), `${this.userId}:${purpose}`);
  }

  openJson<T>(purpose: string, sealed: Buffer): T {
    return JSON.parse(open(this.key, sealed, `${this.userId}:${purpose}`).toString('utf8')) as T;
  }

  /**
   * A keyed hash for equality lookups over sealed values (tags). Keyed by the person's data key,
   * so it reveals nothing across people and becomes meaningless once the key is shredded.
   */
  blindIndex(value: string): string {
    // Derived on first use: most requests seal or open text and never need it.
    this.indexKey ??= Buffer.from(crypto.hkdfSync('sha256', this.key, Buffer.alloc(0), 'trellis:blind-index', 32));
    return crypto.createHmac('sha256', this.indexKey).update(value.normalize('NFKC').trim().toLowerCase()).digest('base64url').slice(0, 22);
  }
}
