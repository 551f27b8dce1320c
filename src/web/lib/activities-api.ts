import {
  activityLibraryResponseSchema,
  activityPlanListSchema,
  activityPlanSchema,
  activityReflectionSavedSchema,
  repairListSchema,
  repairSavedSchema,
  type ActivityPlanCreate,
  type ActivityReflectionWrite,
  type RepairCreate,
  type RepairUpdate,
} from '../../core/schemas/activities';
import { api } from './api';

/** The activities and repair-log API: typed calls. */
const PLANS = '/api/v1/activity-plans';
const REPAIRS = '/api/v1/repairs';
const planAt = (id: string) => `${PLANS}/${encodeURIComponent(id)}`;
const repairAt = (id: string) => `${REPAIRS}/${encodeURIComponent(id)}`;

export function listActivities(signal?: AbortSignal) {
  return api('/api/v1/activities', { schema: activityLibraryResponseSchema, signal });
}

export function listPlans(signal?: AbortSignal) {
  return api(PLANS, { schema: activityPlanListSchema, signal });
}

export function planActivity(body: ActivityPlanCreate, idempotencyKey?: string) {
  return api(PLANS, { body, schema: activityPlanSchema, idempotencyKey });
}

export function markPlanDone(id: string) {
  return api(`${planAt(id)}/done`, { method: 'POST', schema: activityPlanSchema });
}

export function saveReflection(id: string, body: ActivityReflectionWrite) {
  return api(`${planAt(id)}/reflection`, { method: 'PUT', body, schema: activityReflectionSavedSchema });
}

export function listRepairs(signal?: AbortSignal) {
  return api(REPAIRS, { schema: repairListSchema, signal });
}

export function addRepair(body: RepairCreate) {
  return api(REPAIRS, { body, schema: repairSavedSchema });
}

export function updateRepair(id: string, body: RepairUpdate) {
  return api(repairAt(id), { method: 'PATCH', body, schema: repairSavedSchema });
}

export async function deleteRepair(id: string): Promise<void> {
  await api(repairAt(id), { method: 'DELETE' });
}
