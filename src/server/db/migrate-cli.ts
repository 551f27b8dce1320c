/** npm run db:migrate — applies migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
import { loadConfig } from '../config.ts';
import { openDatabase } from './client.ts';

const config = loadConfig();
const database = config.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL })
  : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
await database.migrate();
await database.close();
process.stdout.write(`Migrations applied (${database.kind}).\n`);
