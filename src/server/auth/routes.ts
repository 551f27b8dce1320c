/**
 * Mounts better-auth under /api/auth. Requests are handed to its Fetch handler; its error
 * answers ({ code, message }) are re-shaped as RFC 9457 problems that keep `code` and `message`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth } from './auth.ts';
import { CLIENT_IP_HEADER } from './auth.ts';
import { PROBLEM_CONTENT_TYPE, problemType, type FieldError } from '../http/problem.ts';

export function toFetchHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === CLIENT_IP_HEADER) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, String(value));
  }
  // Rate limits and the sessions list use this; set only here, from the socket or trusted proxy.
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

export function registerAuthRoutes(app: FastifyInstance, auth: Auth, baseUrl: string) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, baseUrl);
      const body = request.method === 'POST' ? JSON.stringify(request.body ?? {}) : undefined;
      const headers = toFetchHeaders(request);
      if (body !== undefined) headers.set('content-type', 'application/json');
      const response = await auth.handler(new Request(url, { method: request.method, headers, body }));

      reply.code(response.status);
      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie' && key !== 'content-length' && key !== 'content-encoding') reply.header(key, value);
      });
      const text = await response.text();
      if (response.status >= 400) return reply.type(PROBLEM_CONTENT_TYPE).send(authProblem(response.status, text));
      return reply.send(text.length ? text : null);
    },
  });
}

const STATUS_TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Sign-in failed', 403: 'Not allowed', 404: 'Not found', 429: 'Too many requests' };

/** better-auth's `{ code, message }` → a problem document with the same `code` and `message`. */
export function authProblem(status: number, text: string) {
  let code = status === 429 ? 'TOO_MANY_REQUESTS' : 'AUTH_ERROR';
  let message = status === 429 ? 'Too many tries. Please wait a minute and try again.' : 'The request could not be completed.';
  try {
    const parsed = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (typeof parsed.code === 'string') code = parsed.code;
    if (typeof parsed.message === 'string' && parsed.message) message = parsed.message;
  } catch {
    /* plain text body */
  }
  const errors: FieldError[] = [];
  if (code === 'VALIDATION_ERROR') {
    for (const m of message.matchAll(/\[(?:body|query)\.?([^\]]*)\] ([^;]+)/g)) errors.push({ path: m[1] || '(body)', message: m[2]!.trim() });
  }
  return {
    type: problemType(`auth/${code.toLowerCase().replace(/_/g, '-')}`),
    title: STATUS_TITLES[status] ?? 'Error',
    status,
    detail: message,
    code,
    message,
    ...(errors.length ? { errors } : {}),
  };
}
