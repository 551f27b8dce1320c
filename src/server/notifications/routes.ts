import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationSettingsPutSchema,
  notificationSettingsSchema,
  pushSubscriptionCreateSchema,
  pushSubscriptionSchema,
  vapidPublicKeySchema,
} from '../../core/schemas/notifications.ts';
import type { AppContext } from '../context.ts';
import { idempotent } from '../http/idempotency.ts';
import { idempotencyHeaders, idParams, problemResponses } from '../http/route-helpers.ts';

export function notificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.notifications;
  const tags = ['notifications'];

  r.get('/api/v1/notifications/settings', {
    schema: { tags, summary: 'My reminder and notification settings', response: { 200: notificationSettingsSchema.meta({ id: 'NotificationSettings' }), ...problemResponses } },
    handler: async (request) => {
      const me = ctx.policy.requireUser(request.actor);
      return service.getSettings(me, me.userId);
    },
  });

  r.put('/api/v1/notifications/settings', {
    schema: {
      tags,
      summary: 'Change my reminder and notification settings',
      description: 'reminderTime is a local time (HH:MM) in my profile time zone; the reminder follows daylight-saving changes.',
      body: notificationSettingsPutSchema,
      response: { 200: notificationSettingsSchema, ...problemResponses },
    },
    handler: async (request) => {
      const me = ctx.policy.requireUser(request.actor);
      return service.putSettings(me, me.userId, request.body);
    },
  });

  r.get('/api/v1/notifications/vapid-public-key', {
    schema: { tags, summary: "The server's Web Push (VAPID) public key, for PushManager.subscribe", response: { 200: vapidPublicKeySchema, ...problemResponses } },
    handler: async (request) => {
      ctx.policy.requireUser(request.actor);
      return { publicKey: await service.vapidPublicKey() };
    },
  });

  r.get('/api/v1/notifications/push-subscriptions', {
    schema: { tags, summary: "My devices' push subscriptions", response: { 200: z.object({ items: z.array(pushSubscriptionSchema) }), ...problemResponses } },
    handler: async (request) => {
      const me = ctx.policy.requireUser(request.actor);
      return { items: await service.listSubscriptions(me, me.userId) };
    },
  });

  r.post('/api/v1/notifications/push-subscriptions', {
    schema: {
      tags,
      summary: "Notify this device (the browser's PushSubscription JSON)",
      headers: idempotencyHeaders,
      body: pushSubscriptionCreateSchema,
      response: { 201: pushSubscriptionSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const me = ctx.policy.requireUser(request.actor);
      return idempotent(ctx.database.db, request, reply, 201, (tx) => service.addSubscription(me, me.userId, request.body, tx));
    },
  });

  r.delete('/api/v1/notifications/push-subscriptions/:id', {
    schema: { tags, summary: 'Stop notifying one of my devices', params: idParams, response: { 204: z.null(), ...problemResponses } },
    handler: async (request, reply) => {
      await service.deleteSubscription(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
