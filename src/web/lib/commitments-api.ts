import {
  commitmentListSchema,
  commitmentSavedSchema,
  commitmentSchema,
  occurrenceSavedSchema,
  type CommitmentCreate,
  type CommitmentRenegotiate,
} from '../../core/schemas/commitments';
import { api } from './api';

/** The commitments API: typed calls. `timeZone` is used by the server only when my profile has none. */
const BASE = '/api/v1/commitments';
const at = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export function listCommitments(timeZone: string, signal?: AbortSignal) {
  return api(`${BASE}?${new URLSearchParams({ timeZone })}`, { schema: commitmentListSchema, signal });
}

export function proposeCommitment(body: CommitmentCreate, idempotencyKey?: string) {
  return api(BASE, { body, schema: commitmentSavedSchema, idempotencyKey });
}

export function markOccurrence(id: string, day: string, outcome: 'kept' | 'missed', timeZone: string) {
  return api(`${at(id)}/occurrences/${encodeURIComponent(day)}`, { method: 'PUT', body: { outcome, timeZone }, schema: occurrenceSavedSchema });
}

export function renegotiateCommitment(id: string, body: CommitmentRenegotiate, idempotencyKey?: string) {
  return api(`${at(id)}/renegotiate`, { body, schema: commitmentSavedSchema, idempotencyKey });
}

export function endCommitment(id: string, timeZone: string) {
  return api(`${at(id)}/end`, { body: { timeZone }, schema: commitmentSchema });
}
