import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  commitmentCreateSchema,
  commitmentEndSchema,
  commitmentListQuerySchema,
  commitmentListSchema,
  commitmentRenegotiateSchema,
  commitmentSavedSchema,
  commitmentSchema,
  occurrenceMarkSchema,
  occurrenceParamsSchema,
  occurrenceSavedSchema,
} from '../../../core/schemas/commitments.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { problemSchema } from '../../http/problem.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../../http/route-helpers.ts';

export function commitmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.commitments;
  const tags = ['commitments'];
  const problems = { ...problemResponses, 409: problemSchema };

  r.post('/api/v1/commitments', {
    schema: { tags, summary: 'Propose a commitment (I am its maker)', headers: idempotencyHeaders, body: commitmentCreateSchema, response: { 201: commitmentSavedSchema, ...problems } },
    handler: async (request, reply) => {
      const zone = await service.zoneOf(request.actor, request.body.timeZone);
      return idempotent(ctx.database.db, request, reply, 201, (tx) => service.create(request.actor, request.body, zone, tx));
    },
  });

  r.get('/api/v1/commitments', {
    schema: { tags, summary: "Both partners' commitments, with due days and track records", querystring: commitmentListQuerySchema, response: { 200: commitmentListSchema, ...problems } },
    handler: async (request) => service.list(request.actor, await service.zoneOf(request.actor, request.query.timeZone, false)),
  });

  r.post('/api/v1/commitments/:id/renegotiate', {
    schema: { tags, summary: 'Replace my commitment with a new version', headers: idempotencyHeaders, params: idParams, body: commitmentRenegotiateSchema, response: { 201: commitmentSavedSchema, ...problems } },
    handler: async (request, reply) => {
      const zone = await service.zoneOf(request.actor, request.body.timeZone);
      return idempotent(ctx.database.db, request, reply, 201, (tx) => service.renegotiate(request.actor, request.params.id, request.body, zone, tx));
    },
  });

  r.post('/api/v1/commitments/:id/end', {
    schema: { tags, summary: 'End my commitment (both still see it, as ended)', params: idParams, body: commitmentEndSchema.nullish(), response: { 200: commitmentSchema, ...problems } },
    handler: async (request) => service.end(request.actor, request.params.id, await service.zoneOf(request.actor, request.body?.timeZone, false)),
  });

  r.put('/api/v1/commitments/:id/occurrences/:day', {
    schema: { tags, summary: 'Mark one occurrence of my commitment kept or missed', params: occurrenceParamsSchema, body: occurrenceMarkSchema, response: { 200: occurrenceSavedSchema, ...problems } },
    handler: async (request) => {
      const zone = await service.zoneOf(request.actor, request.body.timeZone);
      return service.mark(request.actor, request.params.id, request.params.day, request.body.outcome, zone);
    },
  });
}
