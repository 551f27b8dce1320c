import { z } from 'zod';
import {
  accessLogPageSchema,
  careInvitationCreatedSchema,
  careLinkSchema,
  clientViewSchema,
  homeworkSchema,
  practiceClientSchema,
  type AccessLogPage,
  type CareCategory,
  type CareInvitationInput,
  type CareLink,
  type ClientView,
  type Homework,
  type HomeworkInput,
  type PracticeClient,
  therapyFlagResultSchema,
} from '../../core/schemas/care-sharing';
import { api } from './api';

/**
 * Client links, consent by category, the access log and the therapist workspace
 * (docs/decisions/027). Answers are checked against the server's own zod schemas.
 */

export type { AccessLogPage, CareCategory, CareLink, ClientView, Homework, PracticeClient };

const links = '/api/v1/care/links';
const clients = '/api/v1/practice/clients';
const id = encodeURIComponent;

// ——— The client ———

export function listCareLinks(signal?: AbortSignal): Promise<CareLink[]> {
  return api(links, { schema: z.array(careLinkSchema), signal });
}

export function acceptCareInvitation(token: string): Promise<CareLink> {
  return api(`${links}/accept`, { body: { token }, schema: careLinkSchema });
}

/** Connect a booking (by its private link) to my account: a link with its therapist, nothing shared yet. */
export function linkBooking(token: string): Promise<CareLink> {
  return api(`/api/v1/public/bookings/${id(token)}/link`, { method: 'POST', body: {}, schema: careLinkSchema });
}

export function setGrant(linkId: string, category: CareCategory, on: boolean): Promise<CareLink> {
  return api(`${links}/${id(linkId)}/grants/${id(category)}`, { method: on ? 'PUT' : 'DELETE', ...(on ? { body: {} } : {}), schema: careLinkSchema });
}

export function endCareLink(linkId: string): Promise<CareLink> {
  return api(`${links}/${id(linkId)}/end`, { method: 'POST', body: {}, schema: careLinkSchema });
}

export function listAccessLog(cursor: string | null, signal?: AbortSignal): Promise<AccessLogPage> {
  const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
  return api(`/api/v1/care/access-log?${query}`, { schema: accessLogPageSchema, signal });
}

export function listMyHomework(signal?: AbortSignal): Promise<Homework[]> {
  return api('/api/v1/care/homework', { schema: z.array(homeworkSchema), signal });
}

export function completeHomework(homeworkId: string, done: boolean): Promise<Homework> {
  return api(`/api/v1/care/homework/${id(homeworkId)}/complete`, { body: { done }, schema: homeworkSchema });
}

/** Marks one of my journal entries "for therapy", or unmarks it. */
export function setEntryForTherapy(entryId: string, forTherapy: boolean): Promise<{ id: string; forTherapy: boolean }> {
  return api(`/api/v1/journal/entries/${id(entryId)}/therapy`, { method: 'PATCH', body: { forTherapy }, schema: therapyFlagResultSchema });
}

// ——— The therapist ———

export function inviteClient(body: CareInvitationInput) {
  return api('/api/v1/practice/invitations', { body, schema: careInvitationCreatedSchema });
}

export function listPracticeClients(signal?: AbortSignal): Promise<PracticeClient[]> {
  return api(clients, { schema: z.array(practiceClientSchema), signal });
}

export function getClientView(linkId: string, signal?: AbortSignal): Promise<ClientView> {
  return api(`${clients}/${id(linkId)}`, { schema: clientViewSchema, signal });
}

export function getClientSummary(linkId: string, days = 14, signal?: AbortSignal): Promise<ClientView> {
  return api(`${clients}/${id(linkId)}/summary?days=${days}`, { schema: clientViewSchema, signal });
}

export function assignHomework(linkId: string, body: HomeworkInput): Promise<Homework> {
  return api(`${clients}/${id(linkId)}/homework`, { body, schema: homeworkSchema });
}
