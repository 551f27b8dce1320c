import {
  assessmentListSchema,
  assessmentSchema,
  instrumentListSchema,
  instrumentSchema,
  type AssessmentCreate,
} from '../../core/schemas/assessments';
import { api } from './api';

/** The check-ups API: instruments are public content; results are mine alone. */
export const ASSESSMENT_PATHS = { instruments: '/api/v1/instruments', assessments: '/api/v1/assessments' } as const;

export function listInstruments(signal?: AbortSignal) {
  return api(ASSESSMENT_PATHS.instruments, { schema: instrumentListSchema, signal });
}

export function getInstrument(id: string, signal?: AbortSignal) {
  return api(`${ASSESSMENT_PATHS.instruments}/${encodeURIComponent(id)}`, { schema: instrumentSchema, signal });
}

export function listAssessments({ instrument, limit = 100, cursor }: { instrument?: string; limit?: number; cursor?: string | null }, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (instrument) query.set('instrument', instrument);
  if (cursor) query.set('cursor', cursor);
  return api(`${ASSESSMENT_PATHS.assessments}?${query}`, { schema: assessmentListSchema, signal });
}

export function createAssessment(body: AssessmentCreate) {
  return api(ASSESSMENT_PATHS.assessments, { method: 'POST', body, schema: assessmentSchema });
}

export async function deleteAssessment(id: string): Promise<void> {
  await api(`${ASSESSMENT_PATHS.assessments}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** A score as people read it: whole for sums, one decimal for means. */
export function formatScore(value: number, method: 'mean' | 'sum'): string {
  return method === 'sum' ? String(Math.round(value)) : (Math.round(value * 10) / 10).toFixed(1);
}
