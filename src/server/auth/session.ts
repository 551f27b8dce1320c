import type { FastifyRequest } from 'fastify';
import type { Auth } from './auth.ts';
import { toFetchHeaders } from './routes.ts';
import type { Actor } from '../policy/actor.ts';

/** Resolves who is making a request from their session cookie; anonymous when there is none. */
export async function resolveActor(auth: Auth, request: FastifyRequest): Promise<Actor> {
  if (!request.headers.cookie && !request.headers.authorization) return { kind: 'anonymous' };
  const result = await auth.api.getSession({ headers: toFetchHeaders(request) });
  if (!result) return { kind: 'anonymous' };
  return { kind: 'user', userId: result.user.id, sessionId: result.session.id, emailVerified: result.user.emailVerified };
}
