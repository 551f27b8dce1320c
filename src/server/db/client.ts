/**
 * The engine switch: PGlite (Postgres in WASM, in-process) for the embedded setup and tests,
 * node-postgres against a real PostgreSQL server in production. One schema, one migrations folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type EngineKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: EngineKind;
  /** Applies pending migrations (serialised across instances on PostgreSQL). */
  migrate(): Promise<void>;
  /** A cheap round trip, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * NOTIFY on a channel. Given a transaction, the notification goes out only if it commits
   * (PostgreSQL's rule, and PGlite's): a rolled-back change announces nothing.
   */
  notify(channel: string, payload: string, db?: Db): Promise<void>;
  /**
   * LISTEN on a channel. On PostgreSQL this holds ONE dedicated connection outside the pool,
   * reconnecting with backoff when it drops (then `onReconnect`: notifications may have been
   * missed meanwhile). On PGlite it is the one in-process connection. Resolves with a stop function.
   */
  listen(channel: string, onMessage: (payload: string) => void, hooks?: ListenHooks): Promise<() => Promise<void>>;
  /** The PGlite instance, when that is the engine (tests clone it). */
  pglite?: PGlite;
}

export interface ListenHooks {
  onReconnect?: () => void;
  onError?: (err: unknown) => void;
}

const notifyWith = async (db: Db, channel: string, payload: string) => {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
};

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined = in memory. loadDataDir = start from a dump (fast test databases). */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.kind === 'postgres' ? openPostgres(opts.url, opts.poolSize ?? 10) : openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  let lock: DataDirLock | undefined;
  let dir: string | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    // PGlite does not lock its folder; two processes writing it would corrupt it.
    lock = acquireDataDirLock(dataDir);
    dir = path.join(dataDir, 'pglite');
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dir, { extensions: { btree_gist }, ...(loadDataDir ? { loadDataDir } : {}) });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder }),
    ping: async () => {
      await client.query('select 1');
    },
    notify: (channel, payload, tx) => notifyWith(tx ?? db, channel, payload),
    listen: async (channel, onMessage) => {
      const stop = await client.listen(channel, onMessage);
      return async () => {
        if (!client.closed) await stop();
      };
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      const client = await pool.connect();
      try {
        // Several instances may start at once: one migrates, the others wait.
        await client.query('select pg_advisory_lock(7242001)');
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(7242001)').catch(() => {});
        client.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    notify: (channel, payload, tx) => notifyWith(tx ?? db, channel, payload),
    listen: (channel, onMessage, hooks) => listenPostgres(url, channel, onMessage, hooks),
    close: () => pool.end(),
  };
}

/**
 * A dedicated LISTEN connection that comes back after it drops (server restart, failover, a
 * terminated backend), with exponential backoff and jitter, until stopped.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  hooks: ListenHooks = {},
  opts: { applicationName?: string } = {},
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let attempt = 0;

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: url, application_name: opts.applicationName ?? 'trellis-live' });
    c.on('notification', (n) => {
      if (n.channel === channel && typeof n.payload === 'string') onMessage(n.payload);
    });
    c.on('error', (err) => {
      hooks.onError?.(err);
      dropped(c);
    });
    c.on('end', () => dropped(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
      throw err;
    }
    return c;
  };

  const dropped = (c: pg.Client) => {
    if (stopped || client !== c) return;
    client = undefined;
    c.end().catch(() => {});
    schedule();
  };

  const schedule = () => {
    if (stopped || timer) return;
    const delay = Math.min(30_000, 250 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        (c) => {
          if (stopped) {
            void c.end().catch(() => {});
            return;
          }
          client = c;
          attempt = 0;
          hooks.onReconnect?.();
        },
        (err: unknown) => {
          hooks.onError?.(err);
          schedule();
        },
      );
    }, delay);
    timer.unref();
  };

  client = await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
}
