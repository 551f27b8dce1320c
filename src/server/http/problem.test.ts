import { describe, expect, it, vi } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { databaseErrorCode, toProblem } from './problem.ts';

/** A request whose logger records what would be written. */
function fakeRequest() {
  const lines: unknown[] = [];
  const push = (o: unknown, msg?: string) => lines.push(o, msg);
  const log = { warn: vi.fn(push), error: vi.fn(push) };
  return { request: { log } as unknown as FastifyRequest, lines };
}

/** The shape drizzle gives a failed query: its own error with the driver's error as the cause. */
function wrapped(code: string, message: string) {
  const driver = Object.assign(new Error(message), { code });
  return Object.assign(new Error('Failed query: insert into "journal_entry" …'), { cause: driver });
}

describe('database errors as problems', () => {
  it('answers a deadlock or serialization failure with a 503 to retry, not a 500', () => {
    for (const code of ['40P01', '40001']) {
      const { request, lines } = fakeRequest();
      const p = toProblem(wrapped(code, 'deadlock detected'), request);
      expect(p).toMatchObject({ status: 503, type: 'urn:trellis:problem:busy' });
      expect(p.detail).toMatch(/try again/);
      expect(JSON.stringify(lines)).not.toContain('journal_entry');
    }
  });

  it('still answers other database errors with a 500 whose log carries no message text', () => {
    const { request, lines } = fakeRequest();
    const p = toProblem(wrapped('23502', 'null value in column "body" — my secret words'), request);
    expect(p.status).toBe(500);
    expect(JSON.stringify(lines)).not.toContain('secret words');
    expect(JSON.stringify(lines)).toContain('unhandled error');
    expect(JSON.stringify(lines)).toContain('23502');
  });

  it('finds the SQLSTATE through the cause chain and ignores non-database codes', () => {
    expect(databaseErrorCode(wrapped('23505', 'duplicate'))).toBe('23505');
    expect(databaseErrorCode(Object.assign(new Error('x'), { code: 'FST_ERR_NOT_FOUND' }))).toBeUndefined();
    expect(databaseErrorCode(new Error('plain'))).toBeUndefined();
  });
});
