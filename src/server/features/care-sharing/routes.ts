import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitationSchema,
  accessLogPageSchema,
  accessLogQuerySchema,
  careInvitationCreatedSchema,
  careInvitationInputSchema,
  careLinkSchema,
  clientParamsSchema,
  clientViewSchema,
  grantParamsSchema,
  homeworkCompleteSchema,
  homeworkInputSchema,
  homeworkParamsSchema,
  homeworkSchema,
  linkParamsSchema,
  practiceClientSchema,
  summaryQuerySchema,
} from '../../../core/schemas/care-sharing.ts';
import type { AppContext } from '../../context.ts';
import { problemSchema } from '../../http/problem.ts';
import { idempotent } from '../../http/idempotency.ts';
import { idempotencyHeaders, problemResponses } from '../../http/route-helpers.ts';

const responses = { ...problemResponses, 409: problemSchema };
const tokenParams = z.object({ token: z.string().max(100) });

export function careSharingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.careSharing;
  const tags = ['care'];

  // ——— The client ———

  r.get('/api/v1/care/links', {
    schema: { tags, summary: 'My links with therapists, what I share and what they can see now', response: { 200: z.array(careLinkSchema), ...responses } },
    handler: (request) => service.links(request.actor),
  });

  r.post('/api/v1/care/links/accept', {
    schema: { tags, summary: 'Accept a therapist’s invitation (signed in with the invited email)', body: acceptInvitationSchema, response: { 200: careLinkSchema, ...responses } },
    handler: (request) => service.acceptInvitation(request.actor, request.body.token),
  });

  r.post('/api/v1/public/bookings/:token/link', {
    schema: { tags, summary: 'Link my account to the therapist I booked with (signed in with the booking’s email)', params: tokenParams, response: { 200: careLinkSchema, ...responses } },
    handler: (request) => service.linkBooking(request.actor, request.params.token),
  });

  r.put('/api/v1/care/links/:id/grants/:category', {
    schema: { tags, summary: 'Share a category with this therapist (idempotent)', params: grantParamsSchema, response: { 200: careLinkSchema, ...responses } },
    handler: (request) => service.setGrant(request.actor, request.params.id, request.params.category, true),
  });

  r.delete('/api/v1/care/links/:id/grants/:category', {
    schema: { tags, summary: 'Stop sharing a category (at once)', params: grantParamsSchema, response: { 200: careLinkSchema, ...responses } },
    handler: (request) => service.setGrant(request.actor, request.params.id, request.params.category, false),
  });

  r.post('/api/v1/care/links/:id/end', {
    schema: { tags, summary: 'End this link: every share stops at once', params: linkParamsSchema, response: { 200: careLinkSchema, ...responses } },
    handler: (request) => service.endLink(request.actor, request.params.id),
  });

  r.get('/api/v1/care/access-log', {
    schema: { tags, summary: 'Every time a therapist viewed my data, newest first', querystring: accessLogQuerySchema, response: { 200: accessLogPageSchema, ...responses } },
    handler: (request) => service.accessLog(request.actor, request.query),
  });

  r.get('/api/v1/care/homework', {
    schema: { tags, summary: 'Exercises my therapists suggested between sessions', response: { 200: z.array(homeworkSchema), ...responses } },
    handler: (request) => service.myHomework(request.actor),
  });

  r.post('/api/v1/care/homework/:id/complete', {
    schema: { tags, summary: 'Mark an exercise done, or not done', params: homeworkParamsSchema, body: homeworkCompleteSchema, response: { 200: homeworkSchema, ...responses } },
    handler: (request) => service.completeHomework(request.actor, request.params.id, request.body.done),
  });

  // ——— The therapist ———

  r.post('/api/v1/practice/invitations', {
    schema: { tags, summary: 'Invite a client to link their Trellis account with me (mailed; no client words in it)', headers: idempotencyHeaders, body: careInvitationInputSchema, response: { 201: careInvitationCreatedSchema, ...responses } },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.invite(request.actor, request.body, tx)),
  });

  r.get('/api/v1/practice/clients', {
    schema: { tags, summary: 'My linked clients and what each lets me see now', response: { 200: z.array(practiceClientSchema), ...responses } },
    handler: (request) => service.clients(request.actor),
  });

  r.get('/api/v1/practice/clients/:linkId', {
    schema: { tags, summary: 'One client: only the categories they (for couple data: both partners) share now; logged', params: clientParamsSchema, response: { 200: clientViewSchema, ...responses } },
    handler: (request) => service.clientView(request.actor, request.params.linkId, 'client'),
  });

  r.get('/api/v1/practice/clients/:linkId/summary', {
    schema: { tags, summary: 'The printable between-sessions summary of the last N days; logged', params: clientParamsSchema, querystring: summaryQuerySchema, response: { 200: clientViewSchema, ...responses } },
    handler: (request) => service.clientView(request.actor, request.params.linkId, 'summary', request.query.days),
  });

  r.post('/api/v1/practice/clients/:linkId/homework', {
    schema: { tags, summary: 'Suggest an exercise to a client between sessions', headers: idempotencyHeaders, params: clientParamsSchema, body: homeworkInputSchema, response: { 201: homeworkSchema, ...responses } },
    handler: (request, reply) => idempotent(ctx.database.db, request, reply, 201, (tx) => service.assignHomework(request.actor, request.params.linkId, request.body, tx)),
  });
}
