/**
 * The key store (docs/decisions/035): data keys in a directory outside the database, created once
 * under races, moved over from the database on first use, destroyed with the account.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataKeys, KEY_MEMORY_MS, KEY_MEMORY_SIZE } from './data-keys.ts';
import { directoryKeyStore, type KeyStore } from './key-store.ts';
import { userKeyRepo } from './user-key-repo.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';

let t: TestApp;
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-keys-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  // This app keeps keys in the database, as an installation from before the key store did.
  t = await createTestApp({ KEY_STORE_DIR: 'database' });
});
afterAll(async () => {
  await t.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`the directory key store (${engineName()})`, () => {
  it('is the default on the embedded engine, in <DATA_DIR>/keys; "database" keeps keys in the database', async () => {
    expect(t.ctx.config.keyStoreDir).toBeNull();
    expect(t.ctx.dataKeys.store.kind).toBe('database');
    const other = await createTestApp();
    try {
      expect(other.ctx.config.keyStoreDir).toBe(path.join(other.ctx.config.dataDir, 'keys'));
      expect(other.ctx.dataKeys.store.kind).toBe('directory');
    } finally {
      await other.close();
    }
  });

  it('creates one key per person even when many requests ask at once, and the file holds only the wrapped key', async () => {
    const dir = tempDir();
    const keys = new DataKeys(t.ctx.database.db, t.ctx.serverKey, directoryKeyStore(dir));
    const userId = crypto.randomUUID();
    const all = await Promise.all(Array.from({ length: 20 }, () => keys.keyFor(userId)));
    expect(new Set(all.map((k) => k.toString('hex'))).size).toBe(1);
    const files = fs.readdirSync(dir);
    expect(files).toEqual([`${userId}.key`]); // no temporary files left behind
    const stored = fs.readFileSync(path.join(dir, files[0]!));
    expect(stored.includes(all[0]!)).toBe(false);
    expect(stored.toString('utf8')).not.toContain(all[0]!.toString('base64'));
    expect(fs.statSync(path.join(dir, files[0]!)).mode & 0o077).toBe(0);
    // A second store over the same directory (a restart) reads the same key.
    const again = new DataKeys(t.ctx.database.db, t.ctx.serverKey, directoryKeyStore(dir));
    expect((await again.keyFor(userId)).equals(all[0]!)).toBe(true);
  });

  it('moves a key kept in the database into the directory on first use, and text written before still opens', async () => {
    const person = await t.signUpVerified();
    const sealed = await t.ctx.dataKeys.encryptText(person.userId, 'test', 'written before the move');
    expect(await userKeyRepo.find(t.ctx.database.db, person.userId)).toBeDefined();

    const dir = tempDir();
    const moved = new DataKeys(t.ctx.database.db, t.ctx.serverKey, directoryKeyStore(dir));
    expect(await moved.decryptText(person.userId, 'test', sealed)).toBe('written before the move');
    expect(fs.existsSync(path.join(dir, `${person.userId}.key`))).toBe(true);
    expect(await userKeyRepo.find(t.ctx.database.db, person.userId)).toBeUndefined();
    expect(await moved.decryptText(person.userId, 'test', sealed)).toBe('written before the move');

    await moved.shredKey(person.userId);
    expect(fs.existsSync(path.join(dir, `${person.userId}.key`))).toBe(false);
    expect(await moved.decryptText(person.userId, 'test', sealed)).toBeNull();
  });

  it('deleting an account through the API deletes its key file', async () => {
    const app = await createTestApp();
    try {
      const person = await app.signUpVerified();
      const created = await person.agent.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: new Date().toISOString(), timeZone: 'UTC', whatHappened: 'A small moment.', intensityBefore: 20 });
      expect(created.statusCode).toBe(201);
      const file = path.join(app.ctx.config.keyStoreDir!, `${person.userId}.key`);
      expect(fs.existsSync(file)).toBe(true);
      const res = await person.agent.post('/api/auth/delete-user', { password: person.password });
      expect(res.statusCode).toBe(200);
      expect(fs.existsSync(file)).toBe(false);
      expect(await app.ctx.dataKeys.existingKeyFor(person.userId)).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('refuses anything but a user id as a file name', async () => {
    const store = directoryKeyStore(tempDir());
    await expect(store.find(t.ctx.database.db, '../../etc/passwd')).rejects.toThrow(/not a user id/);
  });
});

/** A store that counts how often it is read. */
function counting(store: KeyStore): KeyStore & { finds: number } {
  const counted = {
    kind: store.kind,
    finds: 0,
    find: (db: Parameters<KeyStore['find']>[0], userId: string) => {
      counted.finds++;
      return store.find(db, userId);
    },
    insertIfAbsent: store.insertIfAbsent.bind(store),
    delete: store.delete.bind(store),
  };
  return counted;
}

