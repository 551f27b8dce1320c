/**
 * Idempotency-Key for creating POSTs. The key is claimed, the write is done and the response is
 * stored in one transaction: a retry with the same key (even one racing the first request) gets
 * the first response back and creates nothing. Reusing a key for a different request is a 422.
 *
 *   handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.create(tx, …))
 */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { HttpProblem } from './problem.ts';
import { idempotencyRepo } from './idempotency-repo.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;

export async function idempotent<T>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) {
    const result = await db.transaction((tx) => work(tx as unknown as Db));
    reply.code(status);
    return result;
  }
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new HttpProblem(400, 'validation', 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.', [
      { path: 'idempotency-key', message: 'Invalid key' },
    ]);
  }
  const actorId = request.actor.kind === 'user' ? request.actor.userId : 'anonymous';
  const path = request.routeOptions.url ?? request.url;
  const requestHash = crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');

  const outcome = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    if (await idempotencyRepo.claim(tx, { actorId, key, method: request.method, path, requestHash })) {
      const result = await work(tx);
      await idempotencyRepo.complete(tx, actorId, key, status, result ?? null);
      return { replayed: false as const, result };
    }
    const previous = await idempotencyRepo.find(tx, actorId, key);
    if (!previous || previous.requestHash !== requestHash) {
      throw new HttpProblem(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request.', [
        { path: 'idempotency-key', message: 'Already used for a different request' },
      ]);
    }
    return { replayed: true as const, result: previous.responseBody as T, status: previous.statusCode ?? status };
  });
  if (outcome.replayed) {
    reply.header('idempotent-replayed', 'true');
    reply.code(outcome.status);
  } else {
    reply.code(status);
  }
  return outcome.result;
}
