import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { originsInputSchema, originsSchema, originsVersionSchema, screeningSchema } from '../../../core/schemas/reflect.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../../http/route-helpers.ts';

export function originsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.origins;
  const tags = ['origins'];

  r.get('/api/v1/origins', {
    schema: { tags, summary: 'My origins map: the current version and the dates of earlier ones', response: { 200: originsSchema, ...problemResponses } },
    handler: (request) => service.current(request.actor),
  });
  r.post('/api/v1/origins', {
    schema: {
      tags,
      summary: 'Save my origins map as a new version',
      headers: idempotencyHeaders,
      body: originsInputSchema,
      response: { 201: z.object({ version: originsVersionSchema, screening: screeningSchema }), ...problemResponses },
    },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.save(request.actor, request.body, tx)),
  });
  r.get('/api/v1/origins/versions/:id', {
    schema: { tags, summary: 'An earlier version of my origins map', params: idParams, response: { 200: originsVersionSchema, ...problemResponses } },
    handler: (request) => service.version(request.actor, request.params.id),
  });
}
