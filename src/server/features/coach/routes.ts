import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { coachAnalysisSchema, coachAnalyzeRequestSchema } from '../../../core/schemas/coach.ts';
import type { AppContext } from '../../context.ts';
import { problemResponses } from '../../http/route-helpers.ts';

export function coachRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.coach;

  r.post('/api/v1/coach/analyze', {
    schema: {
      tags: ['coach'],
      summary: 'Read a message or apology and point at wording to rework, with a suggested I-statement. Nothing is stored.',
      body: coachAnalyzeRequestSchema,
      response: { 200: coachAnalysisSchema, ...problemResponses },
    },
    handler: async (request) => service.analyze(request.actor, request.body.text, request.body.context),
  });
}
