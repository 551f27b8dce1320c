/**
 * Process entry: configuration, database, app, graceful shutdown.
 *   npm start            → PGlite under ./data, http://localhost:3000
 *   DATABASE_URL=… npm start → PostgreSQL
 */
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { buildApp } from './app.ts';
import { createContext, createLogger } from './context.ts';
import { idempotencyRepo } from './http/idempotency-repo.ts';
import { startJobs, type JobRunner } from './jobs/runner.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config);

  let database;
  try {
    database = config.DATABASE_URL
      ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE })
      : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  await database.migrate();

  const ctx = createContext(config, database, { log });
  const app = await buildApp(ctx);

  const purge = setInterval(() => {
    idempotencyRepo.purgeOlderThan(database.db, new Date(Date.now() - 24 * 3600_000)).catch(() => {});
  }, 3600_000);
  purge.unref();

  // Reminders and agreement reviews (docs/decisions/021); JOBS=off leaves them out.
  let jobs: JobRunner | undefined;
  if (config.JOBS === 'on') {
    try {
      jobs = await startJobs({ database, databaseUrl: config.DATABASE_URL, notifications: ctx.services.notifications, care: ctx.services.care, log });
    } catch (err) {
      log.error({ err: { name: err instanceof Error ? err.name : 'Error', code: (err as { code?: unknown } | undefined)?.code } }, 'background jobs could not start; reminders are paused');
    }
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close();
      await jobs?.stop().catch(() => {});
      ctx.mailer.close();
      await database.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const engine = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  log.info(`Trellis is running at ${config.baseUrl} (${engine})`);
  if (config.keyStoreDir === null) {
    // docs/decisions/035: with keys in the database, a backup taken before an account's deletion
    // still holds that person's wrapped key.
    log.warn('data keys are kept in the database (KEY_STORE_DIR unset): backups taken before an account is deleted stay readable with the server key; see docs/production.md');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Trellis could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
