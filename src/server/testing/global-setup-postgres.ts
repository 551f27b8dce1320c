/**
 * Creates a fresh database on the real PostgreSQL server for this run, migrates it, and drops it
 * afterwards. TEST_DATABASE_URL points at the server (default: the local one, database postgres).
 */
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { createScratchDatabase } from './scratch-postgres.ts';

export default async function setup(project: TestProject) {
  const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'trellis_test');
  const database = await openDatabase({ kind: 'postgres', url: scratch.url });
  await database.migrate();
  await database.close();
  project.provide('postgresUrl', scratch.url);
  return scratch.drop;
}
