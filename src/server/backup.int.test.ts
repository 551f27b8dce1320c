/**
 * `npm run backup` / `npm run restore` round trip, on the engine of the project (docs/decisions/034):
 * data made through the app — a verified account and an encrypted journal entry — is backed up by
 * the real CLI, restored into an empty data folder (and, on PostgreSQL, an empty database), and a
 * fresh app on the restored copy signs the person in and gives their words back. The refusals are
 * proved too: a non-empty target without --force, a running embedded server, a damaged backup,
 * a missing server key, bad usage.
 *
 * PGlite runs with the defaults (key file and key store in DATA_DIR); PostgreSQL with
 * TRELLIS_SECRET_KEY from the environment and KEY_STORE_DIR outside DATA_DIR, so between them both
 * ways of holding the server key and the key store on both engines' dump formats are covered.
 */
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { createContext } from './context.ts';
import { openDatabase, type Database } from './db/client.ts';
import { Agent } from './http/inject-agent.ts';
import { SmtpCapture, firstUrl } from './testing/smtp-capture.ts';
import { BASE_URL, pathOf, uniqueEmail } from './testing/test-app.ts';
import { createScratchDatabase } from './testing/scratch-postgres.ts';
import { engineName } from './testing/test-db.ts';
import type { Manifest } from './backup/backup.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const isPg = engineName() === 'postgres';
const STEP_TIMEOUT = 120_000;

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});
const tempDir = (name: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `trellis-backup-${name}-`));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
};

