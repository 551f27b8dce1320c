import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cycleMapSchema, cycleSavedSchema, cycleSideWriteSchema } from '../../../core/schemas/cycle.ts';
import type { AppContext } from '../../context.ts';
import { problemSchema } from '../../http/problem.ts';
import { problemResponses } from '../../http/route-helpers.ts';

export function cycleRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.cycle;
  const tags = ['cycle'];
  const problems = { ...problemResponses, 409: problemSchema };

  r.get('/api/v1/cycle', {
    schema: { tags, summary: "Our cycle map: my side, my partner's, and the loop (a former couple's, read-only)", response: { 200: cycleMapSchema, ...problems } },
    handler: (request) => service.get(request.actor),
  });

  r.put('/api/v1/cycle/mine', {
    schema: { tags, summary: 'Fill in or change my side of the cycle map', body: cycleSideWriteSchema, response: { 200: cycleSavedSchema, ...problems } },
    handler: (request) => service.putMine(request.actor, request.body),
  });
}
