import fs from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';

/** The database for this test file: a fresh PGlite copy, or the run's PostgreSQL database. */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.TEST_DB === 'postgres') {
    return openDatabase({ kind: 'postgres', url: inject('postgresUrl'), poolSize: 5 });
  }
  const template = fs.readFileSync(inject('pgliteTemplate'));
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([template]) });
}

export const engineName = () => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');
