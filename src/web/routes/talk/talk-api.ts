import {
  apologyListSchema,
  apologySavedSchema,
  apologySchema,
  conversationListSchema,
  conversationSavedSchema,
  conversationFinishedSchema,
  conversationSchema,
  type ApologyCreate,
  type ConversationCreate,
  type ConversationFinish,
  type TurnCreate,
} from '../../../core/schemas/conversations';
import type { CommitmentCreate } from '../../../core/schemas/commitments';
import { api } from '../../lib/api';

/** The conversations and apologies API: typed calls (docs/decisions/024). */
const BASE = '/api/v1/conversations';
const at = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const listConversations = (signal?: AbortSignal) => api(BASE, { schema: conversationListSchema, signal });
export const startConversation = (body: ConversationCreate, idempotencyKey?: string) => api(BASE, { body, schema: conversationSchema, idempotencyKey });
export const getConversation = (id: string, signal?: AbortSignal) => api(at(id), { schema: conversationSchema, signal });
export const confirmChecklist = (id: string, version: number) =>
  api(`${at(id)}/checklist`, { body: { calm: true, phonesAway: true, timeLimit: true, version }, schema: conversationSchema });
export const addTurn = (id: string, body: TurnCreate, idempotencyKey?: string) => api(`${at(id)}/turns`, { body, schema: conversationSavedSchema, idempotencyKey });
export const conversationStep = (id: string, step: 'pause' | 'ready' | 'close' | 'leave') => api(`${at(id)}/${step}`, { body: {}, schema: conversationSchema });
export const finishConversation = (id: string, body: ConversationFinish) => api(`${at(id)}/finish`, { body, schema: conversationFinishedSchema });

const APOLOGIES = '/api/v1/apologies';
export const listApologies = (signal?: AbortSignal) => api(APOLOGIES, { schema: apologyListSchema, signal });
export const createApology = (body: ApologyCreate, idempotencyKey?: string) => api(APOLOGIES, { body, schema: apologySavedSchema, idempotencyKey });
export const sendApology = (id: string) => api(`${APOLOGIES}/${encodeURIComponent(id)}/send`, { body: {}, schema: apologySchema });
export const apologyCommitment = (id: string, body: CommitmentCreate, idempotencyKey?: string) =>
  api(`${APOLOGIES}/${encodeURIComponent(id)}/commitment`, { body, schema: apologySavedSchema, idempotencyKey });
export const deleteApology = (id: string) => api(`${APOLOGIES}/${encodeURIComponent(id)}`, { method: 'DELETE' });
