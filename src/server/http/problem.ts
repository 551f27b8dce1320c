/**
 * RFC 9457 problem details. Every error response of the API has this shape:
 * { type, title, status, detail, errors?: [{ path, message }] } as application/problem+json.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** The OpenAPI/zod description of a problem response. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem' });

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in needed',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported content type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Temporarily unavailable',
};

export const problemType = (slug: string) => `urn:trellis:problem:${slug}`;

/** An error a service or route throws to answer with a problem response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  toProblem(): Problem {
    return {
      type: problemType(this.slug),
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const notFound = (detail = 'There is nothing here, or you do not have access to it.') =>
  new HttpProblem(404, 'not-found', detail);
export const unauthorized = () => new HttpProblem(401, 'unauthenticated', 'Please sign in to continue.');
export const validationProblem = (errors: FieldError[], detail = 'Some fields need another look.') =>
  new HttpProblem(400, 'validation', detail, errors);

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/** Turns zod issues into field errors with dotted paths ("body.timeZone" → "timeZone"). */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || prefix || '(root)',
    message: i.message,
  }));
}

/** Maps any error thrown during a request to a problem. Never leaks a stack trace. */
export function toProblem(err: FastifyError | Error, request: FastifyRequest): Problem {
  if (err instanceof HttpProblem) return err.toProblem();
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext ?? 'body';
    const errors = err.validation.flatMap((v) => {
      const p = (v.instancePath ?? '').split('/').filter(Boolean).join('.');
      const keys = (v.params as { keys?: unknown } | undefined)?.keys;
      if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        return keys.map((k) => ({ path: [p, String(k)].filter(Boolean).join('.'), message: 'This field is not accepted here.' }));
      }
      return [{ path: p || (where === 'body' ? '(body)' : where), message: v.message ?? 'Invalid value' }];
    });
    return new HttpProblem(400, 'validation', `Some ${where === 'body' ? 'fields' : where + ' values'} need another look.`, errors).toProblem();
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(400, 'malformed-json', 'The request body is not valid JSON.', [{ path: '(body)', message: 'Not valid JSON' }]).toProblem();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'body-too-large', 'The request body is larger than this server accepts.', [{ path: '(body)', message: 'Too large' }]).toProblem();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpProblem(415, 'unsupported-media-type', 'Send the body as JSON with Content-Type: application/json.', [
        { path: 'content-type', message: 'Expected application/json' },
      ]).toProblem();
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new HttpProblem(415, 'unsupported-media-type', 'The Content-Type header is not valid.', [{ path: 'content-type', message: 'Invalid' }]).toProblem();
    default:
      break;
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      type: problemType('client-error'),
      title: TITLES[fe.statusCode] ?? 'Bad request',
      status: fe.statusCode,
      detail: TITLES[fe.statusCode] ?? 'The request could not be processed.',
    };
  }
  // Two transactions collided (deadlock or serialization failure): nothing was saved; a retry works.
  const dbCode = databaseErrorCode(err);
  if (dbCode === '40P01' || dbCode === '40001') {
    request.log.warn({ err: { name: err.name, code: dbCode } }, 'transaction collided; answered 503');
    return new HttpProblem(503, 'busy', 'Another change was being saved at the same moment, so nothing was saved. Please try again.').toProblem();
  }
  // The message may quote data (a database error can); log the name, code and frames only.
  request.log.error({ err: { name: err.name, code: fe.code ?? dbCode, frames: err.stack?.split('\n').slice(1, 12).join('\n') } }, 'unhandled error');
  return { type: problemType('internal'), title: TITLES[500]!, status: 500, detail: 'Something went wrong on our side. Please try again in a moment.' };
}

/** The SQLSTATE of a database error anywhere in the cause chain (drizzle wraps the driver's). */
export function databaseErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