/** Runs scripts/backup.ts or scripts/restore.ts as the operator would (npm run … is tsx on these). */
function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish:\n${out}`));
    }, 100_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

interface RunningApp {
  agent(): Agent;
  smtp: SmtpCapture;
  database: Database;
  close(): Promise<void>;
}

/** The whole app in-process on the database and folders `env` names (as main.ts opens them). */
async function openApp(env: Record<string, string>, template?: Blob): Promise<RunningApp> {
  const smtp = await new SmtpCapture().start();
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL, SMTP_URL: smtp.url, LOG_LEVEL: 'silent', JOBS: 'off', ...env });
  const database = config.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: 3 })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir, ...(template ? { loadDataDir: template } : {}) });
  await database.migrate();
  const ctx = createContext(config, database);
  const app = await buildApp(ctx);
  await app.ready();
  return {
    agent: () => new Agent(app),
    smtp,
    database,
    async close() {
      await app.close();
      ctx.mailer.close();
      await database.close();
      await smtp.stop();
    },
  };
}

const words = `The backup drill ${crypto.randomBytes(6).toString('hex')}: I noticed the old fear and let it pass.`;
const email = uniqueEmail();
const password = 'a long unguessable phrase ' + crypto.randomBytes(4).toString('hex');
let entryId = '';
/** Settings of the original installation, and of the empty one restored into. */
let sourceEnv: Record<string, string>;
let targetEnv: Record<string, string>;
let archive = '';
const outputs: string[] = [];
const noUserDataIn = (out: string) => {
  expect(out).not.toContain(words);
  expect(out).not.toContain(email);
};

async function postgresTarget(prefix: string): Promise<string> {
  const admin = new URL(inject('postgresUrl'));
  admin.pathname = '/postgres';
  const scratch = await createScratchDatabase(admin.toString(), prefix);
  cleanups.push(scratch.drop);
  return scratch.url;
}

describe(`backup and restore (${engineName()})`, () => {
  beforeAll(async () => {
    const sourceDir = tempDir('source');
    if (isPg) {
      sourceEnv = {
        DATA_DIR: sourceDir,
        DATABASE_URL: await postgresTarget('trellis_backup_src'),
        TRELLIS_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
        KEY_STORE_DIR: path.join(tempDir('source-keys'), 'keys'),
      };
    } else {
      sourceEnv = { DATA_DIR: sourceDir };
    }
    const template = isPg ? undefined : new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    const source = await openApp(sourceEnv, template);
    try {
      const agent = source.agent();
      expect((await agent.post('/api/auth/sign-up/email', { email, password, name: 'Robin' })).statusCode).toBe(200);
      const mail = await source.smtp.waitFor(email, /confirm/i);
      expect((await agent.get(pathOf(firstUrl(mail.text)))).statusCode).toBeLessThan(400);
      expect((await agent.post('/api/auth/sign-in/email', { email, password })).statusCode).toBe(200);
      const created = await agent.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: new Date(Date.now() - 3600_000).toISOString(), timeZone: 'UTC', whatHappened: words });
      expect(created.statusCode).toBe(201);
      entryId = created.json().entry.id;

      if (!isPg) {
        // While the embedded server runs (this process holds the data folder), a backup is refused.
        const running = await cli('backup', [path.join(tempDir('refused'), 'b')], sourceEnv);
        expect(running.code).toBe(1);
        expect(running.out).toMatch(/already in use by another Trellis process/);
        expect(running.out).toMatch(/only while Trellis is stopped/);
      }
    } finally {
      await source.close();
    }
  }, STEP_TIMEOUT);

  it(
    'writes one backup directory with the database, the key store, the server key file (if a file) and a manifest',
    async () => {
      archive = path.join(tempDir('archive'), 'trellis-backup');
      const res = await cli('backup', [archive], sourceEnv);
      outputs.push(res.out);
      expect(res.code, res.out).toBe(0);
      expect(res.out).toContain(`Backup written to ${archive}`);

      const manifest = JSON.parse(fs.readFileSync(path.join(archive, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest).toMatchObject({ format: 'trellis-backup', formatVersion: 1, engine: engineName(), trellisVersion: '0.1.0' });
      expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(5 * 60_000);
      const journal = JSON.parse(fs.readFileSync(path.join(root, 'migrations/meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
      expect(manifest.schema.migrations).toBe(journal.entries.length);
      expect(manifest.schema.latest).toBe(journal.entries.at(-1)!.tag);
      expect(manifest.keyStore).toEqual({ kind: 'directory', files: 1 });

      const names = fs.readdirSync(archive).sort();
      if (isPg) {
        // TRELLIS_SECRET_KEY came from the environment: it is never written into the backup.
        expect(names).toEqual(['database.pgdump', 'keys', 'manifest.json']);
        expect(manifest.serverKey.source).toBe('environment');
        expect(res.out).toMatch(/NOT included: it comes from TRELLIS_SECRET_KEY/);
        expect(fs.readFileSync(path.join(archive, 'database.pgdump')).subarray(0, 5).toString()).toBe('PGDMP'); // custom format
        for (const f of fs.readdirSync(archive)) if (f !== 'keys') expect(fs.readFileSync(path.join(archive, f)).toString('latin1')).not.toContain(sourceEnv.TRELLIS_SECRET_KEY!);
      } else {
        expect(names).toEqual(['database.tar.gz', 'keys', 'manifest.json', 'secret.key']);
        expect(manifest.serverKey.source).toBe('file');
        expect(fs.readFileSync(path.join(archive, 'secret.key'))).toEqual(fs.readFileSync(path.join(sourceEnv.DATA_DIR!, 'secret.key')));
        // The dump is the data folder as it is on disk: the person's words are in it only encrypted.
        expect(gunzipSync(fs.readFileSync(path.join(archive, 'database.tar.gz'))).toString('latin1')).not.toContain('I noticed the old fear');
      }
      const keyDir = isPg ? sourceEnv.KEY_STORE_DIR! : path.join(sourceEnv.DATA_DIR!, 'keys');
      expect(fs.readdirSync(path.join(archive, 'keys'))).toEqual(fs.readdirSync(keyDir));
      expect(manifest.files.map((f) => f.path)).toContain(`keys/${fs.readdirSync(keyDir)[0]}`);
      // Only the owner can read it: it holds what opens everyone's writing.
      expect(fs.statSync(archive).mode & 0o077).toBe(0);
      for (const f of manifest.files) expect(fs.statSync(path.join(archive, f.path)).mode & 0o077).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'refuses bad usage, a non-empty backup target, and restoring over existing data without --force',
    async () => {
      const usage = await cli('restore', [], sourceEnv);
      expect(usage.code).toBe(1);
      expect(usage.out).toMatch(/Missing the backup directory[\s\S]*Usage: npm run restore/);
      const extra = await cli('backup', [archive, 'second'], sourceEnv);
      expect(extra.code).toBe(1);
      expect(extra.out).toMatch(/Give exactly one backup directory/);

      const onto = await cli('backup', [archive], sourceEnv);
      expect(onto.code).toBe(1);
      expect(onto.out).toMatch(/is not empty: give a new directory/);

      const keyDir = isPg ? sourceEnv.KEY_STORE_DIR! : path.join(sourceEnv.DATA_DIR!, 'keys');
      const keysBefore = fs.readdirSync(keyDir);
      const over = await cli('restore', [archive], sourceEnv);
      outputs.push(over.out);
      expect(over.code).toBe(1);
      expect(over.out).toMatch(/Refusing to restore over existing data \(nothing was changed\)/);
      expect(over.out).toContain(keyDir);
      expect(over.out).toMatch(isPg ? /database trellis_backup_src_\w+ \(schemas: .*public/ : /pglite/);
      expect(over.out).toMatch(/add --force/);
      expect(fs.readdirSync(keyDir)).toEqual(keysBefore);
    },
    STEP_TIMEOUT,
  );

  it(
    'refuses a damaged backup and, on PostgreSQL, a restore without the server key',
    async () => {
      const damaged = path.join(tempDir('damaged'), 'copy');
      fs.cpSync(archive, damaged, { recursive: true });
      const keyFile = path.join(damaged, 'keys', fs.readdirSync(path.join(damaged, 'keys'))[0]!);
      fs.writeFileSync(keyFile, fs.readFileSync(keyFile, 'utf8').replace(/"v":1/, '"v":2'));
      const target: Record<string, string> = isPg
        ? { DATA_DIR: tempDir('t-damaged'), DATABASE_URL: await postgresTarget('trellis_backup_dmg'), TRELLIS_SECRET_KEY: sourceEnv.TRELLIS_SECRET_KEY!, KEY_STORE_DIR: path.join(tempDir('t-damaged-keys'), 'k') }
        : { DATA_DIR: tempDir('t-damaged') };
      const res = await cli('restore', [damaged], target);
      expect(res.code).toBe(1);
      expect(res.out).toMatch(/The backup is damaged: keys\/.*\.key does not match its checksum/);
      expect(fs.readdirSync(target.DATA_DIR!)).toEqual([]);

      if (isPg) {
        const { TRELLIS_SECRET_KEY: _omit, ...withoutKey } = target;
        const noKey = await cli('restore', [archive], withoutKey);
        expect(noKey.code).toBe(1);
        expect(noKey.out).toMatch(/made with TRELLIS_SECRET_KEY from the environment, which is not in the backup/);
        const wrongKey = await cli('restore', [archive], { ...withoutKey, TRELLIS_SECRET_KEY: crypto.randomBytes(32).toString('base64') });
        expect(wrongKey.code).toBe(1);
        expect(wrongKey.out).toMatch(/TRELLIS_SECRET_KEY is not the server key this backup was made with/);
        const noKeyDir = await cli('restore', [archive], { ...target, KEY_STORE_DIR: 'database' });
        expect(noKeyDir.code).toBe(1);
        expect(noKeyDir.out).toMatch(/holds a key-store directory .* Set KEY_STORE_DIR/);
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'restores into an empty installation, where the person signs in and reads their journal entry back',
    async () => {
      targetEnv = isPg
        ? { DATA_DIR: tempDir('target'), DATABASE_URL: await postgresTarget('trellis_backup_dst'), TRELLIS_SECRET_KEY: sourceEnv.TRELLIS_SECRET_KEY!, KEY_STORE_DIR: path.join(tempDir('target-keys'), 'keys') }
        : { DATA_DIR: path.join(tempDir('target'), 'data') }; // a folder that does not exist yet
      const res = await cli('restore', [archive], targetEnv);
      outputs.push(res.out);
      expect(res.code, res.out).toBe(0);
      expect(res.out).toMatch(/^Restored Trellis 0\.1\.0/);
      expect(res.out).toMatch(/data keys {2}→ .* \(1 key file\)/);
      expect(res.out).toMatch(isPg ? /server key → TRELLIS_SECRET_KEY from the environment/ : /server key → .*secret\.key/);

      // Run it again: now refused, then allowed with --force (which replaces, not merges).
      expect((await cli('restore', [archive], targetEnv)).code).toBe(1);
      const forced = await cli('restore', [archive, '--force'], targetEnv);
      outputs.push(forced.out);
      expect(forced.code, forced.out).toBe(0);
      expect(forced.out).toMatch(/--force: existing data replaced/);

      const restored = await openApp(targetEnv);
      try {
        const agent = restored.agent();
        const signIn = await agent.post('/api/auth/sign-in/email', { email, password });
        expect(signIn.statusCode).toBe(200);
        const entry = await agent.get(`/api/v1/journal/entries/${entryId}`);
        expect(entry.statusCode).toBe(200);
        expect(entry.json().whatHappened).toBe(words);
        // A wrong password is still refused on the copy (the account is the same account).
        expect((await restored.agent().post('/api/auth/sign-in/email', { email, password: password + 'x' })).statusCode).toBe(401);
      } finally {
        await restored.close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'restores a backup whose keys/ was pruned, with --keys-from a copy of the current key store',
    async () => {
      const pruned = path.join(tempDir('pruned'), 'old-backup');
      fs.cpSync(archive, pruned, { recursive: true });
      fs.rmSync(path.join(pruned, 'keys'), { recursive: true });
      const keysNow = path.join(tempDir('keys-now'), 'keys');
      fs.cpSync(isPg ? sourceEnv.KEY_STORE_DIR! : path.join(sourceEnv.DATA_DIR!, 'keys'), keysNow, { recursive: true });
      const env: Record<string, string> = isPg
        ? { DATA_DIR: tempDir('t-pruned'), DATABASE_URL: await postgresTarget('trellis_backup_prn'), TRELLIS_SECRET_KEY: sourceEnv.TRELLIS_SECRET_KEY!, KEY_STORE_DIR: path.join(tempDir('t-pruned-keys'), 'keys') }
        : { DATA_DIR: tempDir('t-pruned') };

      const without = await cli('restore', [pruned], env);
      expect(without.code).toBe(1);
      expect(without.out).toMatch(/keys\/ folder is missing .* --keys-from/);

      const res = await cli('restore', [pruned, '--keys-from', keysNow], env);
      outputs.push(res.out);
      expect(res.code, res.out).toBe(0);
      expect(res.out).toContain(`(1 key file, from ${keysNow})`);
      const restored = await openApp(env);
      try {
        const agent = restored.agent();
        expect((await agent.post('/api/auth/sign-in/email', { email, password })).statusCode).toBe(200);
        expect((await agent.get(`/api/v1/journal/entries/${entryId}`)).json().whatHappened).toBe(words);
      } finally {
        await restored.close();
      }
    },
    STEP_TIMEOUT,
  );

  it('never prints the person\'s words or address', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(5);
    for (const out of outputs) noUserDataIn(out);
  });
});
