import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boundaryListSchema, boundarySavedSchema, boundaryWriteSchema } from '../../../core/schemas/agreements.ts';
import type { AppContext } from '../../context.ts';
import { problemSchema } from '../../http/problem.ts';
import { idParams, problemResponses } from '../../http/route-helpers.ts';

export function boundaryRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.boundaries;
  const tags = ['boundaries'];
  const problems = { ...problemResponses, 409: problemSchema };

  r.get('/api/v1/boundaries', {
    schema: { tags, summary: "My boundaries and my partner's (and a former couple's, read-only)", response: { 200: boundaryListSchema, ...problems } },
    handler: async (request) => service.list(request.actor),
  });

  r.post('/api/v1/boundaries', {
    schema: { tags, summary: 'State a boundary of mine', body: boundaryWriteSchema, response: { 201: boundarySavedSchema, ...problems } },
    handler: async (request, reply) => {
      const saved = await service.create(request.actor, request.body);
      return reply.code(201).send(saved);
    },
  });

  r.patch('/api/v1/boundaries/:id', {
    schema: { tags, summary: 'Reword a boundary of mine', params: idParams, body: boundaryWriteSchema, response: { 200: boundarySavedSchema, ...problems } },
    handler: async (request) => service.update(request.actor, request.params.id, request.body),
  });

  r.delete('/api/v1/boundaries/:id', {
    schema: { tags, summary: 'Remove a boundary of mine', params: idParams, response: { 204: z.null().describe('Removed'), ...problems } },
    handler: async (request, reply) => {
      await service.delete(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
