import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Auth } from './auth.ts';
import { toFetchHeaders } from './routes.ts';
import type { Actor } from '../policy/actor.ts';
import type { Db } from '../db/client.ts';
import { sessionRepo } from './session-repo.ts';

/**
 * Resolves who is making a request from their session cookie; anonymous when there is none.
 *
 * The hot path (docs/decisions/040): a valid, signed cookie whose session is neither expired nor
 * due for its sliding refresh is answered from one query, with better-auth's own rules (the same
 * signature check, the same expiry and refresh arithmetic). Everything else — no or a bad
 * signature, an expired session, one due for refresh, a bearer header — goes to better-auth's
 * getSession, which refreshes, deletes or refuses exactly as before. Nothing is cached: a revoked
 * session stops on its next request.
 */
export function createSessionResolver(auth: Auth, db: Db, now: () => number = Date.now) {
  let settings: Promise<{ cookieName: string; key: Buffer | string; expiresIn: number; updateAge: number }> | undefined;
  const load = () =>
    (settings ??= auth.$context.then((c) => ({
      cookieName: c.authCookies.sessionToken.name,
      key: c.secret,
      expiresIn: c.sessionConfig.expiresIn,
      updateAge: c.sessionConfig.updateAge,
    })));

  const slow = async (request: FastifyRequest): Promise<Actor> => {
    const result = await auth.api.getSession({ headers: toFetchHeaders(request) });
    if (!result) return { kind: 'anonymous' };
    return { kind: 'user', userId: result.user.id, sessionId: result.session.id, emailVerified: result.user.emailVerified };
  };

  return async function resolveActor(request: FastifyRequest): Promise<Actor> {
    const cookieHeader = request.headers.cookie;
    if (!cookieHeader && !request.headers.authorization) return { kind: 'anonymous' };
    if (request.headers.authorization || !cookieHeader) return slow(request);
    const s = await load();
    const token = verifiedToken(cookieValue(cookieHeader, s.cookieName), s.key);
    if (!token) return slow(request);
    const facts = await sessionRepo.byToken(db, token);
    const at = now();
    // better-auth: expired when expiresAt < now; due for refresh when expiresAt − expiresIn + updateAge ≤ now.
    if (!facts || facts.expiresAt.valueOf() < at || facts.expiresAt.valueOf() - s.expiresIn * 1000 + s.updateAge * 1000 <= at) return slow(request);
    return { kind: 'user', userId: facts.userId, sessionId: facts.sessionId, emailVerified: facts.emailVerified };
  };
}

/** The raw (URI-decoded) value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** "<token>.<base64 HMAC-SHA256(secret, token)>" as better-call signs it: the token when the signature holds. */
export function verifiedToken(value: string | undefined, secret: Buffer | string): string | undefined {
  if (!value) return undefined;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return undefined;
  const expected = crypto.createHmac('sha256', secret).update(token).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? token : undefined;
}
