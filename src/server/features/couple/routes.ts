import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { archiveDeletedSchema, coupleStatusSchema, inviteCreatedSchema, joinSchema } from '../../../core/schemas/couple.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { HttpProblem, problemSchema } from '../../http/problem.ts';
import { idempotencyHeaders, problemResponses } from '../../http/route-helpers.ts';

const coupleProblems = { ...problemResponses, 409: problemSchema, 410: problemSchema, 429: problemSchema };

export function coupleRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.couple;
  const tags = ['couple'];

  r.get('/api/v1/couple', {
    schema: { tags, summary: 'Am I linked? My pending invitation (without its code) and past couples', response: { 200: coupleStatusSchema, ...coupleProblems } },
    handler: (request) => service.status(request.actor),
  });

  r.post('/api/v1/couple/invites', {
    schema: {
      tags,
      summary: 'Invite my partner: a code and link shown this once, valid 72 hours (replaces my previous invitation)',
      headers: idempotencyHeaders,
      response: { 201: inviteCreatedSchema, ...coupleProblems },
    },
    handler: async (request, reply) => {
      const sealed = await idempotent(ctx.database.db, request, reply, 201, (tx) => service.createInvite(request.actor, tx));
      return service.revealInvite(request.actor, sealed);
    },
  });

  r.delete('/api/v1/couple/invites/current', {
    schema: { tags, summary: 'Withdraw my pending invitation', response: { 204: z.null(), ...coupleProblems } },
    handler: async (request, reply) => {
      await service.withdrawInvite(request.actor);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/v1/couple/join', {
    schema: { tags, summary: 'Join the person who invited me, with their code', headers: idempotencyHeaders, body: joinSchema, response: { 201: coupleStatusSchema, ...coupleProblems } },
    handler: async (request, reply) => {
      try {
        await service.noteJoinAttempt(request.actor);
      } catch (err) {
        if (err instanceof HttpProblem && typeof err.extensions?.retryAfter === 'number') reply.header('retry-after', String(err.extensions.retryAfter));
        throw err;
      }
      return idempotent(ctx.database.db, request, reply, 201, (tx) => service.join(request.actor, request.body, tx));
    },
  });

  r.delete('/api/v1/couple/archive/:coupleId/mine', {
    schema: {
      tags,
      summary: 'Delete, for good, everything I wrote in a couple that has ended (what my former partner wrote stays)',
      params: z.object({ coupleId: z.uuid() }),
      response: { 200: archiveDeletedSchema, ...coupleProblems },
    },
    handler: (request) => service.deleteMyArchive(request.actor, request.params.coupleId),
  });

  r.post('/api/v1/couple/unlink', {
    schema: { tags, summary: 'End my couple, at once and alone (what we wrote stays as a read-only archive)', response: { 200: coupleStatusSchema, ...coupleProblems } },
    handler: (request) => ctx.database.db.transaction((tx) => service.unlink(request.actor, tx as unknown as typeof ctx.database.db)),
  });
}
