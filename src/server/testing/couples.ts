/**
 * Links two test accounts directly (no invitation), for tests of couple features other than
 * linking itself. Linking through the API is tested in features/couple.
 */
import { coupleRepo } from '../features/couple/repo.ts';
import type { TestApp } from './test-app.ts';

export async function linkForTest(t: TestApp, a: { userId: string }, b: { userId: string }): Promise<string> {
  return coupleRepo.link(t.ctx.database.db, a.userId, b.userId);
}

export async function unlinkForTest(t: TestApp, coupleId: string): Promise<void> {
  await coupleRepo.unlink(t.ctx.database.db, coupleId);
}
