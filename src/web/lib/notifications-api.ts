import { z } from 'zod';
import {
  notificationSettingsSchema,
  pushSubscriptionSchema,
  vapidPublicKeySchema,
  type NotificationSettings,
  type NotificationSettingsPut,
  type PushSubscriptionView,
} from '../../core/schemas/notifications';
import { api } from './api';
import { isDiscreet } from './discreet';

export const NOTIFICATIONS_PATH = '/api/v1/notifications';

export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return api(`${NOTIFICATIONS_PATH}/settings`, { schema: notificationSettingsSchema, signal });
}

export function saveNotificationSettings(body: NotificationSettingsPut): Promise<NotificationSettings> {
  return api(`${NOTIFICATIONS_PATH}/settings`, { method: 'PUT', body, schema: notificationSettingsSchema });
}

export async function vapidPublicKey(): Promise<string> {
  return (await api(`${NOTIFICATIONS_PATH}/vapid-public-key`, { schema: vapidPublicKeySchema })).publicKey;
}

/** Registers this device; in discreet mode (docs/decisions/031) its pushes carry no words at all. */
export function addPushSubscription(subscription: PushSubscriptionJSON): Promise<PushSubscriptionView> {
  return api(`${NOTIFICATIONS_PATH}/push-subscriptions`, { body: { ...subscription, discreet: isDiscreet() }, schema: pushSubscriptionSchema });
}

export async function removePushSubscriptionByEndpoint(endpoint: string): Promise<void> {
  const { items } = await api(`${NOTIFICATIONS_PATH}/push-subscriptions`, { schema: z.object({ items: z.array(pushSubscriptionSchema) }) });
  for (const s of items.filter((i) => i.endpoint === endpoint)) {
    await api(`${NOTIFICATIONS_PATH}/push-subscriptions/${s.id}`, { method: 'DELETE' });
  }
}

/** base64url → the Uint8Array PushManager.subscribe wants as applicationServerKey. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
