import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activityLibraryResponseSchema,
  activityPlanCreateSchema,
  activityPlanListSchema,
  activityPlanSchema,
  activityReflectionSavedSchema,
  activityReflectionWriteSchema,
} from '../../../core/schemas/activities.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { problemSchema } from '../../http/problem.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../../http/route-helpers.ts';

export function activityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.activities;
  const tags = ['activities'];
  const problems = { ...problemResponses, 409: problemSchema };

  r.get('/api/v1/activities', {
    schema: { tags, summary: 'The library of trust-building activities (public content)', security: [], response: { 200: activityLibraryResponseSchema, ...problemResponses } },
    handler: () => service.library(),
  });

  r.post('/api/v1/activity-plans', {
    schema: { tags, summary: 'Plan an activity together', headers: idempotencyHeaders, body: activityPlanCreateSchema, response: { 201: activityPlanSchema, ...problems } },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.plan(request.actor, request.body, tx)),
  });

  r.get('/api/v1/activity-plans', {
    schema: { tags, summary: "My couple's planned and done activities, with each partner's reflection (and a former couple's, read-only)", response: { 200: activityPlanListSchema, ...problems } },
    handler: (request) => service.list(request.actor),
  });

  r.post('/api/v1/activity-plans/:id/done', {
    schema: { tags, summary: 'Mark a planned activity done', params: idParams, response: { 200: activityPlanSchema, ...problems } },
    handler: (request) => service.done(request.actor, request.params.id),
  });

  r.put('/api/v1/activity-plans/:id/reflection', {
    schema: { tags, summary: 'Write or rewrite my reflection on a done activity', params: idParams, body: activityReflectionWriteSchema, response: { 200: activityReflectionSavedSchema, ...problems } },
    handler: (request) => service.reflect(request.actor, request.params.id, request.body),
  });
}
