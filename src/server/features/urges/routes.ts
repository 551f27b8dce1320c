import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { screeningSchema, urgeInputSchema, urgePatchSchema, urgeSchema } from '../../../core/schemas/reflect.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../../http/route-helpers.ts';

const saved = z.object({ item: urgeSchema, screening: screeningSchema });
const pageQuery = z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });

export function urgeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.urges;
  const tags = ['urges'];

  r.get('/api/v1/urges', {
    schema: { tags, summary: 'My urge log, newest first', querystring: pageQuery, response: { 200: z.object({ items: z.array(urgeSchema), nextCursor: z.string().nullable() }), ...problemResponses } },
    handler: (request) => service.list(request.actor, request.query),
  });
  r.post('/api/v1/urges', {
    schema: { tags, summary: 'Log an urge', headers: idempotencyHeaders, body: urgeInputSchema, response: { 201: saved, ...problemResponses } },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.create(request.actor, request.body, tx)),
  });
  r.patch('/api/v1/urges/:id', {
    schema: { tags, summary: 'Change a logged urge', params: idParams, body: urgePatchSchema, response: { 200: saved, ...problemResponses } },
    handler: (request) => service.update(request.actor, request.params.id, request.body),
  });
  r.delete('/api/v1/urges/:id', {
    schema: { tags, summary: 'Delete a logged urge', params: idParams, response: { 204: z.null(), ...problemResponses } },
    handler: async (request, reply) => {
      await service.delete(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
