/**
 * Backup and restore for both engines (docs/decisions/034, docs/production.md).
 *
 * A backup is a DIRECTORY, written under a temporary name and renamed into place when complete:
 *
 *   manifest.json     engine, schema level, created at, Trellis version, server-key fingerprint, file checksums
 *   database.tar.gz   the embedded (PGlite) data folder, dumped by PGlite itself   — or —
 *   database.pgdump   pg_dump's custom format (PostgreSQL)
 *   keys/             the directory key store (docs/decisions/035), when one is used
 *   secret.key        the server key, when it is a file (TRELLIS_SECRET_KEY is never written out)
 *
 * PGlite is single-process: a running server holds the data folder's lock, so an embedded backup
 * refuses until the server is stopped (there is no second connection to dump through). PostgreSQL
 * is dumped online: pg_dump reads one consistent snapshot while the servers keep running, and the
 * key store is copied AFTER the dump, so every key that any dumped ciphertext needs is in the copy.
 *
 * Nothing here prints or logs a person's data: only paths, counts, versions and fingerprints.
 */
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';
import type { Config } from '../config.ts';
import { decodeKey } from '../config.ts';
import { fingerprint } from '../crypto/server-key.ts';
import { migrationsFolder } from '../db/client.ts';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from '../db/data-dir-lock.ts';

/** A refusal or failure with a message meant for the operator; the CLIs print it and exit 1. */
export class BackupError extends Error {}

export const MANIFEST_FORMAT = 'trellis-backup';
export const MANIFEST_VERSION = 1;

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  createdAt: string;
  trellisVersion: string;
  engine: 'pglite' | 'postgres';
  /** Migrations applied to the backed-up database (drizzle's journal). */
  schema: { migrations: number; latest: string | null; latestWhen: number | null };
  database: { file: string; serverVersion?: string };
  keyStore: { kind: 'directory'; files: number } | { kind: 'database' };
  /** Fingerprint only (the same id stored beside every wrapped key); the key itself never. */
  serverKey: { source: 'file' | 'environment'; id: string };
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PGLITE_DUMP = 'database.tar.gz';
const PG_DUMP = 'database.pgdump';
const KEY_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.key$/;

export function trellisVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}
/** The migrations this code knows (migrations/meta/_journal.json). */
export function knownMigrations(): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

function schemaLevel(rows: Array<{ created_at: string | number }>): Manifest['schema'] {
  const whens = rows.map((r) => Number(r.created_at)).sort((a, b) => a - b);
  const latestWhen = whens.at(-1) ?? null;
  const latest = latestWhen === null ? null : (knownMigrations().find((m) => m.when === latestWhen)?.tag ?? `unknown (${latestWhen})`);
  return { migrations: whens.length, latest, latestWhen };
}

const MIGRATIONS_QUERY = 'select created_at from drizzle.__drizzle_migrations';

/** Where the server key comes from, as the server would load it (without creating a key file). */
function currentServerKey(config: Config): { source: 'file' | 'environment'; id: string; file?: string } {
  if (config.TRELLIS_SECRET_KEY) return { source: 'environment', id: fingerprint(decodeKey(config.TRELLIS_SECRET_KEY)!) };
  const file = path.join(config.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    throw new BackupError(`No server key: TRELLIS_SECRET_KEY is not set and there is no key file at ${file}. Run the backup with the same settings as the server.`);
  }
  const key = decodeKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new BackupError(`${file} does not hold a 32-byte base64 key.`);
  return { source: 'file', id: fingerprint(key), file };
}

