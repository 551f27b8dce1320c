import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { entryShareStateSchema, sharedWithMeSchema } from '../../../core/schemas/cycle.ts';
import { entryCreateSchema, entryListQuerySchema, entryListSchema, entryPatchSchema, entrySavedSchema, entrySchema } from '../../../core/schemas/reflect.ts';
import { therapyFlagResultSchema, therapyFlagSchema } from '../../../core/schemas/care-sharing.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { problemSchema } from '../../http/problem.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../../http/route-helpers.ts';

export function journalRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.journal;
  const tags = ['journal'];

  r.post('/api/v1/journal/entries', {
    schema: { tags, summary: 'Write a journal entry', headers: idempotencyHeaders, body: entryCreateSchema, response: { 201: entrySavedSchema, ...problemResponses } },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.create(request.actor, request.body, tx), { singleWrite: true }),
  });

  r.get('/api/v1/journal/entries', {
    schema: { tags, summary: 'My entries, newest first, filtered and searched', querystring: entryListQuerySchema, response: { 200: entryListSchema, ...problemResponses } },
    handler: (request) => service.list(request.actor, request.query),
  });

  r.get('/api/v1/journal/entries/:id', {
    schema: { tags, summary: 'One of my entries', params: idParams, response: { 200: entrySchema, ...problemResponses } },
    handler: (request) => service.get(request.actor, request.params.id),
  });

  r.patch('/api/v1/journal/entries/:id', {
    schema: { tags, summary: 'Change an entry (only the fields sent)', params: idParams, body: entryPatchSchema, response: { 200: entrySavedSchema, ...problemResponses } },
    handler: (request) => service.update(request.actor, request.params.id, request.body),
  });

  r.patch('/api/v1/journal/entries/:id/therapy', {
    schema: { tags, summary: 'Mark one of my entries “for therapy” (a therapist I share therapy entries with can then read it)', params: idParams, body: therapyFlagSchema, response: { 200: therapyFlagResultSchema, ...problemResponses } },
    handler: (request) => service.setForTherapy(request.actor, request.params.id, request.body.forTherapy),
  });

  r.post('/api/v1/journal/entries/:id/share', {
    schema: { tags, summary: 'Share one of my entries with my partner (read-only to them)', params: idParams, response: { 200: entryShareStateSchema, ...problemResponses, 409: problemSchema } },
    handler: (request) => service.share(request.actor, request.params.id),
  });

  r.delete('/api/v1/journal/entries/:id/share', {
    schema: { tags, summary: 'Stop sharing one of my entries', params: idParams, response: { 200: entryShareStateSchema, ...problemResponses } },
    handler: (request) => service.unshare(request.actor, request.params.id),
  });

  r.get('/api/v1/shared-with-me', {
    schema: { tags, summary: 'Entries my partner shared with me, newest first', response: { 200: sharedWithMeSchema, ...problemResponses } },
    handler: (request) => service.sharedWithMe(request.actor),
  });

  r.delete('/api/v1/journal/entries/:id', {
    schema: { tags, summary: 'Delete an entry', params: idParams, response: { 204: z.null(), ...problemResponses } },
    handler: async (request, reply) => {
      await service.delete(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
