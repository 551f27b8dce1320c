import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SESSION_KINDS,
  bookingCreatedSchema,
  bookingInputSchema,
  bookingViewSchema,
  createPracticeSchema,
  decisionSchema,
  matchQuerySchema,
  practiceCreatedSchema,
  publicPracticeSchema,
  publicTherapistSchema,
  rescheduleSchema,
  sessionTypeInputSchema,
  slotsQuerySchema,
  slotsSchema,
  slugSchema,
  therapistBookingSchema,
  therapistInputSchema,
} from '../../../core/schemas/care.ts';
import type { AppContext } from '../../context.ts';
import { HttpProblem, problemSchema } from '../../http/problem.ts';
import { idParams, problemResponses } from '../../http/route-helpers.ts';
import { rateWindowRepo } from '../../http/rate-window-repo.ts';

const careProblemResponses = { ...problemResponses, 409: problemSchema, 429: problemSchema };

/** Booking requests per client address per hour: plenty for a person, little for a script. */
export const BOOKINGS_PER_ADDRESS = 10;
const BOOKING_WINDOW_MS = 60 * 60_000;

const slugParams = z.object({ slug: slugSchema });
const tokenParams = z.object({ token: z.string().max(100) });
/** A practice id in a path: text the database compares, so never a NUL character (PostgreSQL text cannot hold one: a 500). */
const practiceIdSchema = z.string().max(64).regex(/^[^\u0000]*$/, 'Not a valid id.');

export function careRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.care;
  const tags = ['care'];

  // ——— Practice set-up (the owner) ———

  r.post('/api/v1/practices', {
    schema: { tags, summary: 'Create a practice (I become its owner; two-factor must be on)', body: createPracticeSchema, response: { 201: practiceCreatedSchema, ...careProblemResponses } },
    handler: async (request, reply) => reply.code(201).send(await service.createPractice(request.actor, request.body)),
  });

  r.put('/api/v1/practices/:id/session-types/:kind', {
    schema: {
      tags,
      summary: 'Set a session type of my practice: duration, buffer, minimum notice, booking horizon',
      params: z.object({ id: practiceIdSchema, kind: z.enum(SESSION_KINDS) }),
      body: sessionTypeInputSchema,
      response: { 200: z.object({ kind: z.enum(SESSION_KINDS), durationMinutes: z.number(), bufferMinutes: z.number(), minNoticeMinutes: z.number(), horizonDays: z.number(), active: z.boolean() }), ...careProblemResponses },
    },
    handler: async (request) => {
      const t = await service.setSessionType(request.actor, request.params.id, request.params.kind, request.body);
      return { kind: t.kind, durationMinutes: t.durationMinutes, bufferMinutes: t.bufferMinutes, minNoticeMinutes: t.minNoticeMinutes, horizonDays: t.horizonDays, active: t.active };
    },
  });

  r.post('/api/v1/practices/:id/therapists', {
    schema: {
      tags,
      summary: 'Add a therapist (an account with two-factor on) with licences and weekly availability',
      params: z.object({ id: practiceIdSchema }),
      body: therapistInputSchema,
      response: { 201: z.object({ id: z.uuid() }), ...careProblemResponses },
    },
    handler: async (request, reply) => reply.code(201).send({ id: (await service.addTherapist(request.actor, request.params.id, request.body)).id }),
  });

  // ——— The public booking page (no account) ———

  r.get('/api/v1/public/practices/:slug', {
    schema: { tags, summary: 'A practice’s public booking page: session types, states and approaches', params: slugParams, response: { 200: publicPracticeSchema, ...careProblemResponses } },
    handler: (request) => service.publicPractice(request.params.slug),
  });

  r.get('/api/v1/public/practices/:slug/therapists', {
    schema: {
      tags,
      summary: 'Therapists with a current licence in my state who see my kind of client',
      params: slugParams,
      querystring: matchQuerySchema,
      response: { 200: z.array(publicTherapistSchema), ...careProblemResponses },
    },
    handler: (request) => service.matchTherapists(request.params.slug, request.query),
  });

  r.get('/api/v1/public/practices/:slug/therapists/:id/slots', {
    schema: {
      tags,
      summary: 'Free times of a therapist, in my time zone',
      params: slugParams.extend({ id: z.uuid('Not a valid id.') }),
      querystring: slotsQuerySchema,
      response: { 200: slotsSchema, ...careProblemResponses },
    },
    handler: (request) => service.slots(request.params.slug, request.params.id, request.query),
  });

  r.post('/api/v1/public/practices/:slug/bookings', {
    schema: {
      tags,
      summary: 'Request a consultation: the time is held until the therapist accepts or declines',
      params: slugParams,
      body: bookingInputSchema,
      response: { 201: bookingCreatedSchema, ...careProblemResponses },
    },
    handler: async (request, reply) => {
      const { attempts, resetAt } = await rateWindowRepo.count(ctx.database.db, `booking:${request.ip}`, Date.now(), BOOKING_WINDOW_MS);
      if (attempts > BOOKINGS_PER_ADDRESS) {
        const retryAfter = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
        reply.header('retry-after', String(retryAfter));
        throw new HttpProblem(429, 'too-many-bookings', 'That is a lot of booking requests from one place. Please wait a while, or contact the practice directly.', undefined, { title: 'Please wait a little', retryAfter });
      }
      // The honeypot: a field people never see. A robot that fills it is told nothing new.
      if (request.body.website) throw new HttpProblem(422, 'booking-not-accepted', 'We could not take this request. Please try again, or contact the practice directly.', undefined, { title: 'Not accepted' });
      const { ics: _ics, ...created } = await service.book(request.params.slug, request.body);
      return reply.code(201).send(created);
    },
  });

  // ——— The client's private link ———

  r.get('/api/v1/public/bookings/:token', {
    schema: { tags, summary: 'My booking, by its private link', params: tokenParams, response: { 200: bookingViewSchema, ...careProblemResponses } },
    handler: (request) => service.viewByToken(request.actor, request.params.token),
  });

  r.get('/api/v1/public/bookings/:token/calendar.ics', {
    schema: { tags, summary: 'My booking as a calendar file', params: tokenParams, response: { 200: z.string(), ...careProblemResponses } },
    handler: async (request, reply) => {
      const ics = await service.icsByToken(request.actor, request.params.token);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="consultation.ics"').send(ics);
    },
  });

  r.post('/api/v1/public/bookings/:token/cancel', {
    schema: { tags, summary: 'Cancel my booking (frees the time)', params: tokenParams, response: { 200: bookingViewSchema, ...careProblemResponses } },
    handler: (request) => service.cancelByToken(request.actor, request.params.token),
  });

  r.post('/api/v1/public/bookings/:token/reschedule', {
    schema: { tags, summary: 'Move my booking to another free time of the same therapist', params: tokenParams, body: rescheduleSchema, response: { 200: bookingViewSchema, ...careProblemResponses } },
    handler: (request) => service.rescheduleByToken(request.actor, request.params.token, request.body.start),
  });

  // ——— The therapist ———

  r.get('/api/v1/practice/bookings', {
    schema: { tags, summary: 'Requests and sessions assigned to me, with their intake', response: { 200: z.array(therapistBookingSchema), ...careProblemResponses } },
    handler: (request) => service.myBookings(request.actor),
  });

  r.post('/api/v1/practice/bookings/:id/decision', {
    schema: { tags, summary: 'Accept or decline a request assigned to me (the client is told either way)', params: idParams, body: decisionSchema, response: { 200: bookingViewSchema, ...careProblemResponses } },
    handler: (request) => service.decide(request.actor, request.params.id, request.body.decision),
  });
}
