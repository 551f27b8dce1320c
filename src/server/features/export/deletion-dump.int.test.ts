/**
 * Deletion that deletes (docs/decisions/030, 035): a person writes one of everything with unique
 * marker words, a dump of the whole database is taken, the account is deleted through the real
 * API, and then, holding the server key, we try to read their words.
 *
 * What this proves:
 * - Data keys live in the key store, a directory outside the database (the embedded default), so
 *   the database — and so any dump or backup of it — never holds one.
 * - After deletion, no row anywhere names the person and their key file is gone. Holding the server
 *   key, the BEFORE dump, the AFTER dump, the live database and the key store together hold
 *   nothing that opens any of their ciphertexts. Their marker words appear in plaintext in neither
 *   dump (stored POST responses are sealed under the person's key too).
 * - The limit that remains is stated by the last test: a copy of the key store itself taken before
 *   the deletion still holds their wrapped key. Key-store backups are kept for days (ADR 035).
 *
 * The dump: every table of every schema, read through the driver on both engines (bytea as
 * bytes); on PostgreSQL also `pg_dump --data-only` when pg_dump is on the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { open } from '../../crypto/aead.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { writeEverything, type Written } from './fixture.ts';

type Row = Record<string, unknown>;
type Dump = Map<string, Row[]>;

let t: TestApp;
let w: Written;
let before: Dump;
let after: Dump;
let pgDumpBefore: string | null = null;
let pgDumpAfter: string | null = null;
/** A copy of the key store's files taken BEFORE deletion (name → content). */
let keyStoreBefore: Map<string, string>;

