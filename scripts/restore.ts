/**
 * npm run restore -- <backup directory> [--force]
 *
 * Restores a backup made by `npm run backup` into the database and folders the settings name
 * (DATA_DIR, DATABASE_URL, KEY_STORE_DIR, TRELLIS_SECRET_KEY). Checks the manifest and every
 * file's checksum first; refuses to replace existing data unless --force. Stop Trellis first.
 * docs/production.md, docs/decisions/034.
 */
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { BackupError, describeManifest, restoreBackup } from '../src/server/backup/backup.ts';

const USAGE = `Usage: npm run restore -- <backup directory> [--force] [--keys-from <directory>]

  <backup directory>     a directory written by npm run backup
  --force                replace an existing database, key store and key file (otherwise refused)
  --keys-from <dir>      take the data keys from <dir> (a copy of the current key store, or a newer
                         backup's keys/) instead of the backup's own keys/ — for a database backup
                         whose keys/ was pruned after its retention (docs/production.md)

Restores into what the settings name: DATA_DIR, DATABASE_URL, KEY_STORE_DIR. A backup made with
TRELLIS_SECRET_KEY needs that same key set. Stop every Trellis instance first.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const force = args.includes('--force');
  let keysFrom: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--force') continue;
    if (a === '--keys-from' || a.startsWith('--keys-from=')) {
      keysFrom = a === '--keys-from' ? args[++i] : a.slice('--keys-from='.length);
      if (!keysFrom) {
        process.stderr.write(`--keys-from needs a directory.\n\n${USAGE}\n`);
        return 1;
      }
      continue;
    }
    rest.push(a);
  }
  const unknown = rest.filter((a) => a.startsWith('-'));
  if (unknown.length || rest.length !== 1) {
    process.stderr.write(`${unknown.length ? `Unknown option: ${unknown.join(' ')}` : rest.length ? 'Give exactly one backup directory.' : 'Missing the backup directory.'}\n\n${USAGE}\n`);
    return 1;
  }
  const config = loadConfig();
  const started = Date.now();
  const { manifest, lines, pendingMigrations } = await restoreBackup(config, rest[0]!, { force, keysFrom });
  process.stdout.write(
    [
      `Restored ${describeManifest(manifest)} in ${((Date.now() - started) / 1000).toFixed(1)} s${force ? ' (--force: existing data replaced)' : ''}`,
      ...lines,
      pendingMigrations
        ? `Start Trellis with these settings: it applies ${pendingMigrations} newer migration(s) on start.`
        : 'Start Trellis with these settings.',
      '',
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BackupError || err instanceof ConfigError) {
      process.stderr.write(`Restore failed: ${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`Restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
