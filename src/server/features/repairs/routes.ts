import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { repairCreateSchema, repairListSchema, repairSavedSchema, repairUpdateSchema } from '../../../core/schemas/activities.ts';
import type { AppContext } from '../../context.ts';
import { problemSchema } from '../../http/problem.ts';
import { idParams, problemResponses } from '../../http/route-helpers.ts';

export function repairRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.repairs;
  const tags = ['repairs'];
  const problems = { ...problemResponses, 409: problemSchema };

  r.get('/api/v1/repairs', {
    schema: { tags, summary: "My repair log entries and my partner's (and a former couple's, read-only)", response: { 200: repairListSchema, ...problems } },
    handler: (request) => service.list(request.actor),
  });

  r.post('/api/v1/repairs', {
    schema: { tags, summary: 'Log a repair: what happened, what I tried, what helped', body: repairCreateSchema, response: { 201: repairSavedSchema, ...problems } },
    handler: async (request, reply) => reply.code(201).send(await service.create(request.actor, request.body)),
  });

  r.patch('/api/v1/repairs/:id', {
    schema: { tags, summary: 'Change an entry of mine', params: idParams, body: repairUpdateSchema, response: { 200: repairSavedSchema, ...problems } },
    handler: (request) => service.update(request.actor, request.params.id, request.body),
  });

  r.delete('/api/v1/repairs/:id', {
    schema: { tags, summary: 'Remove an entry of mine', params: idParams, response: { 204: z.null().describe('Removed'), ...problems } },
    handler: async (request, reply) => {
      await service.delete(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