function keyStoreFiles(): Map<string, string> {
  const dir = t.ctx.config.keyStoreDir!;
  return new Map(fs.readdirSync(dir).filter((f) => f.endsWith('.key')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** The key store's files as user_key-shaped rows, for unwrapAll. */
function keyStoreRows(files: Map<string, string>): Row[] {
  return [...files].map(([name, text]) => {
    const parsed = JSON.parse(text) as { serverKeyId: string; wrappedKey: string };
    return { user_id: name.replace(/\.key$/, ''), server_key_id: parsed.serverKeyId, wrapped_key: Buffer.from(parsed.wrappedKey, 'base64') };
  });
}

const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const asBuffer = (v: unknown): Buffer | null => (Buffer.isBuffer(v) ? v : v instanceof Uint8Array ? Buffer.from(v) : null);

/** Every row of every table, through the driver: what a logical backup holds. */
async function dumpAll(): Promise<Dump> {
  const db = t.ctx.database.db;
  const tables = rowsOf(
    await db.execute(sql`select table_schema as s, table_name as n from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`),
  ) as Array<{ s: string; n: string }>;
  const dump: Dump = new Map();
  for (const { s, n } of tables) {
    dump.set(`${s}.${n}`, rowsOf(await db.execute(sql.raw(`select * from "${s}"."${n}"`))));
  }
  return dump;
}

const hasPgDump = () => process.env.TEST_DB === 'postgres' && spawnSync('pg_dump', ['--version']).status === 0;
const pgDump = () => execFileSync('pg_dump', ['--data-only', '--no-owner', '--no-privileges', inject('postgresUrl')], { maxBuffer: 512 * 1024 * 1024 }).toString('utf8');

/** Text of one table's rows, with bytea both as hex and as raw bytes (latin1), for a plaintext search. */
function tableText(rows: Row[]): string {
  return rows
    .map((r) =>
      Object.values(r)
        .map((v) => {
          const b = asBuffer(v);
          return b ? `${b.toString('hex')} ${b.toString('latin1')}` : typeof v === 'string' ? v : JSON.stringify(v ?? null);
        })
        .join('\u0000'),
    )
    .join('\n');
}

/** The tables whose text holds any of these words. */
function tablesContaining(dump: Dump, words: string[]): string[] {
  return [...dump].filter(([, rows]) => words.some((w) => tableText(rows).includes(w))).map(([name]) => name);
}

/** The sections of a pg_dump (one per COPY) that hold any of these words. */
function pgDumpSectionsContaining(text: string, words: string[]): string[] {
  return text
    .split(/^COPY /m)
    .slice(1)
    .filter((section) => words.some((w) => section.includes(w)))
    .map((section) => section.slice(0, section.indexOf(' ')));
}

/** Every data key the server key alone can unwrap from a dump's (or the live) user_key rows. */
function unwrapAll(userKeys: Row[]): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const r of userKeys) {
    const userId = String(r.user_id);
    // On PostgreSQL the run's other test files share the database, each with its own server key.
    if (r.server_key_id !== t.ctx.serverKey.id) continue;
    keys.set(userId, open(t.ctx.serverKey.key, asBuffer(r.wrapped_key)!, `user-key:${userId}`));
  }
  return keys;
}

/**
 * The person's sealed values in a dump, each with the associated data it was sealed with
 * (`<userId>:<purpose>`, the purposes of each feature's service).
 */
const SEALED: Array<{ table: string; owner: string; column: string; purpose: (r: Row) => string }> = [
  { table: 'journal_entry', owner: 'owner_id', column: 'content', purpose: (r) => `journal:${r.id}` },
  { table: 'origins_version', owner: 'owner_id', column: 'content', purpose: (r) => `origins:${r.id}` },
  { table: 'urge_log', owner: 'owner_id', column: 'content', purpose: (r) => `urge:${r.id}` },
  { table: 'self_worth_item', owner: 'owner_id', column: 'content', purpose: (r) => `self-worth:${r.id}` },
  { table: 'checkin', owner: 'author_id', column: 'content', purpose: (r) => `checkin:${r.id}` },
  { table: 'commitment', owner: 'maker_id', column: 'content', purpose: (r) => `commitment:${r.id}` },
  { table: 'agreement_version', owner: 'author_id', column: 'content', purpose: (r) => `agreement-version:${r.id}` },
  { table: 'boundary', owner: 'owner_id', column: 'content', purpose: (r) => `boundary:${r.id}` },
  { table: 'activity_reflection', owner: 'author_id', column: 'content', purpose: (r) => `activity-reflection:${r.plan_id}:${r.author_id}` },
  { table: 'repair', owner: 'author_id', column: 'content', purpose: (r) => `repair:${r.id}` },
  { table: 'cycle_side', owner: 'author_id', column: 'content', purpose: (r) => `cycle-side:${r.couple_id}:${r.author_id}` },
  { table: 'conversation_turn', owner: 'author_id', column: 'content', purpose: (r) => `conversation-turn:${r.id}` },
  { table: 'apology', owner: 'owner_id', column: 'content', purpose: (r) => `apology:${r.id}` },
];

function sealedOf(dump: Dump, userId: string): Array<{ table: string; sealed: Buffer; aad: string }> {
  return SEALED.flatMap(({ table, owner, column, purpose }) =>
    (dump.get(`public.${table}`) ?? []).filter((r) => r[owner] === userId).map((r) => ({ table, sealed: asBuffer(r[column])!, aad: `${userId}:${purpose(r)}` })),
  );
}

function opensWithAny(item: { sealed: Buffer; aad: string }, keys: Iterable<Buffer>): string | null {
  for (const key of keys) {
    try {
      return open(key, item.sealed, item.aad).toString('utf8');
    } catch {
      // not this key
    }
  }
  return null;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await writeEverything(t);
  before = await dumpAll();
  keyStoreBefore = keyStoreFiles();
  if (hasPgDump()) pgDumpBefore = pgDump();
  const res = await w.me.agent.post('/api/auth/delete-user', { password: w.me.password });
  expect(res.statusCode).toBe(200);
  after = await dumpAll();
  if (hasPgDump()) pgDumpAfter = pgDump();
}, 120_000);
afterAll(() => t.close());

