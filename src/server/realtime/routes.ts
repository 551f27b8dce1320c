/**
 * GET /api/v1/events — the signed-in person's live hints as Server-Sent Events (docs/decisions/017).
 * The stream goes through Fastify's normal reply (not hijacked), so the security headers and
 * `Cache-Control: no-store` of every API response apply. Open streams end when the app closes,
 * so they never hold up a graceful shutdown; the browser's EventSource reconnects by itself.
 */
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { LiveEvent } from '../../core/schemas/realtime.ts';
import type { AppContext } from '../context.ts';
import { problemSchema } from '../http/problem.ts';

export const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting after the stream drops. */
export const RETRY_MS = 3_000;

export const formatEvent = (event: LiveEvent) => `data: ${JSON.stringify(event)}\n\n`;

export function eventRoutes(app: FastifyInstance, ctx: AppContext, opts: { heartbeatMs?: number } = {}) {
  // Untyped replies: the 200 body is a stream, not a schema'd value.
  const r = app;
  const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
  const open = new Set<PassThrough>();
  /** Connections that carried a stream, until they close (a browser may keep one open after a stream). */
  const sockets = new Set<Socket>();

  // Before the server stops taking connections: end every stream and its connection, so a
  // graceful shutdown is never kept waiting by a page that stays open.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
    for (const socket of sockets) socket.destroySoon();
  });

  r.get('/api/v1/events', {
    schema: {
      tags: ['live'],
      summary: 'My live updates, as Server-Sent Events (text/event-stream)',
      description:
        'A stream of hints, each a `data:` line holding `{"type":"checkin"|"commitment"|"couple"|"agreement"|"resync","coupleId"?}`. ' +
        'A hint carries no content: on one, re-fetch the matching resource through the API ("resync": all of them). ' +
        'A comment line is sent about every 25 seconds to keep the connection open; `retry:` tells the browser how soon to reconnect.',
      produces: ['text/event-stream'],
      response: { 401: problemSchema },
    },
    handler: async (request, reply) => {
      const me = ctx.policy.requireUser(request.actor);
      await ctx.realtime.ready();

      const stream = new PassThrough();
      open.add(stream);
      const socket = request.raw.socket;
      if (!sockets.has(socket)) {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      }
      const unsubscribe = ctx.realtime.subscribe(me.userId, (event) => {
        if (!stream.writableEnded) stream.write(formatEvent(event));
      });
      const heartbeat = setInterval(() => {
        if (!stream.writableEnded) stream.write(':\n\n');
      }, heartbeatMs);
      heartbeat.unref();
      let cleaned = false;
      const cleanup = () => {
        if (cleaned) return;
        cleaned = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(stream);
        if (!stream.writableEnded) stream.end();
      };
      // The browser went away (tab closed, signed out, network gone), or the stream ended here.
      reply.raw.on('close', cleanup);
      stream.on('close', cleanup);

      // First bytes at once: headers go out, and the browser learns how soon to reconnect.
      stream.write(`retry: ${RETRY_MS}\n: connected\n\n`);
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('x-accel-buffering', 'no') // a proxy must not buffer the stream
        .send(stream);
    },
  });
}
