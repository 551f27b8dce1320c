import type { z } from 'zod';
import { hasMessage, t } from './i18n';

/**
 * One error shape for everything the server can answer with:
 * - our API's RFC 9457 problem details `{ type, title, status, detail, errors?: [{ path, message }] }`
 * - better-auth's `{ code, message }`
 * - a rate-limit 429 (better-auth sends only `{ message }`), a network failure, or an empty 5xx.
 */
export interface ErrorInfo {
  status: number;
  /** A machine-readable code: better-auth's `code`, or TOO_MANY_REQUESTS / NETWORK / HTTP_<status>. */
  code: string;
  /** What the server said in words (problem `detail` / `title`, or better-auth `message`), if anything. */
  serverMessage: string | undefined;
  /** Field messages by field name (`errors[].path`), first message per field. */
  fieldErrors: Record<string, string>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly serverMessage: string | undefined;
  readonly fieldErrors: Record<string, string>;

  constructor(info: ErrorInfo) {
    super(info.serverMessage ?? info.code);
    this.name = 'ApiError';
    this.status = info.status;
    this.code = info.code;
    this.serverMessage = info.serverMessage;
    this.fieldErrors = info.fieldErrors;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

/** `"displayName"`, `"/displayName"`, `"body.displayName"` or `["displayName"]` → `"displayName"`. */
function fieldName(path: unknown): string | undefined {
  const parts = Array.isArray(path)
    ? path.map(String)
    : typeof path === 'string'
      ? path.split(/[./]/)
      : [];
  const cleaned = parts.filter((part) => part.length > 0 && part !== 'body');
  return cleaned.length > 0 ? cleaned.join('.') : undefined;
}

/**
 * Turn an error response (status + parsed JSON body, or `undefined` when there was none) into
 * one `ErrorInfo`. Pure, so it is unit-tested without a server.
 */
export function parseErrorBody(status: number, body: unknown): ErrorInfo {
  const fieldErrors: Record<string, string> = {};
  let code: string | undefined;
  let serverMessage: string | undefined;

  if (isRecord(body)) {
    code = nonEmptyString(body.code);
    // Problem details: prefer the specific `detail`, then the `title`. better-auth: `message`.
    serverMessage = nonEmptyString(body.detail) ?? nonEmptyString(body.message) ?? nonEmptyString(body.title);
    if (Array.isArray(body.errors)) {
      for (const item of body.errors) {
        if (!isRecord(item)) continue;
        const name = fieldName(item.path);
        const message = nonEmptyString(item.message);
        if (name && message && !(name in fieldErrors)) fieldErrors[name] = message;
      }
    }
  }

  if (!code) code = status === 429 ? 'TOO_MANY_REQUESTS' : status === 0 ? 'NETWORK' : `HTTP_${status}`;
  return { status, code, serverMessage, fieldErrors };
}

/** Codes whose server wording is more specific than ours (e.g. which kind of common password). */
const PREFER_SERVER_MESSAGE = new Set(['PASSWORD_TOO_COMMON']);

/**
 * The sentence to show a person for an error: our own catalog wording for codes we know,
 * otherwise the server's problem `detail`, otherwise a calm generic message.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.code === 'NETWORK') return t('errors.network');
  if (error.status === 429) return t('errors.tooMany');
  if (PREFER_SERVER_MESSAGE.has(error.code) && error.serverMessage) return error.serverMessage;
  const key = `errors.codes.${error.code}`;
  if (hasMessage(key)) return t(key);
  if (error.status === 401) return t('errors.notSignedIn');
  if (error.status >= 500) return t('errors.generic');
  return error.serverMessage ?? t('errors.generic');
}

/** Where a better-auth code belongs in a form, e.g. PASSWORD_TOO_SHORT → the password field. */
export type CodeFields = Partial<Record<string, string>>;

/**
 * Split an error into messages next to fields and one general message for the form.
 * `codeFields` maps better-auth codes to the form's field names. `fieldNames` (when given) are
 * the fields the form shows: an error about any other path (e.g. `origin`) goes in the general
 * message instead, so no error is ever silently dropped.
 */
export function formErrors(
  error: unknown,
  codeFields: CodeFields = {},
  fieldNames?: ReadonlySet<string>,
): { fieldErrors: Record<string, string>; general: string | undefined } {
  if (!(error instanceof ApiError)) return { fieldErrors: {}, general: errorMessage(error) };

  const fieldErrors: Record<string, string> = {};
  let unplaced = false;
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    if (!fieldNames || fieldNames.has(path)) fieldErrors[path] = message;
    else unplaced = true;
  }
  const field = codeFields[error.code];
  if (field) {
    fieldErrors[field] = errorMessage(error);
    return { fieldErrors, general: undefined };
  }
  // A problem whose every message sits next to a field needs no general message.
  const allPlaced = Object.keys(fieldErrors).length > 0 && !unplaced;
  return { fieldErrors, general: allPlaced ? undefined : errorMessage(error) };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const successListeners = new Set<() => void>();

/**
 * Be told whenever a request reaches the server and succeeds — proof the connection works, so
 * the offline outbox (lib/sync.ts) sends what it is holding.
 */
export function onApiSuccess(listener: () => void): () => void {
  successListeners.add(listener);
  return () => successListeners.delete(listener);
}

export interface RequestOptions<T> {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** When given, the response is validated with it. */
  schema?: z.ZodType<T>;
  /**
   * Sent as `Idempotency-Key` (docs/decisions/005, 022): the same key for a retry of the same
   * submission lets the server answer the first result again instead of creating a second one.
   * Get one from `submissionKeys()`.
   */
  idempotencyKey?: string;
}

/** A random (version 4) UUID; `crypto.randomUUID` exists only in secure contexts, so fall back. */
function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Idempotency keys for one form: `keyFor(body)` gives the same UUID while the same body is
 * submitted again (a retry after a timeout or a dropped connection), and a fresh one once the
 * body changed or `done()` was called after a success (the next submission is a new one).
 *
 * @example const keys = submissionKeys(); await api(path, { body, idempotencyKey: keys.keyFor(body) }); keys.done();
 */
export function submissionKeys(newKey: () => string = randomUuid): { keyFor(body: unknown): string; done(): void } {
  let last: { body: string; key: string } | undefined;
  return {
    keyFor(body) {
      const text = JSON.stringify(body ?? null);
      if (!last || last.body !== text) last = { body: text, key: newKey() };
      return last.key;
    },
    done() {
      last = undefined;
    },
  };
}

/** The request headers for `options` (exported for tests). */
export function requestHeaders(options: Pick<RequestOptions<unknown>, 'body' | 'idempotencyKey'>): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  return headers;
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 204 || !type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * The one way the web app talks to the server. Same-origin cookies, JSON in and out, and every
 * failure thrown as an `ApiError`.
 *
 * @example const profile = await api('/api/v1/profile', { schema: profileSchema });
 */
export async function api<T = unknown>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const headers = requestHeaders(options);
  const init: RequestInit = {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    credentials: 'same-origin',
    headers,
    signal: options.signal ?? null,
  };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(parseErrorBody(0, undefined));
  }

  const body = await readJson(response);
  if (!response.ok) throw new ApiError(parseErrorBody(response.status, body));
  for (const listener of successListeners) listener();
  if (options.schema) {
    const parsed = options.schema.safeParse(body);
    if (!parsed.success) throw new ApiError({ ...parseErrorBody(502, undefined), code: 'BAD_RESPONSE' });
    return parsed.data;
  }
  return body as T;
}

/** True for an abort caused by a component unmounting — not worth showing anyone. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