const isEmptyOrMissing = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** Copies the `<uuid>.key` files of a key store (temporary files mid-write are skipped). */
function copyKeyFiles(from: string, to: string): number {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(from)) return 0;
  let n = 0;
  for (const name of fs.readdirSync(from)) {
    if (!KEY_FILE.test(name)) continue;
    try {
      fs.copyFileSync(path.join(from, name), path.join(to, name));
      fs.chmodSync(path.join(to, name), 0o600);
      n++;
    } catch (err) {
      // Deleted between listing and copying: that person's account is gone, and so is their key.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return n;
}

/** Runs a PostgreSQL client tool; the password goes in the environment, never on the command line. */
function runPgTool(tool: 'pg_dump' | 'pg_restore', url: string, args: string[]): Promise<void> {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, '--dbname', u.toString()], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(new BackupError(err.code === 'ENOENT' ? `${tool} was not found on PATH: install the PostgreSQL client tools (the same major version as the server, or newer).` : `${tool} could not run: ${err.message}`)),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`${tool} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}

async function withPgClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'trellis-backup' });
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError(`Could not connect to DATABASE_URL: ${(err as Error).message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function lockDataDir(dataDir: string, doing: string): DataDirLock {
  try {
    return acquireDataDirLock(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new BackupError(
        `${err.message.split('. ')[0]}. The embedded database can be ${doing} only while Trellis is stopped: stop the server, run this again, then start it.${doing === 'backed up' ? ' (On PostgreSQL, backups run while the server is up.)' : ''}`,
      );
    }
    throw err;
  }
}

export interface BackupResult {
  archive: string;
  manifest: Manifest;
}

/** Writes a complete backup to `target` (a directory that must not exist yet, or be empty). */
export async function createBackup(config: Config, target: string): Promise<BackupResult> {
  const archive = path.resolve(target);
  if (!isEmptyOrMissing(archive)) throw new BackupError(`${archive} is not empty: give a new directory for the backup (nothing was written).`);
  if (fs.existsSync(archive) && !fs.statSync(archive).isDirectory()) throw new BackupError(`${archive} is a file: give a directory name for the backup.`);
  const engine = config.DATABASE_URL ? 'postgres' : 'pglite';
  const serverKey = currentServerKey(config);
  fs.mkdirSync(path.dirname(archive), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(archive), `.${path.basename(archive)}.partial-`));
  fs.chmodSync(work, 0o700);
  try {
    let schema: Manifest['schema'];
    let database: Manifest['database'];
    let keyFiles = 0;
    if (engine === 'pglite') {
      const pgdata = path.join(config.dataDir, 'pglite');
      if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) throw new BackupError(`There is no embedded database in ${config.dataDir} (DATA_DIR): nothing to back up.`);
      const lock = lockDataDir(config.dataDir, 'backed up');
      try {
        const client = await PGlite.create(pgdata, { extensions: { btree_gist } });
        try {
          schema = schemaLevel((await client.query<{ created_at: string }>(MIGRATIONS_QUERY).catch(notMigrated)).rows);
          await client.query('checkpoint');
          const dump = await client.dumpDataDir('gzip');
          fs.writeFileSync(path.join(work, PGLITE_DUMP), Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
        } finally {
          await client.close();
        }
        if (config.keyStoreDir) keyFiles = copyKeyFiles(config.keyStoreDir, path.join(work, 'keys'));
      } finally {
        lock.release();
      }
      database = { file: PGLITE_DUMP };
    } else {
      const url = config.DATABASE_URL!;
      const info = await withPgClient(url, async (c) => ({
        rows: (await c.query<{ created_at: string }>(MIGRATIONS_QUERY).catch(notMigrated)).rows,
        version: (await c.query<{ server_version: string }>('show server_version')).rows[0]!.server_version,
      }));
      schema = schemaLevel(info.rows);
      const file = path.join(work, PG_DUMP);
      await runPgTool('pg_dump', url, ['--format=custom', '--file', file]);
      fs.chmodSync(file, 0o600);
      // After the dump: every key a dumped ciphertext was written under existed before the dump.
      if (config.keyStoreDir) keyFiles = copyKeyFiles(config.keyStoreDir, path.join(work, 'keys'));
      database = { file: PG_DUMP, serverVersion: info.version };
    }
    if (serverKey.source === 'file') fs.copyFileSync(serverKey.file!, path.join(work, 'secret.key'));
    if (fs.existsSync(path.join(work, 'secret.key'))) fs.chmodSync(path.join(work, 'secret.key'), 0o600);

    const files = await Promise.all(
      listFiles(work).map(async (rel) => ({ path: rel, bytes: fs.statSync(path.join(work, rel)).size, sha256: await sha256File(path.join(work, rel)) })),
    );
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      formatVersion: MANIFEST_VERSION,
      createdAt: new Date().toISOString(),
      trellisVersion: trellisVersion(),
      engine,
      schema,
      database,
      keyStore: config.keyStoreDir ? { kind: 'directory', files: keyFiles } : { kind: 'database' },
      serverKey: { source: serverKey.source, id: serverKey.id },
      files,
    };
    fs.writeFileSync(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    if (fs.existsSync(archive)) fs.rmdirSync(archive);
    fs.renameSync(work, archive);
    return { archive, manifest };
  } catch (err) {
    fs.rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

function notMigrated(): never {
  throw new BackupError('The database has no Trellis migrations table: it is not a Trellis database, or it was never started (npm run db:migrate).');
}

/** Reads and checks a backup's manifest and every file's checksum. */
export async function readBackup(archiveArg: string, opts: { keysFrom?: string } = {}): Promise<{ archive: string; manifest: Manifest }> {
  const archive = path.resolve(archiveArg);
  const manifestFile = path.join(archive, 'manifest.json');
  if (!fs.existsSync(archive)) throw new BackupError(`${archive} does not exist.`);
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${archive} is not a Trellis backup (no manifest.json).`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch {
    throw new BackupError(`${manifestFile} is not valid JSON.`);
  }
  if (manifest.format !== MANIFEST_FORMAT) throw new BackupError(`${archive} is not a Trellis backup (manifest format ${JSON.stringify(manifest.format)}).`);
  if (manifest.formatVersion !== MANIFEST_VERSION) {
    throw new BackupError(`This backup uses format version ${manifest.formatVersion}; this Trellis (${trellisVersion()}) reads version ${MANIFEST_VERSION}. Restore it with the Trellis version that made it (${manifest.trellisVersion}) or newer.`);
  }
  if (manifest.engine !== 'pglite' && manifest.engine !== 'postgres') throw new BackupError(`Unknown engine in manifest: ${JSON.stringify(manifest.engine)}.`);
  for (const f of manifest.files ?? []) {
    const file = path.join(archive, f.path);
    if (path.relative(archive, file).startsWith('..')) throw new BackupError(`The manifest names a file outside the backup: ${f.path}`);
    // --keys-from: the backup's own keys are not used (and may have been pruned on purpose).
    if (opts.keysFrom && f.path.startsWith('keys/')) continue;
    if (!fs.existsSync(file)) {
      throw new BackupError(
        f.path.startsWith('keys/') && !fs.existsSync(path.join(archive, 'keys'))
          ? `This backup's keys/ folder is missing (pruned after its retention?). Restore it with --keys-from <a copy of the key store>, e.g. the live KEY_STORE_DIR or a newer backup's keys/.`
          : `The backup is incomplete: ${f.path} is missing.`,
      );
    }
    if ((await sha256File(file)) !== f.sha256) throw new BackupError(`The backup is damaged: ${f.path} does not match its checksum in manifest.json.`);
  }
  if (!manifest.files?.some((f) => f.path === manifest.database.file)) throw new BackupError(`The backup is incomplete: no ${manifest.database.file}.`);
  // The schema must be one this code can run (an older one is brought up to date when Trellis starts).
  const known = knownMigrations();
  if (manifest.schema.latestWhen !== null && !known.some((m) => m.when === manifest.schema.latestWhen)) {
    const newest = known.at(-1)!;
    const newer = manifest.schema.latestWhen > newest.when;
    throw new BackupError(
      newer
        ? `This backup's database has migrations this Trellis (${trellisVersion()}) does not know (made by Trellis ${manifest.trellisVersion}). Upgrade Trellis first, then restore.`
        : `This backup's database ends at a migration this Trellis does not know (${manifest.schema.latest}); restore it with Trellis ${manifest.trellisVersion}.`,
    );
  }
  return { archive, manifest };
}

export interface RestoreResult {
  manifest: Manifest;
  lines: string[];
  pendingMigrations: number;
}

/**
 * Restores a backup into the database and folders `config` names. Refuses (changing nothing) when
 * any of them already holds data, unless `force`; refuses a backup made for the other engine, or
 * whose server key is not the one this configuration will use.
 */
export async function restoreBackup(config: Config, archiveArg: string, opts: { force: boolean; keysFrom?: string }): Promise<RestoreResult> {
  const keysFrom = opts.keysFrom ? path.resolve(opts.keysFrom) : undefined;
  if (keysFrom && !(fs.existsSync(keysFrom) && fs.statSync(keysFrom).isDirectory())) throw new BackupError(`--keys-from ${keysFrom}: not a directory.`);
  if (keysFrom && !config.keyStoreDir) throw new BackupError('--keys-from needs a key-store directory to restore into: set KEY_STORE_DIR (these settings keep keys in the database).');
  const { archive, manifest } = await readBackup(archiveArg, { keysFrom });
  if (keysFrom && config.keyStoreDir && path.resolve(config.keyStoreDir) === keysFrom) {
    throw new BackupError('--keys-from names the key store being restored into; copy it elsewhere first (e.g. cp -a "$KEY_STORE_DIR" /tmp/keys-now) and give that copy.');
  }
  const engine = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (manifest.engine !== engine) {
    throw new BackupError(
      `This backup is of the ${label(manifest.engine)} database, but these settings point at the ${label(engine)} one (${engine === 'postgres' ? 'DATABASE_URL is set' : 'DATABASE_URL is unset'}). ` +
        `Restore it with the same engine it was made with; to move between engines, export each person's data instead.`,
    );
  }
  const has = (rel: string) => manifest.files.some((f) => f.path === rel);
  const keyFilesInBackup = manifest.files.filter((f) => f.path.startsWith('keys/') && KEY_FILE.test(f.path.slice(5)));

  // The server key this configuration will use must be the one the backup was made under.
  const secretTarget = path.join(config.dataDir, 'secret.key');
  let writeSecret = false;
  if (config.TRELLIS_SECRET_KEY) {
    const id = fingerprint(decodeKey(config.TRELLIS_SECRET_KEY)!);
    if (id !== manifest.serverKey.id) {
      throw new BackupError(`TRELLIS_SECRET_KEY is not the server key this backup was made with (fingerprint ${id}, backup ${manifest.serverKey.id}). Set the key the backed-up server used.`);
    }
  } else if (manifest.serverKey.source === 'environment') {
    throw new BackupError(
      `This backup was made with TRELLIS_SECRET_KEY from the environment, which is not in the backup. Set TRELLIS_SECRET_KEY to that key (fingerprint ${manifest.serverKey.id}) and run the restore again.`,
    );
  } else {
    if (!has('secret.key')) throw new BackupError('The backup is incomplete: its server key file (secret.key) is missing.');
    if (config.isProduction && config.DATABASE_URL) {
      throw new BackupError('In production on PostgreSQL the server key must come from TRELLIS_SECRET_KEY: set it to the key in the backup\'s secret.key, then restore again.');
    }
    writeSecret = true;
  }
  if (manifest.keyStore.kind === 'directory' && !config.keyStoreDir) {
    throw new BackupError(`This backup holds a key-store directory (${keyFilesInBackup.length} data keys) but these settings keep keys in the database. Set KEY_STORE_DIR to where the restored keys should go.`);
  }

  // Refuse a non-empty target before changing anything.
  const occupied: string[] = [];
  if (writeSecret && fs.existsSync(secretTarget)) occupied.push(secretTarget);
  if (config.keyStoreDir && !isEmptyOrMissing(config.keyStoreDir)) occupied.push(config.keyStoreDir);
  const lines: string[] = [];
  let pendingMigrations = 0;
  const known = knownMigrations();
  pendingMigrations = known.filter((m) => manifest.schema.latestWhen === null || m.when > manifest.schema.latestWhen).length;

  if (engine === 'pglite') {
    const pgdata = path.join(config.dataDir, 'pglite');
    if (!isEmptyOrMissing(pgdata)) occupied.unshift(pgdata);
    fs.mkdirSync(config.dataDir, { recursive: true });
    const lock = lockDataDir(config.dataDir, 'restored');
    try {
      refuseOccupied(occupied, opts.force);
      if (opts.force) fs.rmSync(pgdata, { recursive: true, force: true });
      const dump = fs.readFileSync(path.join(archive, manifest.database.file));
      const client = await PGlite.create(pgdata, { extensions: { btree_gist }, loadDataDir: new Blob([dump]) });
      try {
        const restored = schemaLevel((await client.query<{ created_at: string }>(MIGRATIONS_QUERY)).rows);
        if (restored.migrations !== manifest.schema.migrations) throw new BackupError('The restored database does not match the manifest (migration count differs).');
      } finally {
        await client.close();
      }
      lines.push(`  database   → ${pgdata}`);
      placeSecretsAndKeys();
    } finally {
      lock.release();
    }
  } else {
    const url = config.DATABASE_URL!;
    await withPgClient(url, async (c) => {
      const others = Number((await c.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows[0]!.n);
      if (others > 0) throw new BackupError(`${others} other connection(s) are open to the target database: stop every Trellis instance (and other clients) before restoring.`);
      const schemas = (
        await c.query<{ nspname: string; tables: string }>(
          `select n.nspname, (select count(*) from pg_class k where k.relnamespace = n.oid and k.relkind in ('r','p')) as tables
             from pg_namespace n where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'`,
        )
      ).rows;
      const used = schemas.filter((s) => s.nspname !== 'public' || Number(s.tables) > 0);
      const db = (await c.query<{ d: string }>('select current_database() as d')).rows[0]!.d;
      if (used.length) occupied.unshift(`database ${db} (schemas: ${used.map((s) => s.nspname).join(', ')})`);
      refuseOccupied(occupied, opts.force);
      if (opts.force) {
        for (const s of schemas) await c.query(`drop schema ${pg.escapeIdentifier(s.nspname)} cascade`);
        await c.query('create schema public');
      }
    });
    await runPgTool('pg_restore', url, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', path.join(archive, manifest.database.file)]);
    const restored = await withPgClient(url, async (c) => schemaLevel((await c.query<{ created_at: string }>(MIGRATIONS_QUERY)).rows));
    if (restored.migrations !== manifest.schema.migrations) throw new BackupError('The restored database does not match the manifest (migration count differs).');
    lines.push(`  database   → PostgreSQL database ${new URL(url).pathname.slice(1)} on ${new URL(url).host}`);
    placeSecretsAndKeys();
  }

  function placeSecretsAndKeys() {
    if (config.keyStoreDir) {
      if (opts.force) for (const name of fs.existsSync(config.keyStoreDir) ? fs.readdirSync(config.keyStoreDir) : []) fs.rmSync(path.join(config.keyStoreDir, name), { recursive: true, force: true });
      const n = copyKeyFiles(keysFrom ?? path.join(archive, 'keys'), config.keyStoreDir);
      fs.chmodSync(config.keyStoreDir, 0o700);
      lines.push(`  data keys  → ${config.keyStoreDir} (${n} key file${n === 1 ? '' : 's'}${keysFrom ? `, from ${keysFrom}` : ''})`);
    } else {
      lines.push('  data keys  → in the database (KEY_STORE_DIR unset or "database")');
    }
    if (writeSecret) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      fs.copyFileSync(path.join(archive, 'secret.key'), secretTarget);
      fs.chmodSync(secretTarget, 0o600);
      lines.push(`  server key → ${secretTarget}`);
    } else {
      lines.push(`  server key → TRELLIS_SECRET_KEY from the environment (fingerprint matches)`);
    }
  }
  return { manifest, lines, pendingMigrations };
}

function refuseOccupied(occupied: string[], force: boolean) {
  if (occupied.length && !force) {
    throw new BackupError(`Refusing to restore over existing data (nothing was changed):\n${occupied.map((o) => `  - ${o}`).join('\n')}\nRestore into empty folders and an empty database, or add --force to replace what is there.`);
  }
}

const label = (e: 'pglite' | 'postgres') => (e === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL');

export function describeManifest(m: Manifest): string {
  return `Trellis ${m.trellisVersion}, ${label(m.engine)}, made ${m.createdAt}, ${m.schema.migrations} migrations (latest ${m.schema.latest ?? 'none'})`;
}
