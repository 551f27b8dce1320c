import { z } from 'zod';
import { problemSchema } from './problem.ts';

/** `:id` path parameter: a UUID. */
export const idParams = z.object({ id: z.uuid('Not a valid id.') });

/** The problem responses every authenticated route can give, for the OpenAPI document. */
export const problemResponses = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema };

/** The Idempotency-Key header, documented on creating POSTs. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().max(255).optional().describe('A retry with the same key returns the first response and creates nothing.'),
});