describe(`deleting an account, against a dump of the database (${engineName()})`, () => {
  it('the BEFORE dump holds every kind of their words, sealed, and no data key: keys live in the key store outside the database', async () => {
    expect(t.ctx.dataKeys.store.kind).toBe('directory');
    const mine = sealedOf(before, w.me.userId);
    expect(new Set(mine.map((m) => m.table))).toEqual(new Set(SEALED.map((s) => s.table)));
    expect(before.get('public.user_key')!.some((r) => r.user_id === w.me.userId)).toBe(false);
    expect(before.get('public.user_key')!.filter((r) => r.server_key_id === t.ctx.serverKey.id)).toEqual([]);
    // The decryption below is done right: with their key from the key store every one of them opens.
    const keys = unwrapAll(keyStoreRows(keyStoreBefore));
    expect(keys.has(w.me.userId)).toBe(true);
    const opened = mine.map((m) => opensWithAny(m, [keys.get(w.me.userId)!]));
    expect(opened.every((text) => text !== null)).toBe(true);
    for (const word of Object.values(w.mine)) expect(opened.join(' ')).toContain(word);
  });

  it('leaves no row that names the person in any column of any table', async () => {
    const db = t.ctx.database.db;
    const columns = rowsOf(
      await db.execute(sql`select table_schema as s, table_name as n, column_name as c from information_schema.columns
        where table_schema not in ('pg_catalog', 'information_schema') and data_type in ('text', 'character varying', 'uuid')`),
    ) as Array<{ s: string; n: string; c: string }>;
    const found: string[] = [];
    for (const { s, n, c } of columns) {
      const [row] = rowsOf(await db.execute(sql.raw(`select count(*)::int as k from "${s}"."${n}" where "${c}"::text = '${w.me.userId}'`))) as Array<{ k: number }>;
      if (row!.k > 0) found.push(`${s}.${n}.${c}`);
    }
    expect(found).toEqual([]);
    // …and the id appears nowhere in a dump taken after (counters and stored responses included).
    expect(tablesContaining(after, [w.me.userId])).toEqual([]);
    // The partner's account and words are still there.
    expect(after.get('public.user')!.some((r) => r.id === w.partner.userId)).toBe(true);
    expect(await t.ctx.dataKeys.existingKeyFor(w.me.userId)).toBeNull();
    expect(keyStoreFiles().has(`${w.me.userId}.key`)).toBe(false);
    expect(keyStoreFiles().has(`${w.partner.userId}.key`)).toBe(true);
  });

  it('with the server key, nothing in the BEFORE dump, the AFTER dump, the live database or the key store opens any of their ciphertexts', async () => {
    const mine = sealedOf(before, w.me.userId);
    expect(mine.length).toBeGreaterThanOrEqual(SEALED.length);
    const live = rowsOf(await t.ctx.database.db.execute(sql`select user_id, server_key_id, wrapped_key from user_key`));
    const candidates = new Map<string, Buffer>([
      ...unwrapAll(before.get('public.user_key')!),
      ...unwrapAll(after.get('public.user_key')!),
      ...unwrapAll(live),
      ...unwrapAll(keyStoreRows(keyStoreFiles())),
    ]);
    expect(candidates.has(w.me.userId)).toBe(false);
    expect(candidates.has(w.partner.userId)).toBe(true); // the partner's key is still there (and is tried too)
    for (const item of mine) {
      expect(opensWithAny(item, [...candidates.values(), t.ctx.serverKey.key]), item.table).toBeNull();
    }
    // None of their ciphertexts is even still stored.
    const stillStored = new Set([...after.values()].flatMap((rows) => rows.flatMap((r) => Object.values(r).map(asBuffer).filter((b): b is Buffer => b !== null).map((b) => b.toString('hex')))));
    expect(mine.filter((m) => stillStored.has(m.sealed.toString('hex')))).toEqual([]);
  });

  it('their words appear in plaintext in neither dump: stored POST responses are sealed too', async () => {
    const words = Object.values(w.mine);
    expect(tablesContaining(after, words)).toEqual([]);
    // The check-in was sent with an Idempotency-Key (as the web form does): its stored response is
    // sealed under the person's key, so even the BEFORE dump holds no plaintext.
    expect(before.get('public.idempotency_key')!.some((r) => r.actor_id === w.me.userId)).toBe(true);
    expect(tablesContaining(before, words)).toEqual([]);
    // The partner's words are untouched, and sealed as well.
    expect(tablesContaining(after, [w.theirs.checkin])).toEqual([]);
    expect(after.get('public.idempotency_key')!.some((r) => r.actor_id === w.partner.userId)).toBe(true);
    // On PostgreSQL, pg_dump (when on the machine) agrees.
    if (pgDumpBefore !== null && pgDumpAfter !== null) {
      expect(pgDumpSectionsContaining(pgDumpAfter, words)).toEqual([]);
      expect(pgDumpAfter).not.toContain(w.me.userId);
      expect(pgDumpSectionsContaining(pgDumpBefore, words)).toEqual([]);
    }
  });

  it('the limit that remains: a copy of the key store taken BEFORE deletion still holds their key', () => {
    const beforeKeys = unwrapAll(keyStoreRows(keyStoreBefore));
    const mine = sealedOf(before, w.me.userId);
    expect(mine.every((m) => opensWithAny(m, [beforeKeys.get(w.me.userId)!]) !== null)).toBe(true);
  });
});
