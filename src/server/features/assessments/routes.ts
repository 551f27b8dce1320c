import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentCreateSchema,
  assessmentListQuerySchema,
  assessmentListSchema,
  assessmentSchema,
  instrumentListSchema,
  instrumentParams,
  instrumentSchema,
} from '../../../core/schemas/assessments.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../../http/route-helpers.ts';

export function assessmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.assessments;
  const tags = ['check-ups'];

  r.get('/api/v1/instruments', {
    schema: { tags, summary: 'Every check-up instrument (public content)', security: [], response: { 200: instrumentListSchema, ...problemResponses } },
    handler: () => service.listInstruments(),
  });

  r.get('/api/v1/instruments/:id', {
    schema: { tags, summary: 'One instrument, whole: items, scales, subscales, bands, citation (public content)', security: [], params: instrumentParams, response: { 200: instrumentSchema, ...problemResponses } },
    handler: (request) => service.getInstrument(request.params.id),
  });

  r.post('/api/v1/assessments', {
    schema: { tags, summary: 'Take a check-up: score my answers and keep the result', headers: idempotencyHeaders, body: assessmentCreateSchema, response: { 201: assessmentSchema, ...problemResponses } },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.create(request.actor, request.body, tx)),
  });

  r.get('/api/v1/assessments', {
    schema: { tags, summary: 'My check-up results, newest first', querystring: assessmentListQuerySchema, response: { 200: assessmentListSchema, ...problemResponses } },
    handler: (request) => service.list(request.actor, request.query),
  });

  r.get('/api/v1/assessments/:id', {
    schema: { tags, summary: 'One of my check-up results', params: idParams, response: { 200: assessmentSchema, ...problemResponses } },
    handler: (request) => service.get(request.actor, request.params.id),
  });

  r.delete('/api/v1/assessments/:id', {
    schema: { tags, summary: 'Delete one of my check-up results', params: idParams, response: { 204: z.null(), ...problemResponses } },
    handler: async (request, reply) => {
      await service.delete(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
