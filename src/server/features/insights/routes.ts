import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { insightsQuerySchema, insightsSchema } from '../../../core/schemas/insights.ts';
import type { AppContext } from '../../context.ts';
import { problemResponses } from '../../http/route-helpers.ts';

export function insightsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.insights;

  r.get('/api/v1/insights', {
    schema: {
      tags: ['insights'],
      summary: 'Patterns over my own entries in a range (default: the last 90 days), in my time zone',
      querystring: insightsQuerySchema,
      response: { 200: insightsSchema, ...problemResponses },
    },
    handler: (request) => service.forMe(request.actor, request.query),
  });
}
