/**
 * Where wrapped data keys live (docs/decisions/035).
 *
 * - `directoryKeyStore(dir)`: one small file per person, outside the database. The default for the
 *   embedded setup (`<DATA_DIR>/keys`) and for PostgreSQL when `KEY_STORE_DIR` is set. A backup of
 *   the database alone then holds no data key, so after a person's key file is deleted nothing of
 *   theirs in any database backup — taken before or after — can be opened, even with the server key.
 * - `databaseKeyStore()`: the `user_key` table in the main database (the original design). Used
 *   for PostgreSQL without `KEY_STORE_DIR` (several instances need a shared store) and for tests
 *   that ask for it. A database backup taken before a deletion then still holds that person's
 *   wrapped key; the server logs this at start.
 *
 * A directory store moves a person's row from `user_key` into its directory the first time their
 * key is read, so an installation that started with keys in the database moves over by itself.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client.ts';
import { userKeyRepo, type UserKeyRow } from './user-key-repo.ts';

export interface KeyStore {
  readonly kind: 'directory' | 'database';
  /** `db`: the open transaction, when called inside one (the embedded engine has one connection). */
  find(db: Db, userId: string): Promise<UserKeyRow | undefined>;
  /** Stores the row unless one exists, and returns the stored row either way (safe under races). */
  insertIfAbsent(db: Db, row: UserKeyRow): Promise<UserKeyRow>;
  delete(db: Db, userId: string): Promise<void>;
}

export function databaseKeyStore(): KeyStore {
  return {
    kind: 'database',
    find: (db, userId) => userKeyRepo.find(db, userId),
    insertIfAbsent: (db, row) => userKeyRepo.insertIfAbsent(db, row),
    delete: (db, userId) => userKeyRepo.delete(db, userId),
  };
}

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface KeyFile {
  v: 1;
  serverKeyId: string;
  wrappedKey: string; // base64
}

export function directoryKeyStore(dir: string): KeyStore {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fileOf = (userId: string) => {
    // Ids come from our own database, but a file name is built from them: accept uuids only.
    if (!USER_ID.test(userId)) throw new Error('key store: not a user id');
    return path.join(dir, `${userId.toLowerCase()}.key`);
  };
  const read = async (userId: string): Promise<UserKeyRow | undefined> => {
    let text: string;
    try {
      text = await fs.promises.readFile(fileOf(userId), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const parsed = JSON.parse(text) as KeyFile;
    return { userId, serverKeyId: parsed.serverKeyId, wrappedKey: Buffer.from(parsed.wrappedKey, 'base64') };
  };
  /** Writes the file completely, flushed, then links it into place: never a half-written key. */
  const writeIfAbsent = async (row: UserKeyRow): Promise<void> => {
    const final = fileOf(row.userId);
    const temp = path.join(dir, `.${row.userId}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    const body: KeyFile = { v: 1, serverKeyId: row.serverKeyId, wrappedKey: row.wrappedKey.toString('base64') };
    const handle = await fs.promises.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(body));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.promises.link(temp, final); // fails if another request stored a key first
      await syncDir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
  };
  return {
    kind: 'directory',
    async find(db, userId) {
      const row = await read(userId);
      if (row) return row;
      // Moved over from the database on first use (an installation that began with keys there).
      const legacy = await userKeyRepo.find(db, userId);
      if (!legacy) return undefined;
      await writeIfAbsent(legacy);
      await userKeyRepo.delete(db, userId);
      return read(userId);
    },
    async insertIfAbsent(db, row) {
      const existing = await this.find(db, row.userId);
      if (existing) return existing;
      await writeIfAbsent(row);
      const stored = await read(row.userId);
      if (!stored) throw new Error('user key missing after insert');
      return stored;
    },
    async delete(db, userId) {
      await fs.promises.rm(fileOf(userId), { force: true });
      await syncDir(dir);
      await userKeyRepo.delete(db, userId);
    },
  };
}

async function syncDir(dir: string): Promise<void> {
  // Makes the new or removed name durable; not every platform can open a directory for this.
  try {
    const handle = await fs.promises.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
