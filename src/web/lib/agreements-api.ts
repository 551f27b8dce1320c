import {
  agreementDetailSchema,
  agreementListSchema,
  agreementSavedSchema,
  boundaryListSchema,
  boundarySavedSchema,
  type AgreementCreate,
  type AgreementVersionCreate,
} from '../../core/schemas/agreements';
import { api } from './api';

/** The agreements and boundaries API: typed calls. `timeZone` counts review days where I am (when my profile has none). */
const AGREEMENTS = '/api/v1/agreements';
const BOUNDARIES = '/api/v1/boundaries';
const agreementAt = (id: string) => `${AGREEMENTS}/${encodeURIComponent(id)}`;
const boundaryAt = (id: string) => `${BOUNDARIES}/${encodeURIComponent(id)}`;

export function listAgreements(timeZone: string, signal?: AbortSignal) {
  return api(`${AGREEMENTS}?${new URLSearchParams({ timeZone })}`, { schema: agreementListSchema, signal });
}

export function getAgreement(id: string, timeZone: string, signal?: AbortSignal) {
  return api(`${agreementAt(id)}?${new URLSearchParams({ timeZone })}`, { schema: agreementDetailSchema, signal });
}

export function proposeAgreement(body: AgreementCreate, idempotencyKey?: string) {
  return api(AGREEMENTS, { body, schema: agreementSavedSchema, idempotencyKey });
}

export function proposeVersion(id: string, body: AgreementVersionCreate, idempotencyKey?: string) {
  return api(`${agreementAt(id)}/versions`, { body, schema: agreementSavedSchema, idempotencyKey });
}

export function acceptVersion(id: string, number: number, timeZone: string) {
  return api(`${agreementAt(id)}/versions/${number}/accept?${new URLSearchParams({ timeZone })}`, { method: 'POST', schema: agreementDetailSchema });
}

export function listBoundaries(signal?: AbortSignal) {
  return api(BOUNDARIES, { schema: boundaryListSchema, signal });
}

export function addBoundary(text: string) {
  return api(BOUNDARIES, { body: { text }, schema: boundarySavedSchema });
}

export function updateBoundary(id: string, text: string) {
  return api(boundaryAt(id), { method: 'PATCH', body: { text }, schema: boundarySavedSchema });
}

export async function deleteBoundary(id: string): Promise<void> {
  await api(boundaryAt(id), { method: 'DELETE' });
}
