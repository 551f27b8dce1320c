import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { therapyGuidanceSchema } from '../../../core/schemas/guidance.ts';
import type { AppContext } from '../../context.ts';
import { problemResponses } from '../../http/route-helpers.ts';

export function guidanceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.guidance;

  r.get('/api/v1/guidance/therapy', {
    schema: {
      tags: ['guidance'],
      summary: 'Is it time to talk to a therapist? Transparent rules over my own entries and check-ups, with the reasons',
      response: { 200: therapyGuidanceSchema, ...problemResponses },
    },
    handler: (request) => service.therapy(request.actor),
  });
}
