import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emergencyResetInputSchema, emergencyResetResultSchema } from '../../../core/schemas/safety.ts';
import type { AppContext } from '../../context.ts';
import { idempotent } from '../../http/idempotency.ts';
import { HttpProblem, problemSchema } from '../../http/problem.ts';
import { idempotencyHeaders, problemResponses } from '../../http/route-helpers.ts';

/** A body that is not exactly `{ confirm: true }`: well-formed, but not a confirmation (docs/decisions/029). */
const notConfirmed = () =>
  new HttpProblem(422, 'reset-not-confirmed', 'Nothing was changed. To reset, send { "confirm": true }.', [{ path: 'confirm', message: 'Must be true to confirm the reset.' }], {
    title: 'Not confirmed',
  });

export function safetyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.safety;
  const tags = ['safety'];

  r.post('/api/v1/safety/emergency-reset', {
    schema: {
      tags,
      summary: 'Emergency reset: sign out my other sessions, unlink my partner, end every therapist link, forget remembered devices — at once',
      description:
        'Everything happens in one transaction, or nothing does. The partner and therapists see only an ordinary unlink and ended links. A body other than { "confirm": true } is a 422 naming `confirm`.',
      headers: idempotencyHeaders,
      body: emergencyResetInputSchema,
      response: { 200: emergencyResetResultSchema, ...problemResponses, 422: problemSchema },
    },
    // A bad body is answered by the handler (a 422 naming `confirm`), after the sign-in check.
    attachValidation: true,
    handler: async (request, reply) => {
      ctx.policy.safety.reset(request.actor);
      const invalid = request.validationError;
      if (invalid) {
        if ((invalid as { validationContext?: string }).validationContext === 'body') throw notConfirmed();
        throw invalid;
      }
      return idempotent(ctx.database.db, request, reply, 200, (tx) => service.emergencyReset(request.actor, tx));
    },
  });
}
