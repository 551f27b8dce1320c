import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SELF_WORTH_KINDS } from '../../../core/reflect/catalogs.ts';
import { screeningSchema, selfWorthInputSchema, selfWorthPatchSchema, selfWorthSchema } from '../../../core/schemas/reflect.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../../http/route-helpers.ts';

const saved = z.object({ item: selfWorthSchema, screening: screeningSchema });
const listQuery = z.object({ kind: z.enum(SELF_WORTH_KINDS).optional(), cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) });

export function selfWorthRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.selfWorth;
  const tags = ['self-worth'];

  r.get('/api/v1/self-worth', {
    schema: { tags, summary: 'My goals, wins and self-care, newest day first', querystring: listQuery, response: { 200: z.object({ items: z.array(selfWorthSchema), nextCursor: z.string().nullable() }), ...problemResponses } },
    handler: (request) => service.list(request.actor, request.query),
  });
  r.post('/api/v1/self-worth', {
    schema: { tags, summary: 'Add a goal, win or self-care activity', headers: idempotencyHeaders, body: selfWorthInputSchema, response: { 201: saved, ...problemResponses } },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.create(request.actor, request.body, tx)),
  });
  r.patch('/api/v1/self-worth/:id', {
    schema: { tags, summary: 'Change an item (for example mark it done)', params: idParams, body: selfWorthPatchSchema, response: { 200: saved, ...problemResponses } },
    handler: (request) => service.update(request.actor, request.params.id, request.body),
  });
  r.delete('/api/v1/self-worth/:id', {
    schema: { tags, summary: 'Delete an item', params: idParams, response: { 204: z.null(), ...problemResponses } },
    handler: async (request, reply) => {
      await service.delete(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
