import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  agreementCreateSchema,
  agreementDetailSchema,
  agreementListQuerySchema,
  agreementListSchema,
  agreementSavedSchema,
  agreementVersionCreateSchema,
  versionParamsSchema,
} from '../../../core/schemas/agreements.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { problemSchema } from '../../http/problem.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../../http/route-helpers.ts';

export function agreementRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.agreements;
  const tags = ['agreements'];
  const problems = { ...problemResponses, 409: problemSchema };

  r.post('/api/v1/agreements', {
    schema: { tags, summary: 'Propose an agreement (version 1, accepted by me)', headers: idempotencyHeaders, body: agreementCreateSchema, response: { 201: agreementSavedSchema, ...problems } },
    handler: async (request, reply) => {
      const zone = await service.reviewZoneOf(request.actor, request.body.timeZone);
      return idempotent(ctx.database.db, request, reply, 201, (tx) => service.create(request.actor, request.body, zone, tx));
    },
  });

  r.get('/api/v1/agreements', {
    schema: { tags, summary: "My couple's agreements (and a former couple's, read-only)", querystring: agreementListQuerySchema, response: { 200: agreementListSchema, ...problems } },
    handler: async (request) => service.list(request.actor, await service.zoneOf(request.actor, request.query.timeZone)),
  });

  r.get('/api/v1/agreements/:id', {
    schema: { tags, summary: 'One agreement with every version', params: idParams, querystring: agreementListQuerySchema, response: { 200: agreementDetailSchema, ...problems } },
    handler: async (request) => service.get(request.actor, request.params.id, await service.zoneOf(request.actor, request.query.timeZone)),
  });

  r.post('/api/v1/agreements/:id/versions', {
    schema: { tags, summary: 'Propose an edit: a new version, pending until both accept it', headers: idempotencyHeaders, params: idParams, body: agreementVersionCreateSchema, response: { 201: agreementSavedSchema, ...problems } },
    handler: async (request, reply) => {
      const zone = await service.reviewZoneOf(request.actor, request.body.timeZone);
      return idempotent(ctx.database.db, request, reply, 201, (tx) => service.propose(request.actor, request.params.id, request.body, zone, tx));
    },
  });

  r.post('/api/v1/agreements/:id/versions/:number/accept', {
    schema: { tags, summary: 'Accept the latest version (a superseded one: 409 stale-version)', params: versionParamsSchema, querystring: agreementListQuerySchema, response: { 200: agreementDetailSchema, ...problems } },
    handler: async (request) => service.accept(request.actor, request.params.id, request.params.number, await service.zoneOf(request.actor, request.query.timeZone)),
  });
}
