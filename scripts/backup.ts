/**
 * npm run backup -- <directory>
 *
 * Writes one backup directory: the database (the embedded data folder, or pg_dump of DATABASE_URL),
 * the key-store directory when one is used, the server key file when the key is a file, and
 * manifest.json. Uses the same settings as the server (DATA_DIR, DATABASE_URL, KEY_STORE_DIR,
 * TRELLIS_SECRET_KEY). The embedded database must be stopped first; PostgreSQL is backed up live.
 * docs/production.md, docs/decisions/034.
 */
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { BackupError, createBackup, describeManifest } from '../src/server/backup/backup.ts';

const USAGE = `Usage: npm run backup -- <directory>

  <directory>  where to write the backup; it must not exist yet (or be empty).

Reads the same settings as the server: DATA_DIR, DATABASE_URL, KEY_STORE_DIR, TRELLIS_SECRET_KEY.
TRELLIS_SECRET_KEY itself is never written into a backup: keep it separately.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length || args.length !== 1) {
    process.stderr.write(`${unknown.length ? `Unknown option: ${unknown.join(' ')}` : args.length ? 'Give exactly one backup directory.' : 'Missing the backup directory.'}\n\n${USAGE}\n`);
    return 1;
  }
  const config = loadConfig();
  const started = Date.now();
  const { archive, manifest } = await createBackup(config, args[0]!);
  const keys = manifest.keyStore.kind === 'directory' ? `${manifest.keyStore.files} data key file(s) from ${config.keyStoreDir}` : 'data keys are in the database dump (KEY_STORE_DIR unset)';
  const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  process.stdout.write(
    [
      `Backup written to ${archive} in ${((Date.now() - started) / 1000).toFixed(1)} s (${manifest.files.length} files, ${(bytes / 1024).toFixed(0)} KiB)`,
      `  ${describeManifest(manifest)}`,
      `  database   ${manifest.database.file}`,
      `  data keys  ${keys}`,
      `  server key ${manifest.serverKey.source === 'file' ? 'secret.key (the key file from DATA_DIR)' : `NOT included: it comes from TRELLIS_SECRET_KEY (fingerprint ${manifest.serverKey.id}); keep that key separately`}`,
      'This backup can decrypt everyone\'s writing: store it encrypted and access-controlled, and delete it on schedule (docs/production.md).',
      '',
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BackupError || err instanceof ConfigError) {
      process.stderr.write(`Backup failed: ${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