describe(`remembered data keys (${engineName()}, docs/decisions/041)`, () => {
  it(`reads and unwraps a person's key once for requests in a row, and again after ${KEY_MEMORY_MS / 1000} s`, async () => {
    let clock = 0;
    const store = counting(directoryKeyStore(tempDir()));
    const keys = new DataKeys(t.ctx.database.db, t.ctx.serverKey, store, () => clock);
    const userId = crypto.randomUUID();
    const first = await keys.keyFor(userId);
    const finds = store.finds;
    for (let i = 0; i < 5; i++) expect((await keys.keyFor(userId)).equals(first)).toBe(true);
    expect(store.finds).toBe(finds);
    clock += KEY_MEMORY_MS + 1;
    expect((await keys.keyFor(userId)).equals(first)).toBe(true);
    expect(store.finds).toBe(finds + 1);
  });

  it('forgets a shredded key at once on this instance, and within the memory time on another', async () => {
    let clock = 0;
    const dir = tempDir();
    const one = new DataKeys(t.ctx.database.db, t.ctx.serverKey, directoryKeyStore(dir), () => clock);
    const two = new DataKeys(t.ctx.database.db, t.ctx.serverKey, directoryKeyStore(dir), () => clock);
    const userId = crypto.randomUUID();
    const sealed = await one.encryptText(userId, 'test', 'soon gone');
    expect(await two.decryptText(userId, 'test', sealed)).toBe('soon gone');
    await one.shredKey(userId);
    expect(await one.decryptText(userId, 'test', sealed)).toBeNull();
    clock += KEY_MEMORY_MS + 1;
    expect(await two.decryptText(userId, 'test', sealed)).toBeNull();
  });

  it(`remembers at most ${KEY_MEMORY_SIZE.toLocaleString('en-US')} keys, dropping the longest unused`, async () => {
    // Many people's keys in a store kept in memory (the file store would need 10,000 files).
    const rows = new Map<string, Awaited<ReturnType<KeyStore['find']>>>();
    const inMemory: KeyStore = {
      kind: 'database',
      find: async (_db, userId) => rows.get(userId),
      insertIfAbsent: async (_db, row) => rows.get(row.userId) ?? (rows.set(row.userId, row), row),
      delete: async (_db, userId) => void rows.delete(userId),
    };
    const store = counting(inMemory);
    const keys = new DataKeys(t.ctx.database.db, t.ctx.serverKey, store);
    const first = crypto.randomUUID();
    const key = await keys.keyFor(first);
    let finds = store.finds;
    await keys.keyFor(first);
    expect(store.finds).toBe(finds); // remembered
    const others = async (n: number) => {
      for (let i = 0; i < n; i++) await keys.keyFor(crypto.randomUUID());
    };
    await others(KEY_MEMORY_SIZE / 2);
    await keys.keyFor(first); // used again: now the most recent
    await others(KEY_MEMORY_SIZE / 2);
    finds = store.finds;
    await keys.keyFor(first);
    expect(store.finds).toBe(finds); // still remembered: others were unused longer
    await others(KEY_MEMORY_SIZE);
    finds = store.finds;
    expect((await keys.keyFor(first)).equals(key)).toBe(true); // pushed out by the others: read again
    expect(store.finds).toBe(finds + 1);
  });
});
