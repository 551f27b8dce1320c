import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  conversationFinishedSchema,
  apologyCreateSchema,
  apologyListSchema,
  apologySavedSchema,
  apologySchema,
  checklistConfirmSchema,
  conversationCreateSchema,
  conversationFinishSchema,
  conversationListSchema,
  conversationSavedSchema,
  conversationSchema,
  conversationStepSchema,
  turnCreateSchema,
} from '../../../core/schemas/conversations.ts';
import { commitmentCreateSchema } from '../../../core/schemas/commitments.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { problemSchema } from '../../http/problem.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../../http/route-helpers.ts';

export function conversationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.conversations;
  const tags = ['conversations'];
  const problems = { ...problemResponses, 409: problemSchema };

  r.post('/api/v1/conversations', {
    schema: { tags, summary: 'Start a structured conversation with my partner, or practise alone', headers: idempotencyHeaders, body: conversationCreateSchema, response: { 201: conversationSchema, ...problems } },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.start(request.actor, request.body, tx)),
  });

  r.get('/api/v1/conversations', {
    schema: { tags, summary: 'My conversations: with my partner (and former ones, read-only) and practised alone', response: { 200: conversationListSchema, ...problems } },
    handler: (request) => service.list(request.actor),
  });

  r.get('/api/v1/conversations/:id', {
    schema: { tags, summary: 'One conversation: its phase, whose turn it is, the pause and the turns', params: idParams, response: { 200: conversationSchema, ...problems } },
    handler: (request) => service.get(request.actor, request.params.id),
  });

  r.post('/api/v1/conversations/:id/checklist', {
    schema: { tags, summary: 'Confirm the safe-space checklist (calm, phones away, the time limit)', params: idParams, body: checklistConfirmSchema, response: { 200: conversationSchema, ...problems } },
    handler: (request) => service.confirmChecklist(request.actor, request.params.id, request.body.version),
  });

  r.post('/api/v1/conversations/:id/turns', {
    schema: {
      tags,
      summary: 'Add my turn (message, summary, validation, confirmation, correction, imagined reply)',
      description: 'Out of order: 409 not-your-turn or wrong-kind; during a break: 409 paused; a stale version: 409 stale-version.',
      headers: idempotencyHeaders,
      params: idParams,
      body: turnCreateSchema,
      response: { 201: conversationSavedSchema, ...problems },
    },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.addTurn(request.actor, request.params.id, request.body, tx)),
  });

  const step = (path: string, type: 'pause' | 'ready' | 'close' | 'leave', summary: string) =>
    r.post(`/api/v1/conversations/:id/${path}`, {
      schema: { tags, summary, params: idParams, body: conversationStepSchema.nullish(), response: { 200: conversationSchema, ...problems } },
      handler: (request) => service.step(request.actor, request.params.id, type, request.body?.version),
    });
  step('pause', 'pause', 'Start a 20-minute break for both of us');
  step('ready', 'ready', "Say I'm ready to continue (the break ends early once both are)");
  step('close', 'close', 'Move on from the turns to closing');
  step('leave', 'leave', 'Stop the conversation now');

  r.post('/api/v1/conversations/:id/finish', {
    schema: { tags, summary: 'Finish from the closing, with an optional agreement draft or commitment', params: idParams, body: conversationFinishSchema, response: { 200: conversationFinishedSchema, ...problems } },
    handler: async (request) => {
      const o = request.body.outcome;
      const zone =
        o.kind === 'commitment'
          ? await ctx.services.commitments.zoneOf(request.actor, o.commitment.timeZone)
          : o.kind === 'agreement'
            ? await ctx.services.agreements.reviewZoneOf(request.actor, o.timeZone)
            : 'UTC';
      return service.finish(request.actor, request.params.id, request.body, zone);
    },
  });

  // ---- Apologies ----
  const apologies = ctx.services.apologies;
  const atags = ['apologies'];

  r.post('/api/v1/apologies', {
    schema: { tags: atags, summary: 'Write an apology: keep it private or send it; optionally make a commitment', headers: idempotencyHeaders, body: apologyCreateSchema, response: { 201: apologySavedSchema, ...problems } },
    handler: async (request, reply) => {
      const c = request.body.commitment;
      const zone = c ? await ctx.services.commitments.zoneOf(request.actor, c.timeZone) : 'UTC';
      return idempotent(ctx.database.db, request, reply, 201, (tx) => apologies.create(request.actor, request.body, zone, tx));
    },
  });

  r.get('/api/v1/apologies', {
    schema: { tags: atags, summary: 'My apologies, and those my partner sent me', response: { 200: apologyListSchema, ...problems } },
    handler: (request) => apologies.list(request.actor),
  });

  r.get('/api/v1/apologies/:id', {
    schema: { tags: atags, summary: 'One apology', params: idParams, response: { 200: apologySchema, ...problems } },
    handler: (request) => apologies.get(request.actor, request.params.id),
  });

  r.post('/api/v1/apologies/:id/send', {
    schema: { tags: atags, summary: 'Send my private apology to my partner', params: idParams, body: z.object({}).strict().nullish(), response: { 200: apologySchema, ...problems } },
    handler: (request) => apologies.send(request.actor, request.params.id),
  });

  r.post('/api/v1/apologies/:id/commitment', {
    schema: { tags: atags, summary: 'Make "what I will do differently" of my apology a commitment', headers: idempotencyHeaders, params: idParams, body: commitmentCreateSchema, response: { 201: apologySavedSchema, ...problems } },
    handler: async (request, reply) => {
      const zone = await ctx.services.commitments.zoneOf(request.actor, request.body.timeZone);
      return idempotent(ctx.database.db, request, reply, 201, (tx) => apologies.makeCommitment(request.actor, request.params.id, request.body, zone, tx));
    },
  });

  r.delete('/api/v1/apologies/:id', {
    schema: { tags: atags, summary: 'Delete my apology', params: idParams, response: { 204: z.null().describe('Deleted'), ...problems } },
    handler: async (request, reply) => {
      await apologies.delete(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
