import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { profilePatchSchema, profileSchema } from '../../../core/schemas/profile.ts';
import { problemSchema } from '../../http/problem.ts';
import type { AppContext } from '../../app.ts';

export function profileRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

  r.get('/api/v1/profile', {
    schema: { tags: ['profile'], summary: 'My profile', response: { 200: profileSchema.meta({ id: 'Profile' }), ...errors } },
    handler: async (request) => {
      const me = ctx.policy.requireUser(request.actor);
      return ctx.services.profile.get(me, me.userId);
    },
  });

  r.patch('/api/v1/profile', {
    schema: {
      tags: ['profile'],
      summary: 'Change my profile',
      description: 'Only the fields sent change. timeZone and usState may be null.',
      body: profilePatchSchema,
      response: { 200: profileSchema, ...errors },
    },
    handler: async (request) => {
      const me = ctx.policy.requireUser(request.actor);
      return ctx.services.profile.update(me, me.userId, request.body);
    },
  });
}
