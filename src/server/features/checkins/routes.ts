import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  checkinConsistencySchema,
  checkinCreateSchema,
  checkinListQuerySchema,
  checkinListSchema,
  checkinSavedSchema,
  checkinTimeZoneQuerySchema,
  checkinTodaySchema,
} from '../../../core/schemas/checkins.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { problemSchema } from '../../http/problem.ts';
import { idempotencyHeaders, problemResponses } from '../../http/route-helpers.ts';

export function checkinRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.checkins;
  const tags = ['check-ins'];

  r.post('/api/v1/checkins', {
    schema: {
      tags,
      summary: 'Answer today’s check-in (once a day, while linked)',
      headers: idempotencyHeaders,
      body: checkinCreateSchema,
      response: { 201: checkinSavedSchema, 409: problemSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      // The day comes from my profile, read before the transaction (one connection on PGlite).
      const day = await service.dayFor(request.actor, request.body.timeZone);
      return idempotent(ctx.database.db, request, reply, 201, (tx) => service.answer(request.actor, request.body, day, tx), { singleWrite: true });
    },
  });

  r.get('/api/v1/checkins/today', {
    schema: { tags, summary: 'Today: my answer, and my partner’s once both answered', querystring: checkinTimeZoneQuerySchema, response: { 200: checkinTodaySchema, ...problemResponses } },
    handler: (request) => service.today(request.actor, request.query.timeZone),
  });

  r.get('/api/v1/checkins', {
    schema: { tags, summary: 'My past check-ins, newest first, with my partner’s where revealed', querystring: checkinListQuerySchema, response: { 200: checkinListSchema, ...problemResponses } },
    handler: (request) => service.list(request.actor, request.query),
  });

  r.get('/api/v1/checkins/consistency', {
    schema: { tags, summary: 'The last 28 days: days I answered and days we both did', querystring: checkinTimeZoneQuerySchema, response: { 200: checkinConsistencySchema, ...problemResponses } },
    handler: (request) => service.consistency(request.actor, request.query.timeZone),
  });
}
