/**
 * Idempotency-Key for creating POSTs. The key is claimed, the write is done and the response is
 * stored in one transaction: a retry with the same key (even one racing the first request) gets
 * the first response back and creates nothing. Reusing a key for a different request is a 422.
 *
 *   handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.create(tx, …))
 *
 * The stored response holds the person's words, so it is sealed under their data key (shredded
 * with their account), and the request is remembered by a keyed hash, never a plain one that a
 * copy of the database could test guesses against (docs/safety.md, the audit).
 */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { HttpProblem } from './problem.ts';
import { idempotencyRepo } from './idempotency-repo.ts';
import type { DataKeys } from '../crypto/data-keys.ts';
import { open, seal } from '../crypto/aead.ts';
import { deriveKey, type ServerKey } from '../crypto/server-key.ts';

declare module 'fastify' {
  interface FastifyInstance {
    idempotencySealer: IdempotencySealer;
  }
}

/** Seals stored responses and hashes requests; one per app (app.ts decorates the instance with it). */
export interface IdempotencySealer {
  requestHash(text: string): string;
  seal(db: Db, actorId: string, value: unknown): Promise<unknown>;
  open(db: Db, actorId: string, stored: unknown): Promise<unknown>;
}

export function createIdempotencySealer(dataKeys: DataKeys, serverKey: ServerKey): IdempotencySealer {
  const hashKey = deriveKey(serverKey, 'idempotency-request-hash');
  // A request made signed out (a booking) has no personal key; it gets one derived for this use.
  const anonymousKey = deriveKey(serverKey, 'idempotency-anonymous-response');
  const keyFor = async (db: Db, actorId: string) => (actorId === 'anonymous' ? anonymousKey : dataKeys.keyFor(actorId, db));
  const aad = (actorId: string) => `${actorId}:idempotent-response`;
  return {
    requestHash: (text) => crypto.createHmac('sha256', hashKey).update(text).digest('hex'),
    async seal(db, actorId, value) {
      return { sealed: seal(await keyFor(db, actorId), Buffer.from(JSON.stringify(value ?? null), 'utf8'), aad(actorId)).toString('base64') };
    },
    async open(db, actorId, stored) {
      const sealed = (stored as { sealed?: unknown } | null)?.sealed;
      if (typeof sealed !== 'string') return stored; // stored before responses were sealed
      return JSON.parse(open(await keyFor(db, actorId), Buffer.from(sealed, 'base64'), aad(actorId)).toString('utf8'));
    },
  };
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;

export async function idempotent<T>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (tx: Db) => Promise<T>,
  opts: { singleWrite?: boolean } = {},
): Promise<T> {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) {
    // Work whose only write is one statement needs no transaction of its own without a key: it
    // saves the BEGIN and COMMIT round trips on the hottest writes (bench/scale.ts).
    const result = opts.singleWrite ? await work(db) : await db.transaction((tx) => work(tx as unknown as Db));
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
  const sealer = request.server.idempotencySealer;
  const requestText = `${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`;
  const requestHash = sealer.requestHash(requestText);
  // Keys claimed before request hashes were keyed (within the last day) still replay.
  const legacyHash = crypto.createHash('sha256').update(requestText).digest('hex');

  const outcome = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    if (await idempotencyRepo.claim(tx, { actorId, key, method: request.method, path, requestHash })) {
      const result = await work(tx);
      await idempotencyRepo.complete(tx, actorId, key, status, await sealer.seal(tx, actorId, result ?? null));
      return { replayed: false as const, result };
    }
    const previous = await idempotencyRepo.find(tx, actorId, key);
    if (!previous || (previous.requestHash !== requestHash && previous.requestHash !== legacyHash)) {
      throw new HttpProblem(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request.', [
        { path: 'idempotency-key', message: 'Already used for a different request' },
      ]);
    }
    return { replayed: true as const, result: (await sealer.open(tx, actorId, previous.responseBody)) as T, status: previous.statusCode ?? status };
  });
  if (outcome.replayed) {
    reply.header('idempotent-replayed', 'true');
    reply.code(outcome.status);
  } else {
    reply.code(status);
  }
  return outcome.result;
}
